// Issue #12 in real Chromium: the account tab's layout in a 320 px meeting side panel, and what a new user tripped over.
import { rmSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED } from '@crm/common/demo';
import { describeInBrowser, launchBrowser, screenshot } from '../support/browser';
import { localApi } from '../support/local-api';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';
import { seededDataDir } from '../support/seeded-data-dir';

const HOFFMANN = DEMO_FEATURED.knownContact.accountName;

/** Elements in the page wider than the room their parent gives them, as "tag.class: scroll > client". */
const OVERFLOWING = `() => [document.documentElement, ...document.querySelectorAll('main, main *')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden' && el.clientWidth > 0)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className + ': ' + el.scrollWidth + ' > ' + el.clientWidth)`;

describeInBrowser('Teams account tab in daily use (Chromium)', () => {
  const dataDir = seededDataDir('crm-tab-daily-');
  let host: LocalHostProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;

  const openAccount = async (query = '') => {
    await page.goto(`${host.url}/teams/account.html?accountId=${accountId}&lang=en${query}`);
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
  };

  beforeAll(async () => {
    host = await startLocalHostProcess({ CRM_DATA_DIR: dataDir });
    browser = await launchBrowser();
    const { body } = await localApi(host.url)<{ items: { id: string; name: string }[] }>('GET', `/api/accounts?q=${encodeURIComponent('Hoffmann')}`);
    accountId = body.items.find((a) => a.name === HOFFMANN)!.id;
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 320, height: 700 }, locale: 'en-US' });
    page = await context.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  afterAll(async () => {
    await browser?.close();
    await host?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fits the log form into a 320 px meeting side panel without scrolling sideways', async () => {
    await openAccount('&frame=sidePanel');
    await page.getByRole('button', { name: 'Log note, call or meeting' }).click();
    const form = page.getByRole('form', { name: `Log to ${HOFFMANN}` });
    await form.waitFor();
    expect(await page.evaluate(`(${OVERFLOWING})()`)).toEqual([]);
    const box = (await form.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    await screenshot(page, 'teams-side-panel-log-form');
  });

  it('offers the account picker for an account id that names no account, and picks one with the keyboard alone', async () => {
    await page.goto(`${host.url}/teams/account.html?accountId=not-a-uuid&lang=en`);
    await page.getByTestId('account-missing').waitFor();
    expect(await page.locator('main').innerText()).not.toContain('Invalid UUID');
    const search = page.getByRole('combobox', { name: 'Search accounts' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    await page.keyboard.type('hoffmann');
    await page.getByRole('option', { name: `Choose ${HOFFMANN}` }).waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('option', { name: `Choose ${HOFFMANN}` }).getAttribute('aria-selected')).toBe('true');
    expect(await search.getAttribute('aria-activedescendant')).toBe(await page.getByRole('option', { name: `Choose ${HOFFMANN}` }).getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
    expect(new URL(page.url()).searchParams.getAll('accountId')).toEqual([accountId]);
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
  });

  it('serves an icon at /favicon.ico', async () => {
    const response = await fetch(`${host.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
