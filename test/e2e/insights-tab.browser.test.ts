// The Teams "Insights" tab in real Chromium, standalone against the local host (signed in as the demo admin, revenue
// from the seeded won opportunities): the key figures with how each was computed and the distributions as tables; a
// segment list made from the keyboard, its marketing export with who was left out, and its CSV for German Excel; the
// rules run by hand and the run listed with what each rule made, as the API lists it; the lead figures of the chosen
// period by source and status as GET /api/lead-figures counts them; the figures' age, and any account found by the
// search drilled into from the keyboard; the distributions as bar charts; response time, cross-selling, repeat purchases, data quality and adoption with
// the weeks opened from the keyboard; a goal's progress as the API answers it and the trend as chart and table; light,
// dark and high contrast.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { describeInBrowser, screenshot } from '../support/browser';
import { textContrast } from '../support/contrast';
import { localApi, type LocalApi } from '../support/local-api';
import type { LocalHostProcess } from '../support/local-host-process';
import { seededHostInBrowser } from '../support/seeded-host-in-browser';

interface TeamKeyFigures {
  responseTime: { requests: number; answered: number };
  crossSelling: { buyers: number; crossBuyers: number };
  repeatPurchase: { customers: number; repeatCustomers: number };
  dataQuality: { accounts: number; accountFields: Array<{ field: string; filled: number }>; duplicates: { accounts: number; contacts: number } };
  adoption: { logged: number; weeks: Array<{ weekStart: string }> };
}

describeInBrowser('Insights tab in Chromium', () => {
  const suite = seededHostInBrowser('crm-insights-', { context: { acceptDownloads: true }, defaultTimeoutMs: 15_000 });
  let host: LocalHostProcess;
  let page: Page;
  let admin: LocalApi;

  const openTab = async () => {
    await page.goto(`${host.url}/teams/insights.html?lang=en`);
    await page.waitForSelector('[data-ready-key="insights"]');
  };
  const openPage = async (name: string, readyKey: string) => {
    // From the keyboard: the nav's buttons are reachable and pressed with Enter like any button.
    await page.getByRole('navigation', { name: 'Insights pages' }).getByRole('button', { name }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector(`[data-ready-key="${readyKey}"]`);
  };

  beforeAll(async () => {
    ({ host } = suite);
    admin = localApi(host.url);
    // The demo tenant has won opportunities but no imported revenue: count the won deals as revenue.
    const { body, etag } = await admin<Record<string, unknown> & { insights?: Record<string, unknown> }>('GET', '/api/settings');
    const { etag: _etag, ...settings } = body;
    await admin('PUT', '/api/settings', {
      body: { ...settings, insights: { ...settings.insights, revenueSource: 'opportunities' } },
      ifMatch: etag ?? String(_etag),
    });
  });
  beforeEach(() => {
    ({ page } = suite);
  });

  it('shows the key figures with how each was computed, and the distributions as tables with the API’s counts', { timeout: 60_000 }, async () => {
    const { body: team } = await admin<{ abc: Array<{ class: string; accounts: number }>; winRate: { won: number; lost: number } }>('GET', '/api/insights');
    expect(team.abc.reduce((sum, a) => sum + a.accounts, 0)).toBeGreaterThan(0);
    await openTab();
    const winRate = page.locator('[data-figure="winRate"]');
    expect(await winRate.textContent()).toContain(`won / (won + lost) = ${team.winRate.won} / (${team.winRate.won} + ${team.winRate.lost})`);
    // Each distribution is a bar chart (Fluent's, loaded on demand) with a bar per class, and a table with the numbers.
    const abc = page.getByRole('table', { name: 'ABC analysis' });
    for (const a of team.abc) expect(await abc.locator(`tr[data-class="${a.class}"] td`).first().textContent()).toBe(String(a.accounts));
    const chart = page.getByTestId('abc-chart');
    expect(await chart.getAttribute('aria-label')).toBe(`Accounts per ABC class: ${team.abc.map((a) => `${a.class} ${a.accounts}`).join(', ')}`);
    await expect.poll(() => chart.locator('svg rect').count(), { timeout: 15_000 }).toBe(team.abc.length);
    expect(await page.getByTestId('segment-table').locator('tbody tr').count()).toBeGreaterThan(0);
    await screenshot(page, 'insights-figures');
  });

  it('shows response time, cross-selling, repeat purchases, data quality and adoption as the API counts them', { timeout: 60_000 }, async () => {
    const { body: team } = await admin<TeamKeyFigures>('GET', '/api/insights');
    const n = (value: number) => value.toLocaleString('en-GB');
    await openTab();
    const text = (figure: string) => page.locator(`[data-figure="${figure}"]`).textContent();
    expect(await text('responseTime')).toContain(`${n(team.responseTime.answered)} of ${n(team.responseTime.requests)} inbound emails and web forms`);
    expect(await text('crossSelling')).toContain(`${n(team.crossSelling.crossBuyers)} of ${n(team.crossSelling.buyers)} accounts with won opportunities`);
    expect(await text('repeatPurchase')).toContain(`${n(team.repeatPurchase.repeatCustomers)} of ${n(team.repeatPurchase.customers)} customers`);
    expect(await text('completeness')).toContain(`of ${n(team.dataQuality.accounts)} accounts (owner, industry, domain, country)`);
    const { accounts, contacts } = team.dataQuality.duplicates;
    expect(await text('duplicates')).toContain(`${n(accounts)} pairs of accounts and ${n(contacts)} pairs of contacts`);
    expect(await text('adoption')).toContain(`${n(team.adoption.logged)} interactions logged in the CRM`);
    const owner = team.dataQuality.accountFields.find((f) => f.field === 'owner')!;
    expect(await page.locator('[data-testid="key-fields-table"] tr[data-field="account.owner"] td').first().textContent()).toMatch(
      new RegExp(`^${n(owner.filled)} / ${n(team.dataQuality.accounts)}`),
    );
    // The weeks are folded away; the keyboard opens them, the latest week first.
    const weeks = page.getByTestId('weeks-table');
    expect(await weeks.isVisible()).toBe(false);
    await page.getByText('Interactions logged per week and source', { exact: true }).first().focus();
    await page.keyboard.press('Enter');
    expect(await weeks.isVisible()).toBe(true);
    expect(await weeks.locator('tbody tr').first().getAttribute('data-week')).toBe(team.adoption.weeks.at(-1)!.weekStart);
    await screenshot(page, 'insights-key-figures');
  });

  it('shows the lead figures of the chosen period as the API counts them, by source and by status', { timeout: 60_000 }, async () => {
    // A lead of its own converts, so the figures have a conversion whatever the demo data holds.
    const year = new Date().getUTCFullYear();
    const lead = await admin<{ id: string; etag: string }>('POST', '/api/leads', {
      body: { lastName: 'Lindner', company: 'Lindner Leuchten KG', email: 'l.lindner@lindner-leuchten.example', source: 'event' },
    });
    await admin('POST', `/api/leads/${lead.body.id}/convert`, { body: { createAccount: true }, ifMatch: lead.body.etag });
    const { body: figures } = await admin<{
      total: number;
      bySource: Array<{ source: string; count: number; converted: number }>;
      byStatus: Array<{ status: string; count: number }>;
    }>('GET', `/api/lead-figures?period=${year}`);
    await openTab();
    // This year's figures: the last twelve full months, the tab's first period, end before the lead just captured.
    await page.getByRole('combobox', { name: 'Period' }).selectOption(String(year));
    await page.waitForSelector(`[data-ready-key="lead-figures"][data-period="${year}"]`);
    expect(await page.locator('[data-figure="leads"] dd').first().textContent()).toBe(figures.total.toLocaleString('en-GB'));
    expect(figures.bySource.find((s) => s.source === 'event')!.converted).toBeGreaterThanOrEqual(1);
    const bySource = page.getByRole('table', { name: 'Leads by source' });
    for (const s of figures.bySource) {
      expect(await bySource.locator(`tr[data-source="${s.source}"] td`).allTextContents()).toEqual([String(s.count), String(s.converted)]);
    }
    const byStatus = page.getByRole('table', { name: 'Leads by status' });
    for (const s of figures.byStatus) expect(await byStatus.locator(`tr[data-status="${s.status}"] td`).textContent()).toBe(String(s.count));
    expect(await page.locator('[data-figure="conversionRate"]').textContent()).toMatch(/converted \/ \(converted \+ disqualified\) = [1-9]/);
    await screenshot(page, 'insights-lead-figures');
  });

  it('renders readably in light, dark and high contrast (text contrast at least 4.5:1)', { timeout: 90_000 }, async () => {
    for (const theme of ['light', 'dark', 'contrast']) {
      await page.goto(`${host.url}/teams/insights.html?lang=en&theme=${theme}`);
      await page.waitForSelector('[data-ready-key="insights"]');
      // Dark and high contrast load after the script; the tab shows itself once they have arrived.
      await page.waitForSelector(`[data-theme="${theme}"]`, { state: 'visible' });
      for (const locator of [
        page.getByRole('heading', { level: 1 }),
        page.locator('[data-figure="winRate"] dd').first(),
        page.getByTestId('insights-as-of'),
        page.getByRole('table', { name: 'ABC analysis' }).locator('tbody th').first(),
      ])
        expect(await textContrast(locator), `${theme} contrast`).toBeGreaterThanOrEqual(4.5);
      await screenshot(page, `insights-${theme}`);
    }
  });

  it('says how old the figures are and drills into an account found by the search, from the keyboard', { timeout: 60_000 }, async () => {
    await openTab();
    expect(await page.getByTestId('insights-as-of').textContent()).toMatch(/^Figures as of \d{1,2} \w{3} \d{4}, \d{2}:\d{2}[.,]/);
    const { body: accounts } = await admin<{ items: Array<{ id: string; name: string }> }>('GET', '/api/accounts?limit=1');
    const account = accounts.items[0]!;
    const search = page.getByTestId('account-details').getByRole('combobox', { name: 'Search accounts' });
    await search.fill(account.name);
    const results = page.getByRole('listbox', { name: 'Matching accounts' });
    await results.getByRole('option', { name: `Choose ${account.name}` }).waitFor();
    const first = await results.getByRole('option').first().getAttribute('data-account-id');
    const answered = page.waitForResponse((r) => r.url().includes(`/api/accounts/${first}/insights`) && r.status() === 200);
    await search.press('ArrowDown');
    await search.press('Enter');
    await answered;
    await page.getByTestId('account-insights').waitFor();
    expect(await page.getByTestId('account-as-of').textContent()).toMatch(/^Figures as of /);
    await screenshot(page, 'insights-account-search');
  });

  it('makes a segment list from the keyboard, exports it for marketing saying who was left out, as CSV for German Excel', { timeout: 90_000 }, async () => {
    await openTab();
    await openPage('Segment lists', 'segments');
    const name = `Alle Kontakte ${crypto.randomUUID().slice(0, 8)}`;
    const form = page.getByTestId('segment-new');
    await form.getByLabel('Name').fill(name);
    await form.getByLabel('contacts').check();
    await form.getByRole('button', { name: 'Save list' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(`Saved the list ${name}.`).waitFor();
    const members = page.getByTestId('segment-members');
    await members.getByTestId('segment-members-table').waitFor();
    const everyone = await members.locator('[data-member-id]').count();
    expect(everyone).toBeGreaterThan(0);

    await members.getByLabel('Export for').selectOption('marketing');
    const leftOut = members.getByTestId('segment-left-out');
    await leftOut.waitFor();
    const list = (await admin<{ items: Array<{ id: string; name: string }> }>('GET', '/api/segments?limit=100')).body.items.find((l) => l.name === name)!;
    type Members = { items: unknown[]; total: number; leftOut: { total: number } };
    const { body: all } = await admin<Members>('GET', `/api/segments/${list.id}/members`);
    const { body: exported } = await admin<Members>('GET', `/api/segments/${list.id}/members?purpose=marketing`);
    // The first page (100) is on screen; the answer counts all.
    expect(everyone).toBe(Math.min(all.total, 100));
    expect(await leftOut.textContent()).toContain(`${exported.leftOut.total} person(s) of the list left out of the marketing export`);
    expect(exported.total + exported.leftOut.total).toBe(all.total);
    await expect.poll(() => members.locator('[data-member-id]').count()).toBe(Math.min(exported.total, 100));
    await screenshot(page, 'insights-segment-export');

    const download = page.waitForEvent('download');
    await members.getByRole('button', { name: 'Export for marketing as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^segment-marketing-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await file.path())!, 'utf8');
    expect(text.startsWith('\uFEFFID;First name;Last name;Email;')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(exported.total + 1);
  });

  it('runs the rules by hand and lists the run with what each rule made', { timeout: 90_000 }, async () => {
    await openTab();
    await openPage('Rules', 'rules');
    expect(await page.locator('[data-rule]').count()).toBe(5);
    await page.getByRole('button', { name: 'Run now' }).click();
    const notice = page.getByTestId('done-notice');
    await notice.waitFor();
    const { body: runs } = await admin<{ items: Array<{ id: string; rules: Array<{ created: unknown[] }> }> }>('GET', '/api/automation/runs?limit=1');
    const made = runs.items[0]!.rules.reduce((sum, r) => sum + r.created.length, 0);
    expect(await notice.textContent()).toBe(`Ran the rules: ${made} follow-up(s) made.`);
    const run = page.locator(`[data-run-id="${runs.items[0]!.id}"]`);
    await run.waitFor();
    expect(await run.textContent()).toContain('run by hand');
    // The demo tenant has accounts silent for longer than their class allows, so the first run makes follow-ups.
    expect(made).toBeGreaterThan(0);
    await run.getByText(`Follow-ups made (${made})`).click();
    expect(await run.locator('[data-task-id]').count()).toBe(made);
    expect(await run.locator('[data-task-id]').first().textContent()).toMatch(
      /^(Contact rhythm|No answer|Stuck opportunities|Open complaints|Accounts at risk): \S/,
    );
    await screenshot(page, 'insights-rules-run');
  });

  it('shows a goal from its start to its target with today’s value as the API answers it, and the trend as chart and table', { timeout: 90_000 }, async () => {
    const { body: goal } = await admin<{ id: string; progress: { currentValue: number | null; share: number | null } }>('POST', '/api/goals', {
      body: { title: 'Win rate up', metric: 'winRate', startValue: 0.2, targetValue: 0.6, startDate: '2026-06-01', deadline: '2027-06-30' },
    });
    // The local host's snapshot timer takes last month's snapshot of the demo tenant when it starts.
    let snapshots: Array<{ month: string }> = [];
    await expect
      .poll(async () => (snapshots = (await admin<{ snapshots: Array<{ month: string }> }>('GET', '/api/insights/trend?months=12')).body.snapshots).length, {
        timeout: 30_000,
        interval: 500,
      })
      .toBeGreaterThan(0);
    await openTab();
    const item = page.locator(`[data-goal-id="${goal.id}"]`);
    const now = goal.progress.currentValue === null ? '–' : `${Math.round(goal.progress.currentValue * 1000) / 10}%`;
    expect(await item.textContent()).toContain(`start 20% · now ${now} · target 60% by 30 Jun 2027`);
    const bar = item.getByRole('progressbar', { name: 'Progress towards Win rate up' });
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(Math.round(Math.min(1, Math.max(0, goal.progress.share ?? 0)) * 100)));
    // The trend: Fluent's chart, loaded on demand, with the same months in the table beside it for screen readers.
    const trend = page.getByTestId('trend');
    await trend.getByTestId('trend-chart').locator('svg').first().waitFor();
    expect(await trend.getByTestId('trend-table').locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-month')))).toEqual(
      snapshots.map((s) => s.month),
    );
    await screenshot(page, 'insights-goal-trend');
  });
});
