// The local host's sign-in decision: development tokens by default only without Entra ID, and never off loopback.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../core/config';
import { isLoopback, localSignIn } from './local-sign-in';

const ENTRA = { ENTRA_CLIENT_ID: '11111111-2222-4333-8444-555555555555', ENTRA_ALLOWED_TENANTS: '66666666-7777-4888-9999-000000000000' };
const signIn = (env: Record<string, string>) => localSignIn(loadConfig(env));

describe('local sign-in', () => {
  it('keeps development tokens on for plain `npm start`, and off once Entra ID is configured', () => {
    expect(signIn({})).toEqual({ entra: false, devTokens: true });
    expect(signIn(ENTRA)).toEqual({ entra: true, devTokens: false });
  });

  it('turns them on beside Entra ID only when CRM_DEV_TOKENS_INSECURE=1 asks, and off on 0', () => {
    expect(signIn({ ...ENTRA, CRM_DEV_TOKENS_INSECURE: '1' })).toEqual({ entra: true, devTokens: true });
    expect(signIn({ CRM_DEV_TOKENS_INSECURE: '0' })).toEqual({ entra: false, devTokens: false });
    expect(() => signIn({ CRM_DEV_TOKENS_INSECURE: 'yes' })).toThrow(/CRM_DEV_TOKENS_INSECURE: must be 1 \(on\) or 0 \(off\)/);
  });

  it('refuses to start with development tokens on an address other machines can reach', () => {
    expect(() => signIn({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 is not a loopback address.*configure Entra ID/);
    expect(() => signIn({ ...ENTRA, HOST: '192.168.1.20', CRM_DEV_TOKENS_INSECURE: '1' })).toThrow(/remove CRM_DEV_TOKENS_INSECURE=1/);
    expect(signIn({ ...ENTRA, HOST: '0.0.0.0' })).toEqual({ entra: true, devTokens: false });
  });

  it('counts only loopback names as loopback', () => {
    expect(['127.0.0.1', '127.10.0.3', 'localhost', '::1'].filter(isLoopback)).toHaveLength(4);
    expect(['0.0.0.0', '::', '10.0.0.1', 'crm.example', '127.0.0.1.example'].filter(isLoopback)).toEqual([]);
  });
});
