// The README's offline walkthrough in Chromium: the local host against the fake Graph, connect and switch on in "My CRM", meetings arrive.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import { FakeGraphModel, startFakeGraph, type FakeGraph } from '../fake-graph/server';
import { seedDemo } from '../fake-graph/seed';
import { describeInBrowser, launchBrowser, screenshot } from '../support/browser';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';

/** The webhook URL must be known before the host starts, so the test picks the port. */
const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describeInBrowser('Graph sync walkthrough in Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crm-graph-e2e-'));
  let fg: FakeGraph;
  let host: LocalHostProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const model = new FakeGraphModel();
    seedDemo(model);
    fg = await startFakeGraph({ model, autoNotify: true });
    const certFile = join(dir, 'fake-graph.pem');
    writeFileSync(certFile, fg.certPem);
    const port = await freePort();
    host = await startLocalHostProcess({
      CRM_DATA_DIR: join(dir, 'data'),
      PORT: String(port),
      GRAPH_BASE_URL: fg.graphBaseUrl,
      GRAPH_AUTHORITY_HOST: fg.url,
      GRAPH_CLIENT_ID: 'fake-graph-client',
      GRAPH_CLIENT_SECRET: 'fake-graph-secret',
      GRAPH_NOTIFICATION_URL: `http://127.0.0.1:${port}`,
      NODE_EXTRA_CA_CERTS: certFile,
    });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'en-US' });
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop('SIGKILL');
    await fg?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const timelineText = async (accountId: string) => {
    await page.goto(`${host.url}/teams/account.html?accountId=${accountId}&lang=en`);
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
    return page.getByTestId('timeline').innerText();
  };

  it('connects the organisation, switches calendar sync on and shows the status in words', async () => {
    expect(host.output()).toContain(`Graph sync   ${fg.graphBaseUrl}`);
    await page.goto(`${host.url}/teams/personal.html?lang=en`);
    const card = page.getByTestId('sync-card');
    await card.getByRole('button', { name: 'Connect this organisation' }).click();
    await card.getByText('Organisation connected.').waitFor();
    await card.getByRole('switch', { name: /Calendar/ }).click();
    await card.locator('[data-resource="calendar"] [data-status="active"]').waitFor({ timeout: 30_000 });
    await screenshot(page, 'teams-sync-card');
    expect(await card.locator('[data-resource="calendar"]').innerText()).toMatch(/Active.*last synced/s);
  });

  it('puts customer meetings on the account timeline, never private ones, and a new meeting arrives by notification', async () => {
    const accounts = await page.evaluate(async (url) => {
      const token = (await (await fetch(`${url}/dev/token`, { method: 'POST' })).json()).access_token;
      const answer = await fetch(`${url}/api/accounts?q=Hoffmann`, { headers: { authorization: `Bearer ${token}` } });
      return (await answer.json()).items as { id: string; name: string }[];
    }, host.url);
    const hoffmann = accounts.find((a) => a.name === DEMO_FEATURED.knownContact.accountName)!;
    const first = await timelineText(hoffmann.id);
    expect(first).toContain('Rahmenvertrag 2027 – Verhandlung');
    expect(first).toContain('Jour fixe Hoffmann');
    expect(first).not.toContain('Arzttermin');

    fg.model.addEvent(DEMO_USERS[0]!.email, {
      subject: 'Kurzfristig: Lieferengpass besprechen',
      start: new Date(Date.now() + 86_400_000).toISOString(),
      end: new Date(Date.now() + 90_000_000).toISOString(),
      attendees: [DEMO_FEATURED.knownContact.email],
    });
    await expect.poll(() => timelineText(hoffmann.id), { timeout: 30_000, interval: 500 }).toContain('Kurzfristig: Lieferengpass besprechen');
  });
});
