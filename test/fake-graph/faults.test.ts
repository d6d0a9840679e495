// Fault injection, authentication and permission errors, latency, and the request log with per-mailbox concurrency.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCertificate } from './certificate';
import { fetchToken, graphCaller } from './harness';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

let fg: FakeGraph;
let call: ReturnType<typeof graphCaller>;
let untrust: () => void;
let fgKey: string;
const A = 'anna.becker@rheinwerk-maschinenbau.de';
const B = 'markus.wolf@rheinwerk-maschinenbau.de';
const contacts = (who: string) => `/users/${who}/contactFolders/${fg.model.mailbox(who).defaultFolderId}/contacts/delta`;

beforeAll(async () => {
  const tls = generateCertificate();
  fgKey = tls.key;
  fg = await startFakeGraph({ tls });
  untrust = trustFakeGraphCert(fg.certPem);
  fg.model.addMailbox({ email: A });
  fg.model.addMailbox({ email: B });
  call = graphCaller(fg, await fetchToken(fg));
});
afterAll(async () => {
  untrust();
  await fg.close();
});
beforeEach(() => {
  fg.faults.clear();
  fg.setLatency(0);
  fg.resetStats();
});

describe('faults', () => {
  it('answers 429 TooManyRequests with Retry-After, then lets the retry through', async () => {
    const armed = fg.faults.add({ match: { mailbox: A, pathIncludes: '/contacts' }, status: 429, retryAfterSeconds: 3 });
    const throttled = await call('GET', contacts(A));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('3');
    expect(throttled.body.error).toMatchObject({ code: 'TooManyRequests', message: 'Please retry again later.' });
    expect((await call('GET', contacts(A))).status).toBe(200);
    expect(armed.fired).toBe(1);
    expect(fg.faults.pending()).toEqual([]);
  });

  it("answers Exchange's ApplicationThrottled with its documented message and Retry-After when a rule names that code", async () => {
    fg.faults.add({ match: { mailbox: A }, status: 429, code: 'ApplicationThrottled', retryAfterSeconds: 2 });
    const throttled = await call('GET', contacts(A));
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.body.error).toMatchObject({ code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' });
  });

  it('fires after k matching requests, only for the matching mailbox, `times` times', async () => {
    fg.faults.add({ match: { mailbox: A }, status: 503, retryAfterSeconds: 1, times: 2, afterRequests: 1 });
    const statuses = [];
    for (const who of [B, A, B, A, A, A]) statuses.push((await call('GET', contacts(who))).status);
    expect(statuses).toEqual([200, 200, 200, 503, 503, 200]);
    expect(fg.countRequests({ mailbox: A, status: 503 })).toBe(2);
  });

  it('injects 410 SyncStateNotFound, 504, 401 and 403 with Graph error bodies', async () => {
    fg.faults.add({ status: 410 });
    fg.faults.add({ status: 504 });
    fg.faults.add({ status: 401 });
    fg.faults.add({ status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' });
    const codes = [];
    for (let i = 0; i < 4; i += 1) {
      const reply = await call('GET', contacts(A));
      codes.push([reply.status, (reply.body.error as { code: string }).code]);
    }
    expect(codes).toEqual([
      [410, 'SyncStateNotFound'],
      [504, 'GatewayTimeout'],
      [401, 'InvalidAuthenticationToken'],
      [403, 'Authorization_RequestDenied'],
    ]);
  });

  it('resets the connection', async () => {
    fg.faults.add({ kind: 'reset', match: { method: 'GET' } });
    await expect(call('GET', contacts(A))).rejects.toThrow();
    expect(fg.requests[0]).toMatchObject({ status: 0, fault: 'reset' });
    expect((await call('GET', contacts(A))).status).toBe(200);
  });

  it('hangs until the client gives up', async () => {
    fg.faults.add({ kind: 'hang' });
    const started = Date.now();
    await expect(call('GET', contacts(A), { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await new Promise((r) => setTimeout(r, 20));
    expect(fg.inFlight.get(fg.model.mailbox(A).id)).toBe(0);
  });
});

describe('authentication and permissions', () => {
  it('rejects a missing or unknown bearer token with 401 InvalidAuthenticationToken', async () => {
    for (const headers of [{}, { authorization: 'Bearer forged' }] as Record<string, string>[]) {
      const res = await fetch(`${fg.graphBaseUrl}${contacts(A)}`, { headers });
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
    }
  });

  it('answers 403 ErrorAccessDenied when the app may not read the mailbox resource', async () => {
    fg.model.setPermissions(B, { calendar: false });
    const denied = await call('GET', `/users/${B}/calendarView/delta?startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`);
    expect(denied.status).toBe(403);
    expect(denied.body.error).toMatchObject({ code: 'ErrorAccessDenied' });
    expect((await call('GET', contacts(B))).status).toBe(200);
    fg.model.setPermissions(B, { calendar: true });
  });

  it('answers 404 for an unknown user', async () => {
    expect((await call('GET', '/users/nobody@example.com/contacts/delta')).status).toBe(404);
  });
});

describe('latency and accounting', () => {
  it('delays every request by the configured latency', async () => {
    fg.setLatency(60);
    const started = performance.now();
    await call('GET', contacts(A));
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
    expect(fg.requests[0]!.durationMs).toBeGreaterThanOrEqual(55);
  });

  it('tracks in-flight requests and the peak per mailbox', async () => {
    // long enough that all TLS handshakes finish inside it even on a busy machine
    fg.setLatency(300);
    await Promise.all([...Array.from({ length: 5 }, () => call('GET', contacts(A))), call('GET', contacts(B))]);
    const [a, b] = [fg.model.mailbox(A).id, fg.model.mailbox(B).id];
    expect(fg.peakConcurrency.get(a)).toBe(5);
    expect(fg.peakConcurrency.get(b)).toBe(1);
    expect(fg.inFlight.get(a)).toBe(0);
    expect(fg.countRequests({ mailbox: A, pathIncludes: '/contacts/delta', method: 'GET' })).toBe(5);
    expect(fg.requests.every((r) => r.status === 200 && r.path.startsWith('/v1.0/users/'))).toBe(true);
  });

  it('throttles requests beyond the per-mailbox concurrency limit when one is set', async () => {
    const limited = await startFakeGraph({ mailboxConcurrencyLimit: 4, latencyMs: 300, tls: { cert: fg.certPem, key: fgKey } });
    try {
      limited.model.addMailbox({ email: A });
      const limitedCall = graphCaller(limited, await fetchToken(limited));
      const replies = await Promise.all(Array.from({ length: 6 }, () => limitedCall('GET', contacts(A))));
      expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 429, 429]);
      expect(replies.find((r) => r.status === 429)!.headers.get('retry-after')).toBe('1');
    } finally {
      await limited.close();
    }
  });
});
