// Application tokens for Graph (client credentials) from @azure/msal-node, one confidential client per tenant.
import { readFileSync } from 'node:fs';
import { ConfidentialClientApplication, type Configuration } from '@azure/msal-node';
import type { GraphConfig } from '../../../core/config';

export interface AppTokens {
  token(tenantId: string): Promise<string>;
}

/** The resource whose ".default" scope grants the app's Graph permissions, e.g. https://graph.microsoft.com. */
export const graphResource = (baseUrl: string) => new URL(baseUrl).origin;

export function msalAppTokens(config: GraphConfig): AppTokens {
  const clients = new Map<string, ConfidentialClientApplication>();
  const authorityHost = new URL(config.authorityHost);
  const credential =
    'secret' in config.credential
      ? { clientSecret: config.credential.secret }
      : { clientCertificate: { thumbprintSha256: config.credential.thumbprint, privateKey: readFileSync(config.credential.privateKeyPath, 'utf8') } };
  const clientFor = (tenantId: string) => {
    let client = clients.get(tenantId);
    if (!client) {
      const msal: Configuration = {
        auth: {
          clientId: config.clientId,
          authority: `${config.authorityHost}/${tenantId}`,
          // National clouds and test authorities are trusted as configured instead of discovered.
          knownAuthorities: [authorityHost.host],
          ...credential,
        },
      };
      client = new ConfidentialClientApplication(msal);
      clients.set(tenantId, client);
    }
    return client;
  };
  const scopes = [`${graphResource(config.baseUrl)}/.default`];
  return {
    async token(tenantId) {
      // msal-node caches the token and renews it shortly before expiry.
      const result = await clientFor(tenantId).acquireTokenByClientCredential({ scopes });
      if (!result?.accessToken) throw new Error('the identity platform returned no access token');
      return result.accessToken;
    },
  };
}
