// Issue #12 in real Chromium: the account tab's layout in a 320 px meeting side panel, and what a new user tripped over.
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import { describeInBrowser, screenshot } from '../support/browser';
import { localApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

const HOFFMANN = DEMO_FEATURED.knownContact.accountName;

/** Elements in the page wider than the room their parent gives them, as "tag.class: scroll > client". */
const OVERFLOWING = `() => [document.documentElement, ...document.querySelectorAll('main, main *')]
  .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'hidden' && el.clientWidth > 0)
  .map((el) => el.tagName.toLowerCase() + '.' + el.className + ': ' + el.scrollWidth + ' > ' + el.clientWidth)`;

describeInBrowser('Teams account tab in daily use (Chromium)', () => {
  // The meeting side panel's width.
  const suite = seededHostInBrowser('crm-tab-daily-', { context: { viewport: { width: 320, height: 700 } } });
  let host: LocalHostProcess;
  let page: Page;
  let accountId: string;

  const openAccount = async (query = '') => {
    await page.goto(`${host.url}/teams/account.html?accountId=${accountId}&lang=en${query}`);
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
  };

  beforeAll(async () => {
    ({ host } = suite);
    const { body } = await localApi(host.url)<{ items: { id: string; name: string }[] }>('GET', `/api/accounts?q=${encodeURIComponent('Hoffmann')}`);
    accountId = body.items.find((a) => a.name === HOFFMANN)!.id;
  });
  beforeEach(() => {
    ({ page } = suite);
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

  it('exports the timeline as filtered into a file German Excel opens, by keyboard, without widening the side panel', async () => {
    await openAccount('&frame=sidePanel');
    // Once loading is over: a spinner's own animation is wider than its box for a moment.
    await expect.poll(() => page.evaluate(`(${OVERFLOWING})()`)).toEqual([]);
    await page.getByRole('group', { name: 'Types (none chosen: all)' }).getByRole('button', { name: 'Email' }).click();
    const exportButton = page.getByRole('button', { name: /^Export the timeline as filtered/ });
    await exportButton.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(bytes.toString('utf8'), { delimiter: ';', bom: true }) as string[][];
    expect(header).toEqual(expect.arrayContaining(['Date (UTC)', 'Type', 'Subject']));
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((row) => row[header!.indexOf('Type')]))).toEqual(new Set(['email']));
    expect(rows.map((row) => row[header!.indexOf('Companies')])).toContain(HOFFMANN);
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

  it('finds records by words and two types at once, with the count of all matches, at 1280 x 800 with the keyboard', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    const api = localApi(host.url);
    const word = `Kolbenpumpe${Date.now().toString(36)}`;
    const log = (type: string, subject: string, hoursAgo: number) =>
      api('POST', '/api/interactions', {
        body: { type, subject, accountIds: [accountId], source: 'teams', occurredAt: new Date(Date.now() - hoursAgo * 3_600_000).toISOString() },
      });
    await log('call', `${word} Rückruf`, 1);
    await log('meeting', `Termin zur ${word}`, 2);
    await log('note', `${word} Notiz`, 3);
    const all = await api<{ total: number }>('GET', `/api/accounts/${accountId}/timeline?count=true&limit=1`);
    await openAccount();
    const count = page.getByTestId('timeline-count');
    await expect.poll(() => count.innerText()).toBe(`${Math.min(50, all.body.total)} of ${all.body.total.toLocaleString('en-GB')}`);

    await page.getByRole('searchbox', { name: 'Search' }).focus();
    await page.keyboard.type(word.toLowerCase());
    await page.keyboard.press('Enter');
    await expect.poll(() => count.innerText()).toBe('3 of 3');
    const types = page.getByRole('group', { name: 'Types (none chosen: all)' });
    await types.getByRole('button', { name: 'Call' }).focus();
    await page.keyboard.press('Space');
    await types.getByRole('button', { name: 'Meeting' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => count.innerText()).toBe('2 of 2');
    const subjects = await page.locator('[data-interaction-id]').evaluateAll((rows) => rows.map((row) => row.querySelector('[title]')?.getAttribute('title')));
    expect(subjects).toEqual([`${word} Rückruf`, `Termin zur ${word}`]);
    expect(await types.getByRole('button', { name: 'Call' }).getAttribute('aria-pressed')).toBe('true');
    await screenshot(page, 'teams-timeline-search-filters');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => count.innerText()).toBe(`${Math.min(50, all.body.total)} of ${all.body.total.toLocaleString('en-GB')}`);
  });

  it('changes a deal in the 320 px side panel with the keyboard, and names the colleague who changed it in between', async () => {
    const api = localApi(host.url);
    const colleague = localApi(host.url, DEMO_USERS[1]!);
    const name = `Ersatzteile ${Date.now().toString(36)}`;
    const { body: deal } = await api<{ id: string }>('POST', '/api/opportunities', { body: { accountId, name, amount: 1000, expectedCloseDate: '2027-03-31' } });
    await openAccount('&frame=sidePanel');
    await page.getByRole('button', { name: `Change ${name}` }).focus();
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Change ${name}` });
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await page.evaluate(`(${OVERFLOWING})()`)).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('1250.50');
    await page.keyboard.press('Enter');
    await page.getByText(`Opportunity "${name}" saved.`).waitFor();
    expect((await api<{ amount: number }>('GET', `/api/opportunities/${deal.id}`)).body.amount).toBe(1250.5);

    await page.getByRole('button', { name: `Change ${name}` }).click();
    await form.waitFor();
    const read = await colleague('GET', `/api/opportunities/${deal.id}`);
    await colleague('PATCH', `/api/opportunities/${deal.id}`, { body: { amount: 900 }, ifMatch: read.etag! });
    await form.getByLabel('Expected close').fill('2027-06-30');
    await form.getByRole('button', { name: 'Save' }).click();
    const notice = page.getByTestId('changed-notice');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`${DEMO_USERS[1]!.displayName} changed this record on`);
    expect(await notice.innerText()).toContain('€900');
    await screenshot(page, 'teams-side-panel-opportunity-conflict');
    await notice.getByRole('button', { name: 'Overwrite with my changes' }).click();
    await page.getByText(`Opportunity "${name}" saved.`).waitFor();
    const saved = (await api<{ amount: number; expectedCloseDate: string }>('GET', `/api/opportunities/${deal.id}`)).body;
    expect([saved.amount, saved.expectedCloseDate]).toEqual([900, '2027-06-30']);
  });

  it('serves an icon at /favicon.ico', async () => {
    const response = await fetch(`${host.url}/favicon.ico`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect([...new Uint8Array(await response.arrayBuffer()).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
});
