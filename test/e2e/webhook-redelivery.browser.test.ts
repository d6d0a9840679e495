// "Send again" of a delivery that failed, on the Data tab's Webhooks page in real Chromium against the local host: the
// delivery was given up after its 24 hours, the admin sends it again from the log, and the receiver gets it, signed,
// with its event id. No clock can be moved inside the host, so the data folder gets the endpoint and its failed
// delivery before the host starts, as the worker leaves them after a day of 503s.
import { createHmac, randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_TENANT_ID } from '@crm/common/demo';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { closeContexts, describeInBrowser, screenshot, sharedBrowser } from '../support/browser';
import { localApi } from '../support/local-api';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';
import { seededDataDir } from '../support/seeded-data-dir';
import { startWebhookReceiver, type WebhookReceiver } from '../support/webhook-receiver';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describeInBrowser('Webhooks page sends a failed delivery again, in Chromium', () => {
  const dataDir = seededDataDir('crm-webhook-redelivery-');
  const endpointId = randomUUID();
  const eventId = randomUUID();
  let receiver: WebhookReceiver;
  let host: LocalHostProcess;
  let browser: Browser;
  let page: Page;
  let accountId: string;

  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    const caFile = join(dataDir, 'receiver-ca.pem');
    writeFileSync(caFile, receiver.certificate);
    const db = await openPglite(join(dataDir, 'pglite'));
    try {
      accountId = (await db.query<{ id: string }>(`SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY name LIMIT 1`, [DEMO_TENANT_ID]))[0]!.id;
      await db.query(`INSERT INTO webhook_endpoints (tenant_id, id, url, description, events, secret) VALUES ($1, $2, $3, 'ERP', $4, $5)`, [
        DEMO_TENANT_ID,
        endpointId,
        receiver.url,
        ['account.changed'],
        SECRET,
      ]);
      await db.query(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_id, event_type, entity, entity_id, changed_fields, occurred_at, status,
           attempts, next_attempt_at, deadline_at, last_status, last_error)
         VALUES ($1, $2, $3, 'account.changed', 'account', $4, '{name}', now() - interval '25 hours', 'failed', 31, now() - interval '1 hour',
           now() - interval '1 hour', 503, 'HTTP 503')`,
        [DEMO_TENANT_ID, endpointId, eventId, accountId],
      );
    } finally {
      await db.close();
    }
    // The worker every second, so the test need not wait out the production 10 s.
    [host, browser] = await Promise.all([
      startLocalHostProcess({ CRM_DATA_DIR: dataDir, NODE_EXTRA_CA_CERTS: caFile, WEBHOOK_TICK_SECONDS: '1' }),
      sharedBrowser(),
    ]);
    page = await (await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' })).newPage();
  });
  afterAll(async () => {
    await closeContexts(browser);
    await host?.stop('SIGKILL');
    await receiver?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows the failed delivery with its last error, sends it again by keyboard, and the receiver gets it signed, with its event id', async () => {
    expect(receiver.received).toEqual([]);
    await page.goto(`${host.url}/teams/data.html?lang=en`);
    await page.waitForSelector('[data-ready-key="import"]');
    await page.getByRole('navigation', { name: 'Pages of the Data tab' }).getByRole('button', { name: 'Webhooks' }).click();
    await page.waitForSelector('[data-ready-key="webhooks"]', { state: 'attached' });
    const item = page.locator(`[data-webhook-id="${endpointId}"]`);
    await item.getByRole('button', { name: `Delivery log of ${receiver.url}` }).click();
    await page.waitForSelector(`[data-ready-key="deliveries-${endpointId}"]`, { state: 'attached' });
    const row = item.locator(`tr[data-event-id="${eventId}"]`);
    expect(await row.getAttribute('data-status')).toBe('failed');
    expect(await row.locator('td').allTextContents()).toEqual(expect.arrayContaining(['account.changed', 'Failed', '31', 'HTTP 503', 'given up']));
    await screenshot(page, 'data-webhooks-failed');

    await row.getByRole('button', { name: /^Send again: account\.changed of / }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('done-notice').filter({ hasText: 'Queued again: 1.' }).waitFor();
    await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(1);
    const [delivery] = receiver.received;
    const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': signature } = delivery!.headers;
    expect(id).toBe(eventId);
    const expected = createHmac('sha256', Buffer.from(SECRET.slice('whsec_'.length), 'base64'))
      .update(`${id}.${timestamp}.${delivery!.body}`)
      .digest('base64');
    expect(signature!.split(' ')).toContain(`v1,${expected}`);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: 'account.changed',
      data: { tenantId: DEMO_TENANT_ID, entity: 'account', id: accountId, changedFields: ['name'] },
    });

    const api = localApi(host.url);
    await expect
      .poll(async () => (await api<{ items: Array<{ eventId: string; status: string }> }>('GET', `/api/webhooks/${endpointId}/deliveries`)).body.items)
      .toEqual([expect.objectContaining({ eventId, status: 'delivered' })]);
  });
});
