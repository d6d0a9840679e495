// `npm start`: the local host with embedded PGlite and demo data, offline and without Azure tools.
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRemoteJWKSet } from 'jose';
import { createServices } from '../../app/create-services';
import { createDevTokenIssuer, DEV_AUDIENCE } from '../../core/auth/dev-token-issuer';
import { loadConfig, type Config } from '../../core/config';
import { buildApiApp } from '../../app/routes';
import { buildTimers, startTimers } from '../../app/timers';
import { startReadAuditFlusher } from '../../core/audit/read-audit';
import type { Services } from '../../app/services';
import { seedDemoTenant } from '../../seed/seed-demo';
import { DEMO_USERS } from '@crm/common/demo';
import { migrate } from '../../core/db/migrate';
import { analyzeEmbedded } from '../../core/db/embedded-statistics';
import { openDb } from '../../core/db/open-db';
import { lockDataDir } from './data-dir-lock';
import { localSignIn, type LocalSignIn } from './local-sign-in';
import { startLocalServer } from './local-server';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function signInLines(config: Config, signIn: LocalSignIn, url: string): string[] {
  const entra = config.entra
    ? `Entra ID (client id ${config.entra.clientId}; tenants ${config.entra.allowedTenants === '*' ? 'any' : config.entra.allowedTenants.join(', ')})`
    : null;
  const dev = `POST ${url}/dev/token (development tokens; signed in as ${DEMO_USERS[0]!.displayName} by default)`;
  if (entra && signIn.devTokens) {
    return [
      `  sign-in      ${entra}`,
      `               AND ${dev}`,
      `               !!! CRM_DEV_TOKENS_INSECURE=1: anyone who can reach this port signs in as any user and role of the allowed tenants !!!`,
    ];
  }
  if (entra)
    return [`  sign-in      ${entra} only; development tokens off, so the standalone previews cannot sign in (CRM_DEV_TOKENS_INSECURE=1 turns them on)`];
  if (signIn.devTokens) return [`  sign-in      ${dev}`];
  return ['  sign-in      none: no Entra ID configured and CRM_DEV_TOKENS_INSECURE=0, so every API call gets 401'];
}

async function main() {
  const config = loadConfig();
  // Decided before anything opens, so a refused configuration leaves no database or lock behind.
  const signIn = localSignIn(config);
  const dataDir = config.databaseUrl ? undefined : resolve(config.dataDir ?? join(repoRoot, 'data'));
  const releaseLock = dataDir ? lockDataDir(dataDir) : () => undefined;
  const started = Date.now();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: dataDir && join(dataDir, 'pglite'), poolSize: config.poolSize });
  const applied = await migrate(db);
  const seed = config.seed === 'demo' ? await seedDemoTenant(db) : null;
  // PGlite has no autovacuum: without this its planner never had statistics (core/db/embedded-statistics.ts).
  await analyzeEmbedded(db);

  let services: Services | undefined;
  const server = await startLocalServer({
    host: config.host,
    port: config.port,
    sites: [
      { prefix: '/addin/', root: join(repoRoot, 'addin', 'dist'), title: 'Outlook add-in (preview mailbox) / Outlook-Add-in (Vorschau-Postfach)' },
      { prefix: '/teams/', root: join(repoRoot, 'teams-app', 'dist'), title: 'Teams tabs / Teams-Registerkarten' },
    ],
    // The add-in's build draws the app icon (addin/build.mjs).
    favicon: join(repoRoot, 'addin', 'dist', 'assets', 'icon-32.png'),
    pagePolicy: { authorityOrigin: config.entra?.authorityHost },
    prepare: async (baseUrl) => {
      const issuer = signIn.devTokens ? await createDevTokenIssuer(baseUrl) : null;
      const devIssuers = issuer
        ? [
            {
              issuerTemplate: issuer.issuerTemplate,
              // The host asks itself: jose's default 5 s ran out while a loaded machine was still starting it (a 503 on
              // the first call of a browser test at load 15), and waiting longer on our own answer costs nothing.
              keys: createRemoteJWKSet(new URL(`${baseUrl}/dev/jwks`), { timeoutDuration: 30_000 }),
              audiences: [DEV_AUDIENCE],
              // Beside Entra ID they admit no tenant Entra ID would not.
              allowedTenants: config.entra?.allowedTenants ?? ('*' as const),
            },
          ]
        : [];
      services = createServices(config, async () => db, devIssuers);
      return { api: buildApiApp(services, { corsOrigins: config.corsOrigins }), issuer };
    },
  });

  const lines = [
    '',
    'CRM for Outlook and Teams: local host is running',
    `  database     ${db.kind === 'pglite' ? `embedded PGlite in ${dataDir}` : 'PostgreSQL server (DATABASE_URL)'}`,
    `  migrations   ${applied.length > 0 ? `applied ${applied.join(', ')}` : 'up to date'}`,
    `  demo data    ${
      seed
        ? seed.counts
          ? `seeded (${Object.entries(seed.counts)
              .map(([k, v]) => `${v} ${k}`)
              .join(', ')})`
          : 'already there, reused'
        : 'not seeded (CRM_SEED=none)'
    }`,
    `  start page   ${server.url}/`,
    `  Outlook      ${server.url}/addin/`,
    `  Teams        ${server.url}/teams/`,
    `    account tab  ${server.url}/teams/account.html (pick an account; ?frame=sidePanel for the meeting side panel)`,
    `    config page  ${server.url}/teams/config.html`,
    `    My CRM       ${server.url}/teams/personal.html`,
    `    Insights     ${server.url}/teams/insights.html (team figures, goals, trend, accounts at risk)`,
    `    Privacy      ${server.url}/teams/privacy.html (requests, a person's data and rights, retention, audit; CRM.Privacy and CRM.Admin)`,
    `    Data         ${server.url}/teams/data.html (import, export, possible duplicates; CRM.Manager and CRM.Admin)`,
    `  API          ${server.url}/api/health   ${server.url}/api/openapi.json`,
    `  Graph sync   ${
      config.graph
        ? `${config.graph.baseUrl} (timer every ${config.syncTickSeconds} s${config.graph.notificationUrl ? `, notifications to ${config.graph.notificationUrl}` : ', no notifications: GRAPH_NOTIFICATION_URL unset'})`
        : 'off (set GRAPH_CLIENT_ID and GRAPH_CLIENT_SECRET; `npm run fake-graph` shows how to try it offline)'
    }`,
    ...signInLines(config, signIn, server.url),
    `  ready in     ${Date.now() - started} ms. Press Ctrl-C to stop.`,
    '',
  ];
  console.log(lines.join('\n'));
  const stopTimers = startTimers(buildTimers(config), services!, (message) => console.warn(message));
  const stopReadAudit = startReadAuditFlusher(config.readAudit.flushMs);
  // A machine-readable line for tests and scripts that start the host on a random port.
  console.log(`listening on ${server.url}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping; closing the database cleanly...`);
    await stopTimers();
    await server.close();
    // After the server, so reads of the last requests are written too; before the database closes.
    await stopReadAudit();
    await db.close();
    releaseLock();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
