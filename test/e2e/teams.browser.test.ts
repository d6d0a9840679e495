// The Teams tabs in real Chromium, standalone against the local host: configure (an account, or the team's figures for a
// channel), account 360, log, resolve, My CRM, themes, errors.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { AccountInsights } from '@crm/common';
import { DEMO_FEATURED } from '@crm/common/demo';
import { describeInBrowser, screenshot, SCREENSHOTS } from '../support/browser';
import { textContrast } from '../support/contrast';
import { localApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

const HOFFMANN = DEMO_FEATURED.knownContact.accountName;
const EVIL = '<img src=x onerror=alert(1)><b>bold</b>';

describeInBrowser('Teams tabs in Chromium', () => {
  const suite = seededHostInBrowser('crm-teams-');
  let host: LocalHostProcess;
  let page: Page;
  let dialogs: string[];
  let accountId: string;

  const tab = () => page.locator('main');
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
    // Every test has a page of its own, so none inherits another's address, viewport, dialogs or blocked routes.
    ({ page } = suite);
    dialogs = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  afterAll(() => {
    console.log(`Teams tab screenshots: ${SCREENSHOTS}`);
  });

  it('links the tabs from the start page and prints their URLs', async () => {
    expect(host.output()).toContain('/teams/account.html');
    expect(host.output()).toContain('/teams/personal.html');
    await page.goto(`${host.url}/teams/`);
    expect(await page.getByRole('link', { name: /Account tab/ }).getAttribute('href')).toBe('account.html');
    expect(await page.getByRole('link', { name: /My CRM/ }).getAttribute('href')).toBe('personal.html');
  });

  it('sends the account tab’s first requests from its head before its bundle runs, once each, when the session has a token (#12)', async () => {
    const firstScreen = () =>
      page.evaluate(() => {
        const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
        return performance
          .getEntriesByType('resource')
          .filter((e) => /\/api\/accounts\/[^/]+\/(overview|timeline)/.test(e.name))
          .map((e) => ({ path: new URL(e.name).pathname.replace(/.*\//, ''), beforeParsed: e.startTime < parsed }));
      });
    // The first load gets the session's token; the next one finds it there.
    await openAccount();
    await openAccount();
    await page.locator('[data-interaction-id]').first().waitFor();
    // Sent while the page was still being parsed, which is before any module script runs, and taken by the tab: not asked again.
    expect(await firstScreen()).toEqual([
      { path: 'overview', beforeParsed: true },
      { path: 'timeline', beforeParsed: true },
    ]);
    expect(await page.getByRole('heading', { name: HOFFMANN, level: 1 }).count()).toBe(1);
  });

  it('configures the account tab by searching and picking an account', async () => {
    await page.goto(`${host.url}/teams/config.html?lang=en`);
    await page.getByRole('combobox', { name: 'Search accounts' }).fill('hoffmann');
    await page.getByRole('option', { name: `Choose ${HOFFMANN}` }).click();
    await screenshot(page, 'teams-config');
    await page.getByRole('button', { name: 'Open the account tab' }).click();
    await page.waitForURL(/account\.html\?accountId=/);
    expect(new URL(page.url()).searchParams.get('accountId')).toBe(accountId);
    await page.waitForSelector(`[data-ready-key="${accountId}"]`);
  });

  it('configures the tab for a channel with the team’s figures, which then shows those alone', async () => {
    await page.goto(`${host.url}/teams/config.html?lang=en`);
    // From the keyboard: the choice is a radio group, the Open button follows it.
    await page.getByRole('radio', { name: 'The team’s figures (Insights)' }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Open the Insights tab' }).click();
    await page.waitForURL(/insights\.html\?scope=team/);
    await page.waitForSelector('[data-ready-key="insights"]');
    expect(await page.locator('[data-scope="team"]').count()).toBe(1);
    expect(await page.getByRole('navigation').count()).toBe(0);
    expect(await page.getByTestId('insights-note').textContent()).toContain('the same for everyone in this channel or chat; no figures per employee');
    expect(await page.locator('[data-figure="winRate"]').count()).toBe(1);
    await screenshot(page, 'teams-config-insights');
  });

  it('shows the account 360: header, figures, contacts with role and consent, pipeline, complaint and follow-up', async () => {
    await openAccount();
    expect(await page.getByTestId('account-name').innerText()).toBe(HOFFMANN);
    const text = await tab().innerText();
    expect(text).toContain('Owner: Anna Becker');
    expect(text).toContain('Open pipeline');
    expect(text).toContain(DEMO_FEATURED.knownContact.name);
    expect(text).toContain('Decision maker');
    expect(text).toContain('Email consent given');
    expect(text).toContain('Negotiation (75 %)');
    expect(text).toContain('Reklamation: Getriebe mit Lagerschaden');
    expect(text).toMatch(/Angebot nachfassen: Hoffmann Antriebstechnik GmbH\s+overdue since/);
    await expect.poll(() => page.locator('[data-interaction-id]').count()).toBeGreaterThan(0);
    await screenshot(page, 'teams-account');
  });

  it('shows the account’s insights from the keyboard, loaded after the first screen, with the API’s figures (#15)', async () => {
    const { body: api } = await localApi(host.url)<AccountInsights>('GET', `/api/accounts/${accountId}/insights`);
    const asked: string[] = [];
    page.on('request', (request) => void (request.url().includes('/insights') && asked.push(request.url())));
    await openAccount();
    const block = page.getByTestId('account-insights-block');
    const toggle = block.getByRole('button', { name: 'Show ABC class, lifetime value, segment, churn risk and key figures' });
    await toggle.focus();
    expect(asked).toEqual([]);
    await page.keyboard.press('Enter');
    const view = block.getByTestId('account-insights');
    await view.waitFor();
    // The same button, now saying what it does next.
    expect(await block.getByRole('button', { name: 'Hide the figures' }).getAttribute('aria-expanded')).toBe('true');
    expect(asked).toHaveLength(1);
    const money = (value: number) =>
      new Intl.NumberFormat('en-GB', { style: 'currency', currency: api.currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
    expect(await view.getByTestId('clv-value').innerText()).toBe(money(api.clv.value));
    expect(await view.getByTestId('risk-score').innerText()).toBe(String(api.churnRisk.score));
    expect(await view.getByTestId('clv-terms').locator('tbody tr').count()).toBe(api.clv.terms.length);
    // The factors with the most points first, each with its points against its weight.
    const top = [...api.churnRisk.factors].sort((a, b) => b.contribution - a.contribution)[0]!;
    expect(await view.getByTestId('risk-factors').locator('tbody tr').first().getAttribute('data-factor')).toBe(top.factor);
    expect(await view.getByTestId('segment-rule').innerText()).toBe(`Rule that set it: ${api.segment.rule}`);
    expect(await view.innerText()).toContain(api.clv.formula);
    // The account's key figures from the same answer: the demo account has logged interactions and complaints.
    const figures = api.keyFigures!;
    const keyFigures = view.getByTestId('account-key-figures');
    expect(await keyFigures.locator('[data-figure="complaints"]').innerText()).toContain(
      `${figures.complaints.count} received in the period, ${figures.complaints.open} open now`,
    );
    expect(await keyFigures.locator('[data-figure="adoption"]').innerText()).toContain(`${figures.adoption.logged} in the period`);
    expect(figures.adoption.logged).toBeGreaterThan(0);
    await screenshot(page, 'teams-account-insights');
  });

  it('logs a note (Enter submits) and shows it at the top of the timeline, its HTML as text', async () => {
    await openAccount();
    await page.getByRole('button', { name: 'Log note, call or meeting' }).click();
    const form = page.getByRole('form', { name: `Log to ${HOFFMANN}` });
    await form.getByLabel('Note').fill(EVIL);
    await form.getByLabel('Subject').fill('Abstimmung im Kanal');
    await form.getByLabel('Subject').press('Enter');
    await expect.poll(() => page.locator('[data-interaction-id]').first().innerText()).toContain('Abstimmung im Kanal');
    expect(await page.locator('[data-interaction-id]').first().innerText()).toContain(EVIL);
    expect(await tab().locator('img, b').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'teams-logged');
  });

  it('resolves an open complaint with a resolution text', async () => {
    // A complaint of its own: the demo's complaint stays open for the account 360 test, in whatever order they run.
    const subject = 'Reklamation: Lieferung mit Transportschaden';
    await localApi(host.url)('POST', '/api/interactions', {
      body: { type: 'complaint', status: 'open', occurredAt: new Date().toISOString(), subject, accountIds: [accountId] },
    });
    await openAccount();
    await page.getByRole('button', { name: `Resolve complaint: ${subject}` }).click();
    const form = page.getByRole('form', { name: `Resolve complaint: ${subject}` });
    await form.getByLabel('Resolution').fill('Zwei Getriebe kostenlos ersetzt');
    await form.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => page.getByTestId('complaints').innerText()).not.toContain(subject);
    await openAccount();
    expect(await page.getByTestId('complaints').innerText()).not.toContain(subject);
    await expect.poll(() => page.getByTestId('timeline').innerText()).toContain('resolved: Zwei Getriebe kostenlos ersetzt');
  });

  it('lists an overdue follow-up first and a sleeping customer in My CRM', async () => {
    await page.goto(`${host.url}/teams/personal.html?lang=en`);
    await page.waitForSelector('[data-ready-key="me"]');
    const first = page.getByTestId('my-tasks').getByRole('listitem').first();
    expect(await first.getAttribute('data-overdue')).toBe('true');
    expect(await first.innerText()).toContain('Overdue');
    const sleeping = await page.getByTestId('sleeping').innerText();
    for (const name of DEMO_FEATURED.sleepingAccountNames) expect(sleeping).toContain(name);
    expect(await page.getByTestId('forecast').innerText()).toMatch(/This quarter \(\d{4}-Q\d\)/);
    await screenshot(page, 'teams-my-crm');
  });

  it('renders readably in dark and high contrast (text contrast at least 4.5:1)', async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      await openAccount(`&theme=${theme}`);
      // Dark and high contrast load after the script; the tab shows itself once they have arrived.
      await page.waitForSelector(`[data-theme="${theme}"]`, { state: 'visible' });
      for (const locator of [page.getByTestId('account-name'), page.locator('[data-interaction-id]').first(), page.getByTestId('complaints').locator('h2')]) {
        expect(await textContrast(locator), `${theme} contrast`).toBeGreaterThanOrEqual(4.5);
      }
      await screenshot(page, `teams-account-${theme}`);
    }
  });

  it('uses the compact layout in a meeting side panel', async () => {
    await page.setViewportSize({ width: 320, height: 900 });
    await openAccount('&frame=sidePanel&theme=dark');
    await page.waitForSelector('[data-theme="dark"]', { state: 'visible' });
    expect(await tab().getAttribute('data-layout')).toBe('compact');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await screenshot(page, 'teams-side-panel-dark');
  });

  it('in a foreign iframe, gives up waiting for Teams after the short handshake and runs standalone', async () => {
    await page.goto(`${host.url}/teams/`);
    await page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.style.cssText = 'width:1000px;height:800px';
      document.body.append(frame);
    }, `${host.url}/teams/personal.html?lang=en`);
    // teams-js alone would wait 60 s for a parent that never answers.
    const frame = page.frameLocator('iframe');
    await frame.locator('[data-ready-key="me"]').waitFor({ timeout: 15_000 });
    expect(await frame.getByRole('heading', { name: 'My CRM' }).count()).toBe(1);
  });

  it('shows a readable message, not a blank tab, when the API is down', async () => {
    await page.route('**/api/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${host.url}/teams/personal.html?lang=de`);
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Das CRM ist nicht erreichbar');
    await screenshot(page, 'teams-api-down');
    await page.unroute('**/api/**');
    await page.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.waitForSelector('[data-ready-key="me"]');
  });
});
