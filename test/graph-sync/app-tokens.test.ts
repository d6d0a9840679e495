// App tokens from the fake identity platform through @azure/msal-node: with a secret, with a certificate, cached.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { msalAppTokens } from '../../functions/src/features/sync/graph/app-tokens';
import { graphConfigFor, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();
const dir = mkdtempSync(join(tmpdir(), 'crm-app-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tokenRequests = () => graph().requests.filter((r) => r.path.endsWith('/oauth2/v2.0/token')).length;

describe('Graph app tokens', () => {
  it('gets a client-credentials token with a secret and reuses it while it is valid', async () => {
    const tokens = msalAppTokens(graphConfigFor(graph()));
    const before = tokenRequests();
    const first = await tokens.token(graph().tenantId);
    expect(await tokens.token(graph().tenantId)).toBe(first);
    expect(tokenRequests() - before).toBe(1);
  });

  it('signs in with a certificate (private key file and SHA-256 thumbprint) instead of a secret', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=crm-graph-sync'], {
      stdio: 'ignore',
    });
    const thumbprint = new X509Certificate(readFileSync(cert)).fingerprint256.replaceAll(':', '');
    const tokens = msalAppTokens(graphConfigFor(graph(), { credential: { privateKeyPath: key, thumbprint } }));
    expect(await tokens.token(graph().tenantId)).toMatch(/\S{20,}/);
  });
});
