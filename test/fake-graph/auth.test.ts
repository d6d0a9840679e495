// The token endpoint is usable by a real @azure/msal-node client, and its tokens open the Graph API.
import { ConfidentialClientApplication } from '@azure/msal-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCaller } from './harness';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

let fg: FakeGraph;
let untrust: () => void;

beforeAll(async () => {
  fg = await startFakeGraph({ clients: [{ clientId: 'crm-app', clientSecret: 's3cret' }] });
  untrust = trustFakeGraphCert(fg.certPem);
  fg.model.addMailbox({ email: 'anna.becker@rheinwerk-maschinenbau.de' });
});
afterAll(async () => {
  untrust();
  await fg.close();
});

const app = (clientSecret: string) =>
  new ConfidentialClientApplication({ auth: { clientId: 'crm-app', clientSecret, authority: fg.authority, knownAuthorities: [new URL(fg.url).host] } });

describe('token endpoint', () => {
  it('issues a client-credentials token to msal-node that the Graph API accepts', async () => {
    const result = await app('s3cret').acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
    expect(result?.tokenType).toBe('Bearer');
    const reply = await graphCaller(fg, result!.accessToken)('GET', '/users/anna.becker@rheinwerk-maschinenbau.de');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ mail: 'anna.becker@rheinwerk-maschinenbau.de', displayName: 'Anna Becker' });
  });

  it('rejects a wrong secret', async () => {
    await expect(app('wrong').acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] })).rejects.toThrow(/invalid_client/);
  });

  it('serves OpenID metadata pointing at itself', async () => {
    const res = await fetch(`${fg.authority}/v2.0/.well-known/openid-configuration`);
    expect(((await res.json()) as { token_endpoint: string }).token_endpoint).toBe(`${fg.authority}/oauth2/v2.0/token`);
  });

  it('expires tokens after their lifetime and after revocation', async () => {
    const res = await fetch(`${fg.authority}/oauth2/v2.0/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: 'crm-app',
        client_secret: 's3cret',
        scope: 'https://graph.microsoft.com/.default',
      }),
    });
    const { access_token: token } = (await res.json()) as { access_token: string };
    const call = graphCaller(fg, token);
    expect((await call('GET', '/users/anna.becker@rheinwerk-maschinenbau.de')).status).toBe(200);
    fg.tokens.revokeAll();
    expect((await call('GET', '/users/anna.becker@rheinwerk-maschinenbau.de')).status).toBe(401);
  });
});
