// Wires configuration into services: the database, the trusted token issuers and the user cache.
import { createRemoteJWKSet } from 'jose';
import pkg from '../../package.json' with { type: 'json' };
import type { Config, EntraConfig } from '../core/config';
import { configureReadAudit } from '../core/audit/read-audit';
import { createActorResolver } from '../core/auth/actor-resolver';
import { createTokenValidator, type TrustedIssuer } from '../core/auth/token-validator';
import type { Db } from '../core/db/db';
import { createGraphActivityFeed, createGraphProvider, createSyncService } from '../features/sync';
import { createBotService } from '../features/teams-bot';
import type { Services } from './services';

/** Entra ID v2: one key set for all tenants, one issuer per tenant. */
export function entraIssuer(entra: EntraConfig): TrustedIssuer {
  return {
    issuerTemplate: `${entra.authorityHost}/{tenantid}/v2.0`,
    keys: createRemoteJWKSet(new URL(`${entra.authorityHost}/common/discovery/v2.0/keys`)),
    audiences: entra.audiences,
    allowedTenants: entra.allowedTenants,
  };
}

export function createServices(config: Config, db: () => Promise<Db>, extraIssuers: TrustedIssuer[] = []): Services {
  const issuers = [...(config.entra ? [entraIssuer(config.entra)] : []), ...extraIssuers];
  // Process-wide, like the buffer it configures: one switch for every database this process serves.
  configureReadAudit({ enabled: config.readAudit.enabled });
  return {
    db,
    authenticate: createTokenValidator(issuers),
    resolveActor: createActorResolver(),
    version: pkg.version,
    sync: createSyncService({
      db,
      provider: config.graph ? createGraphProvider(config.graph) : null,
      notificationUrl: config.graph?.notificationUrl,
      intervalSeconds: config.syncIntervalSeconds,
      log: (message) => console.warn(message),
    }),
    // The bot admits the tenants the API does; without Entra ID (the local host) every tenant, as the development sign-in.
    bot: config.bot ? createBotService(config.bot, config.entra?.allowedTenants ?? '*') : undefined,
    activityFeed: config.graph && config.teamsAppId ? createGraphActivityFeed(config.graph, config.teamsAppId) : undefined,
  };
}
