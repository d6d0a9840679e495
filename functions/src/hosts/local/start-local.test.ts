// `npm start` as a process: which sign-in it serves with Entra ID configured, what the banner says, and what it refuses.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import { startLocalHostProcess, type LocalHostProcess } from '../../../../test/support/local-host-process';
import { seededDataDir } from '../../../../test/support/seeded-data-dir';
import { createDevTokenIssuer } from '../../core/auth/dev-token-issuer';

const ENTRA_CLIENT_ID = '11111111-2222-4333-8444-555555555555';
/** Each test starts a host of its own; the helper's own start deadline (120 s) should be the one that fires on a busy machine. */
const START = { timeout: 130_000 };

describe('local host sign-in', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-start-local-'));
  const dataDirs: string[] = [];
  let host: LocalHostProcess | undefined;
  const start = (env: Record<string, string>) => {
    dataDirs.push(seededDataDir('crm-start-local-data-'));
    return startLocalHostProcess({ CRM_DATA_DIR: dataDirs.at(-1)!, ...env });
  };
  const accounts = (token: string) => fetch(`${host!.url}/api/accounts`, { headers: { authorization: `Bearer ${token}` } });
  const devToken = async (body: object = {}) => {
    const response = await fetch(`${host!.url}/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
    return ((await response.json()) as { access_token: string }).access_token;
  };

  afterEach(async () => {
    await host?.stop('SIGKILL');
    host = undefined;
  });
  afterAll(() => {
    for (const path of [dir, ...dataDirs]) rmSync(path, { recursive: true, force: true });
  });

  it('with Entra ID configured, serves no development tokens and trusts none signed the way they would be', START, async () => {
    host = await start({ ENTRA_CLIENT_ID, ENTRA_ALLOWED_TENANTS: DEMO_TENANT_ID });
    expect(host.output()).toMatch(new RegExp(`sign-in +Entra ID \\(client id ${ENTRA_CLIENT_ID}; tenants ${DEMO_TENANT_ID}\\) only; development tokens off`));
    expect((await fetch(`${host.url}/dev/token`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${host.url}/dev/jwks`)).status).toBe(404);
    // A token as the development issuer of this very host would sign it, as CRM.Admin of an allowed tenant.
    const lookalike = await createDevTokenIssuer(host.url);
    const admin = DEMO_USERS.find((user) => user.roles.includes('CRM.Admin'))!;
    const token = await lookalike.issue({ tenantId: DEMO_TENANT_ID, userId: admin.oid, name: admin.displayName, email: admin.email, roles: ['CRM.Admin'] });
    const response = await accounts(token);
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('issuer this API does not trust');
  });

  it('with CRM_DEV_TOKENS_INSECURE=1 beside Entra ID, says so loudly and still admits only the allowed tenants', START, async () => {
    host = await start({ ENTRA_CLIENT_ID, ENTRA_ALLOWED_TENANTS: DEMO_TENANT_ID, CRM_DEV_TOKENS_INSECURE: '1' });
    expect(host.output()).toMatch(/AND POST http:\S+\/dev\/token \(development tokens;/);
    expect(host.output()).toContain('!!! CRM_DEV_TOKENS_INSECURE=1: anyone who can reach this port');
    expect((await accounts(await devToken())).status).toBe(200);
    const otherTenant = await accounts(await devToken({ tenantId: randomUUID(), roles: ['CRM.Admin'] }));
    expect(otherTenant.status).toBe(403);
  });

  it('refuses to start with development tokens on a non-loopback address, before it opens anything', START, async () => {
    const dataDir = join(dir, 'never-opened');
    const refused = await startLocalHostProcess({ CRM_DATA_DIR: dataDir, HOST: '0.0.0.0' }).then(
      () => null,
      (error: unknown) => String(error),
    );
    expect(refused).toContain('could not start: HOST=0.0.0.0 is not a loopback address');
    expect(existsSync(dataDir)).toBe(false);
  });
});
