// The receiver's lines as README.md and docs/WEBHOOKS.md print them, run as an ERP would run them against deliveries
// the worker really sent: a delivery verifies, a retry hours later verifies too (it is signed when it is sent), and a
// captured delivery sent again later, with its old timestamp or with a new one, is rejected.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase } from '../../../../test/support/databases';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../test/support/webhook-receiver';
import { deliverDue } from './delivery';

type Verify = (secret: string, headers: Record<string, string>, rawBody: string) => { type: string; data: { id: string } };

const repoFile = (path: string) => readFileSync(new URL(`../../../../${path}`, import.meta.url), 'utf8');
/** The one js block of a document that defines verifyCrmWebhook. */
const snippetOf = (path: string): string => {
  const blocks = [...repoFile(path).matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!).filter((code) => code.includes('function verifyCrmWebhook'));
  expect(blocks, path).toHaveLength(1);
  return blocks[0]!;
};

const HOUR = 3_600_000;
let folder: string;
let verifiers: Array<[string, Verify]>;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'crm-receiver-'));
  verifiers = [];
  for (const [name, path] of [
    ['README', 'README.md'],
    ['WEBHOOKS', 'docs/WEBHOOKS.md'],
  ] as const) {
    const file = join(folder, `${name}.mjs`);
    writeFileSync(file, snippetOf(path));
    verifiers.push([path, ((await import(pathToFileURL(file).href)) as { verifyCrmWebhook: Verify }).verifyCrmWebhook]);
  }
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describeEachDatabase('the documented receiver', (getDb) => {
  let api: ApiHarness;
  let receiver: WebhookReceiver;
  const call = callAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    receiver = await startWebhookReceiver();
  });
  afterAll(() => receiver.close());
  afterEach(() => vi.restoreAllMocks());

  it('verifies real deliveries, a retry hours later included, and rejects replays and tampering', async () => {
    expect(snippetOf('README.md')).toBe(snippetOf('docs/WEBHOOKS.md'));
    const admin = await api.token({ tenantId: randomUUID(), userId: randomUUID(), roles: ['CRM.Admin'] });
    const endpoint = await createAs(() => api)<{ id: string; etag: string; secret: string }>(admin, '/api/webhooks', { url: receiver.url, events: ['account.created'] });
    const account = await createAs(() => api)(admin, '/api/accounts', { name: 'Empfänger GmbH' });
    receiver.respond(500);
    const t0 = new Date();
    const later = new Date(t0.getTime() + 2 * HOUR);
    expect(await deliverDue(getDb(), { now: () => t0 })).toEqual({ delivered: 0, failed: 1 });
    expect(await deliverDue(getDb(), { now: () => later })).toEqual({ delivered: 1, failed: 0 });
    const [first, retry] = receiver.received;
    expect(retry!.headers['webhook-id']).toBe(first!.headers['webhook-id']);

    for (const [path, verify] of verifiers) {
      vi.spyOn(Date, 'now').mockReturnValue(t0.getTime());
      expect(verify(endpoint.secret, first!.headers, first!.body), path).toMatchObject({ type: 'account.created', data: { id: account.id } });
      vi.spyOn(Date, 'now').mockReturnValue(later.getTime());
      expect(verify(endpoint.secret, retry!.headers, retry!.body), path).toMatchObject({ type: 'account.created', data: { id: account.id } });
      // The first attempt captured and sent again two hours later: its signed timestamp is too old.
      expect(() => verify(endpoint.secret, first!.headers, first!.body), path).toThrow(/too old/);
      // ... and a fresh timestamp in its header breaks the signature, which covers the timestamp.
      const restamped = { ...first!.headers, 'webhook-timestamp': retry!.headers['webhook-timestamp']! };
      expect(() => verify(endpoint.secret, restamped, first!.body), path).toThrow(/invalid webhook signature/);
      expect(() => verify(endpoint.secret, retry!.headers, retry!.body.replace('account.created', 'account.deleted')), path).toThrow(/invalid webhook signature/);
      const other = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
      expect(() => verify(other, retry!.headers, retry!.body), path).toThrow(/invalid webhook signature/);
      vi.restoreAllMocks();
    }
    expect((await call(admin, 'GET', `/api/webhooks/${endpoint.id}/deliveries`)).body.items[0]).toMatchObject({ status: 'delivered', attempts: 2 });
  });
});
