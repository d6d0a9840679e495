// The Teams bot's configuration: on only with BOT_APP_ID and the tabs' origin, keys fetched over TLS except from loopback.
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('bot configuration', () => {
  it('is off without BOT_APP_ID, and takes the Bot Connector defaults with it', () => {
    expect(loadConfig({}).bot).toBeNull();
    expect(loadConfig({ BOT_APP_ID: 'a1b2', CRM_HOSTING_URL: 'https://crm.contoso.de/' }).bot).toEqual({
      appId: 'a1b2',
      openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
      issuer: 'https://api.botframework.com',
      hostingUrl: 'https://crm.contoso.de',
    });
  });

  it('needs the https origin of the tabs the cards open', () => {
    expect(() => loadConfig({ BOT_APP_ID: 'a1b2' })).toThrow(/BOT_APP_ID needs CRM_HOSTING_URL/);
    expect(() => loadConfig({ BOT_APP_ID: 'a1b2', CRM_HOSTING_URL: 'http://crm.contoso.de' })).toThrow(/CRM_HOSTING_URL: must be an https origin/);
    expect(() => loadConfig({ BOT_APP_ID: 'a1b2', CRM_HOSTING_URL: 'https://crm.contoso.de/app' })).toThrow(/without a path/);
  });

  it('fetches the signing keys over https, or over http only from this machine', () => {
    const env = { BOT_APP_ID: 'a1b2', CRM_HOSTING_URL: 'https://crm.contoso.de' };
    expect(() => loadConfig({ ...env, BOT_OPENID_METADATA_URL: 'http://keys.example/v1/.well-known/openidconfiguration' })).toThrow(/BOT_OPENID_METADATA_URL/);
    expect(loadConfig({ ...env, BOT_OPENID_METADATA_URL: 'http://127.0.0.1:4000/v1/.well-known/openidconfiguration' }).bot?.openIdMetadataUrl).toBe(
      'http://127.0.0.1:4000/v1/.well-known/openidconfiguration',
    );
  });
});
