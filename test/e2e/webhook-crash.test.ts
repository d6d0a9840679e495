// A host killed with SIGKILL after a change committed and before its webhook went out: the event is in the outbox
// (written in the change's own transaction), so the next host start delivers it, once, signed.
import { createHmac } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localApi } from '../support/local-api';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';
import { seededDataDir } from '../support/seeded-data-dir';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const dataDir = seededDataDir('crm-webhook-crash-');
let receiver: WebhookReceiver;
let host: LocalHostProcess | undefined;
let env: Record<string, string>;

/**
 * The first host delivers hourly (on the hour, and once 2 s after its start), so between those nothing can send the
 * event before the kill; the restarted one every second, so the test need not wait out the production 10 s.
 */
const HOURLY = { WEBHOOK_TICK_SECONDS: '3600' };
const EVERY_SECOND = { WEBHOOK_TICK_SECONDS: '1' };

async function clearOfTheHour(): Promise<void> {
  const toHour = 3_600_000 - (Date.now() % 3_600_000);
  if (toHour < 20_000) await new Promise((resolve) => setTimeout(resolve, toHour + 1000));
}

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  const caFile = join(dataDir, 'receiver-ca.pem');
  writeFileSync(caFile, receiver.certificate);
  env = { CRM_DATA_DIR: dataDir, NODE_EXTRA_CA_CERTS: caFile };
});

afterAll(async () => {
  await host?.stop('SIGKILL');
  await receiver.close();
  rmSync(dataDir, { recursive: true, force: true });
});

it('delivers after a restart what a killed host had committed but not sent', { timeout: 240_000 }, async () => {
  host = await startLocalHostProcess({ ...env, ...HOURLY });
  const api = localApi(host.url);
  const endpoint = await api<{ id: string; secret: string }>('POST', '/api/webhooks', { body: { url: receiver.url, events: ['account.created'] } });
  // Past the host's catch-up run 2 s after its start, and clear of the next tick on the hour.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  await clearOfTheHour();
  const account = await api<{ id: string }>('POST', '/api/accounts', { body: { name: 'Absturz GmbH' } });
  await host.stop('SIGKILL');
  expect(receiver.received).toEqual([]);

  host = await startLocalHostProcess({ ...env, ...EVERY_SECOND });
  const deadline = Date.now() + 60_000;
  while (receiver.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  // Two more ticks pass: nothing is sent twice once the receiver said 2xx.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  expect(receiver.received).toHaveLength(1);
  const [delivery] = receiver.received;
  expect(JSON.parse(delivery!.body)).toMatchObject({ type: 'account.created', data: { entity: 'account', id: account.body.id } });
  const { 'webhook-id': id, 'webhook-timestamp': timestamp } = delivery!.headers;
  const signature = createHmac('sha256', Buffer.from(endpoint.body.secret.replace(/^whsec_/, ''), 'base64'))
    .update(`${id}.${timestamp}.${delivery!.body}`)
    .digest('base64');
  expect(delivery!.headers['webhook-signature']).toBe(`v1,${signature}`);
});
