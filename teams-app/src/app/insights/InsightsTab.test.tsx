// The "Insights" tab: team figures with how each was computed, goals against today's figure, the trend from snapshots,
// distributions, accounts at risk and one account's figures with their inputs, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { tenantSettings } from '@crm/common/web/testing';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, type FakeAnswers } from '../test-fixtures';
import { InsightsTab } from './InsightsTab';
import { insightsTexts } from './insights-texts';
import { accountInsights, AT_RISK_ID, goal, GOAL_ID, leadSummary, snapshot, team } from './insights-fixtures';
import { overview, testUuid } from '../test-fixtures';

const NOW = new Date('2026-12-02T10:00:00Z');

function renderTab(answers: FakeAnswers = {}, locale = 'en-US') {
  const api = fakeApi({
    teamInsights: () => team(),
    listGoals: () => ({ items: [goal()], nextCursor: null }),
    insightTrend: () => ({ snapshots: [snapshot('2026-09', 0.1, 8), snapshot('2026-10', null, 9), snapshot('2026-11', 0.2, 9)] }),
    accountInsights: () => accountInsights(),
    leadSummary: () => leadSummary(),
    getSettings: () => tenantSettings(),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <InsightsTab texts={insightsTexts} now={NOW} />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="insights"]')).not.toBeNull());
const figure = (name: string) => document.querySelector(`[data-figure="${name}"]`)!.textContent;

afterEach(cleanup);

describe('insights tab', () => {
  it('shows each key figure with the inputs it was computed from', async () => {
    renderTab();
    await ready();
    expect(screen.getByRole('heading', { level: 1, name: 'Insights' })).toBeTruthy();
    expect(screen.getByTestId('insights-range').textContent).toBe(
      '1 Dec 2025 to 30 Nov 2026, compared with the period before. Revenue from imported revenue and won opportunities.',
    );
    expect(figure('winRate')).toBe('Win rate60%won / (won + lost) = 3 / (3 + 2) of the opportunities closed in the period');
    expect(figure('churnRate')).toBe('Churn rate20%churned / previous customers = 2 / 10: customers with revenue in the previous period and none in this one');
    expect(figure('complaints')).toContain('1 open now; of 3 resolved in the period, median 26.5 and 90th percentile 70 hours to resolution');
    expect(figure('weightedPipeline')).toBe('Weighted pipeline€1,234.56sum of amount × probability of 3 open opportunities; unweighted €12,469.12');
    // The stage by its label in the tenant's model.
    expect(await screen.findByText('Lost by stage: Proposal 2')).toBeTruthy();
  });

  it('draws the ABC and segment distributions as bar charts on demand, saying the same numbers as their tables', async () => {
    renderTab();
    await ready();
    const abc = screen.getByTestId('abc-chart');
    expect(abc.getAttribute('aria-label')).toBe('Accounts per ABC class: A 1, B 2, C 6');
    const segments = screen.getByTestId('segment-chart');
    expect(segments.getAttribute('aria-label')).toBe('Accounts per segment: Champions 2, Loyal 3, Potential 1, At risk 1, No segment 5');
    expect(within(screen.getByTestId('segment-table')).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'SegmentAccounts',
      'Champions2',
      'Loyal3',
      'Potential1',
      'At risk1',
      'No segment5',
    ]);
    // Fluent's chart loads in its own chunk and draws a bar per class.
    await waitFor(() => expect(abc.querySelectorAll('svg rect')).toHaveLength(3));
  });

  it('speaks German and formats numbers as de-DE does', async () => {
    renderTab({}, 'de-DE');
    await ready();
    expect(screen.getByRole('heading', { level: 1, name: 'Auswertungen' })).toBeTruthy();
    expect(figure('weightedPipeline')).toBe('Gewichtete Pipeline1.234,56\u00a0€Summe aus Betrag × Wahrscheinlichkeit von 3 offenen Verkaufschancen; ungewichtet 12.469,12\u00a0€');
    expect(figure('winRate')).toContain('60\u00a0%');
    expect(figure('complaints')).toContain('Median 26,5');
    const b = within(screen.getByTestId('abc-table')).getByText('B').closest('tr')!;
    expect(b.textContent).toBe('B230.000,50\u00a0€');
    expect(screen.getByTestId('abc-chart').getAttribute('aria-label')).toBe('Firmen je ABC-Klasse: A 1, B 2, C 6');
  });

  it('shows each goal from its start to its target with today’s value and whether it is on track', async () => {
    renderTab();
    await ready();
    const item = document.querySelector(`[data-goal-id="${GOAL_ID}"]`) as HTMLElement;
    // The badge says it of today; the history's table says it of each month.
    expect(within(item).getAllByText('Behind').filter((e) => !e.closest('table'))).toHaveLength(1);
    expect(item.textContent).toContain('start 10% · now 20% · target 5% by 30 Nov 2026');
    expect(within(item).getByRole('progressbar', { name: 'Progress towards Halve the churn' }).getAttribute('aria-valuenow')).toBe('0');
  });

  it('draws each goal month by month against its plan, with the same numbers in a table', async () => {
    renderTab();
    await ready();
    const item = within(document.querySelector(`[data-goal-id="${GOAL_ID}"]`) as HTMLElement);
    expect(screen.getByText(/^On track: the figure has come at least as far from its start value towards its target/)).toBeTruthy();
    expect(item.getByRole('figure').getAttribute('aria-label')).toBe(
      'Halve the churn by month against the plan: May 2026 10% (plan 10%), Jun 2026 8% (plan 9.2%), Jul 2026 – (plan 8.3%), Aug 2026 12% (plan 7.5%)',
    );
    // Fluent's chart loads on demand and draws the plan as a second line with its legend.
    const chart = within(item.getByRole('figure'));
    expect(await chart.findByText('Plan')).toBeTruthy();
    expect(chart.getByText('Churn rate')).toBeTruthy();
    const table = item.getByRole('table', { name: 'Halve the churn month by month' });
    expect(within(table).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'MonthValuePlanOn track?',
      'May 202610%10%On track',
      'Jun 20268%9.2%On track',
      'Jul 2026–8.3%No value yet',
      'Aug 202612%7.5%Behind',
    ]);
  });

  it('says in German when a goal has no snapshot since its start', async () => {
    renderTab({ listGoals: () => ({ items: [goal({ progress: { ...goal().progress, history: [] } })], nextCursor: null }) }, 'de-DE');
    await ready();
    const item = within(document.querySelector(`[data-goal-id="${GOAL_ID}"]`) as HTMLElement);
    expect(item.getByText('Seit dem Start noch keine Monats-Momentaufnahme.')).toBeTruthy();
    expect(item.queryByRole('figure')).toBeNull();
    expect(screen.getByText(/^Im Plan: Die Kennzahl ist vom Startwert mindestens so weit/)).toBeTruthy();
  });

  it('draws the trend of the chosen figure and lists every snapshot in a table', async () => {
    renderTab();
    await ready();
    const trend = within(screen.getByTestId('trend'));
    expect(trend.getByRole('figure').getAttribute('aria-label')).toBe('Churn rate by month: Sept 2026 10%, Oct 2026 –, Nov 2026 20%');
    const rows = within(screen.getByTestId('trend-table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-month'))).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(rows[0]!.textContent).toBe('Sept 20268110%60%11');
    fireEvent.change(screen.getByLabelText('Figure in the chart'), { target: { value: 'activeCustomers' } });
    expect(trend.getByRole('figure').getAttribute('aria-label')).toBe('Active customers by month: Sept 2026 8, Oct 2026 9, Nov 2026 9');
  });

  it('says when no snapshot has been taken yet', async () => {
    renderTab({ insightTrend: () => ({ snapshots: [] }) });
    await ready();
    expect(screen.getByText('No snapshots yet: the first is taken on the first day after a month ends.')).toBeTruthy();
    expect(within(screen.getByTestId('trend')).queryByRole('figure')).toBeNull();
  });

  it('asks for the chosen period', async () => {
    const api = renderTab();
    await ready();
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2025' } });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'teamInsights').map((c) => c.args.query?.period)).toEqual(['last-12-months', '2025']));
  });

  it('lists accounts at risk with their reasons and opens one account’s figures with their inputs', async () => {
    const api = renderTab();
    await ready();
    const risk = within(screen.getByTestId('at-risk'));
    expect(risk.getByText('Time since the last contact (+35): no contact for 97 days, usually every 30')).toBeTruthy();
    expect(risk.getByText('Revenue trend (+12.5): revenue -25% against the previous period')).toBeTruthy();
    fireEvent.click(risk.getByRole('button', { name: 'Details of Schlafmüller KG' }));
    const details = await screen.findByTestId('account-insights');
    expect(api.calls.find((c) => c.name === 'accountInsights')?.args).toMatchObject({ params: { id: AT_RISK_ID }, query: { period: 'last-12-months' } });
    await waitFor(() => expect(document.activeElement?.id).toBe('account-details-heading'));
    expect(within(details).getByTestId('abc-of').textContent).toBe('Class B: rank 3 of 9 customers by revenue €7,500.00. A up to rank 1, B up to rank 3.');
    expect(within(details).getByTestId('clv-value').textContent).toBe('€1,872.36');
    const terms = within(within(details).getByTestId('clv-terms')).getAllByRole('row');
    expect(terms.map((r) => r.textContent)).toEqual([
      'Year tRevenueCostRetention^t1 / (1 + d)^tPresent value',
      '1€8,750.00€6,125.000.520.9259€1,263.85',
      '2€8,750.00€6,125.000.27040.8573€608.51',
      'Sum€1,872.36',
    ]);
    expect(details.textContent).toContain('2 of the last 3 years with revenue: revenue €17,500.00, cost €12,250.00 (imported €0.00, the rest at the default margin of 30 %)');
    const inactivity = details.querySelector('[data-factor="inactivity"]')!;
    expect(inactivity.textContent).toBe('Time since the last contact35 of 35no contact for 97 days, usually every 30');
    expect(within(details).getByText('Sleeping: silent longer than 60 days')).toBeTruthy();
    expect(within(details).getByTestId('segment-rule').textContent).toBe('Rule that set it: churn risk 48 is at least 40');
  });

  it('gives the risk reasons in German from the measured inputs', async () => {
    renderTab({}, 'de-DE');
    await ready();
    expect(within(screen.getByTestId('at-risk')).getByText('Umsatzentwicklung (+12,5): Umsatz -25 % gegenüber der Vorperiode')).toBeTruthy();
  });

  it('says how old the figures are, and when data changed since, in English and German', async () => {
    const asOf = { computedAt: '2026-12-02T09:30:00Z', version: 3, stale: false };
    renderTab({ teamInsights: () => team({ asOf }) });
    await ready();
    expect(screen.getByTestId('insights-as-of').textContent).toMatch(/^Figures as of 2 Dec 2026, \d{2}:30\.$/);
    cleanup();
    renderTab({ teamInsights: () => team({ asOf: { ...asOf, stale: true } }) }, 'de-DE');
    await ready();
    expect(screen.getByTestId('insights-as-of').textContent).toMatch(
      /^Stand der Zahlen: 02\.12\.2026, \d{2}:30; sie werden gerade aktualisiert, da sich Daten seitdem geändert haben\.$/,
    );
    cleanup();
    // An answer without its age (an older API) shows the figures without one.
    renderTab();
    await ready();
    expect(screen.queryByTestId('insights-as-of')).toBeNull();
  });

  it('finds any account by name for its figures, with their age', async () => {
    const other = testUuid('b7');
    const found = { ...overview(other).account, name: 'Hoffmann Maschinenbau GmbH' };
    const api = renderTab({
      listAccounts: (args) => ({ items: String(args.query!.q).startsWith('hoff') ? [found] : [], nextCursor: null }),
      accountInsights: (args) =>
        accountInsights({ accountId: args.params!.id, name: found.name, asOf: { computedAt: '2026-12-02T09:30:00Z', version: 4, stale: true } }),
    });
    await ready();
    const search = within(screen.getByTestId('account-details')).getByRole('combobox', { name: 'Search accounts' });
    // The search is one way in among others: it does not take the focus from the top of the tab.
    expect(document.activeElement).not.toBe(search);
    fireEvent.change(search, { target: { value: 'hoff' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Choose Hoffmann Maschinenbau GmbH' }));
    const details = await screen.findByTestId('account-insights');
    expect(api.calls.find((c) => c.name === 'accountInsights')?.args).toMatchObject({ params: { id: other }, query: { period: 'last-12-months' } });
    expect(details.textContent).toContain('Class B');
    expect(screen.getByTestId('account-as-of').textContent).toMatch(/^Figures as of 2 Dec 2026, \d{2}:30, being updated: data changed since\.$/);
  });

  it('explains a failure instead of showing a blank tab', async () => {
    renderTab({ teamInsights: () => new ApiError('server', 500, null) });
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });

  it('shows the lead figures of the chosen period by source and status with the conversion rate and the time to conversion, and how each is computed', async () => {
    const api = renderTab();
    await waitFor(() => expect(document.querySelector('[data-ready-key="lead-figures"]')).not.toBeNull());
    expect(screen.queryByText(/whatever the period/)).toBeNull();
    expect(figure('leads')).toBe('Leads12captured in the period, the converted and disqualified ones included; by their status today');
    expect(figure('conversionRate')).toBe(
      'Conversion rate62.5%converted / (converted + disqualified) = 5 / (5 + 3) of the leads captured in the period; leads still open are not counted yet',
    );
    expect(figure('daysToConversion')).toBe(
      'Time to conversion9.5 daysmedian of the days from capturing a lead to its conversion, over the 6 conversions in the period, whenever their lead was captured',
    );
    const rows = (id: string) => [...within(screen.getByTestId(id)).getAllByRole('row')].slice(1).map((r) => r.textContent);
    // Sources and statuses in their usual order; a value this tab does not know yet is shown as the API names it.
    expect(rows('leads-by-source')).toEqual(['Email62', 'Web form31', 'Entered by hand22', 'partner10']);
    expect(rows('leads-by-status')).toEqual(['New2', 'Contacted1', 'Qualified1', 'Disqualified3', 'Converted5']);
    // The card counts the period the tab shows, and asks again when another one is chosen.
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2025' } });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'leadSummary').map((c) => c.args.query?.period)).toEqual(['last-12-months', '2025']));
  });

  it('shows the lead figures in German, says when there is none, and a failure without hiding the other figures', async () => {
    renderTab({}, 'de-DE');
    await waitFor(() => expect(figure('conversionRate')).toContain('62,5\u00a0%'));
    expect(figure('daysToConversion')).toContain('9,5 Tage');
    expect(figure('daysToConversion')).toContain('über die 6 Konversionen im Zeitraum');
    expect(within(screen.getByTestId('leads-by-source')).getByText('Von Hand erfasst')).toBeTruthy();
    cleanup();
    renderTab({ leadSummary: () => ({ ...leadSummary(), total: 0, bySource: [], byStatus: [], conversionRate: null, conversions: 0, medianDaysToConversion: null }) });
    await waitFor(() => expect(screen.getByText('No leads captured in the period.')).toBeTruthy());
    expect(figure('conversionRate')).toContain('Conversion rate');
    expect(screen.queryByTestId('leads-by-source')).toBeNull();
    cleanup();
    renderTab({ leadSummary: () => new ApiError('server', 500, null) });
    await ready();
    await waitFor(() => expect(within(screen.getByTestId('lead-figures')).getByRole('alert')).toBeTruthy());
    expect(figure('winRate')).toContain('60%');
  });

  it('shows response time, cross-selling, repeat purchases, data quality and adoption with their definitions', async () => {
    renderTab();
    await ready();
    expect(figure('responseTime')).toBe(
      'Response time (median)5.5 h10 of 12 inbound emails and web forms of the period answered; hours from the request to the first outbound email or call on its account or in its conversation (as the service cases count it); 90th percentile 30.2 hours',
    );
    expect(figure('crossSelling')).toBe(
      'Cross-selling rate25%1 of 4 accounts with won opportunities bought in more than one product line in the period; 2 won without a product line are not counted',
    );
    expect(figure('repeatPurchase')).toContain('Repeat purchase rate66.7%6 of 9 customers bought more than once in the period');
    expect(figure('completeness')).toContain('Completeness of key fields62.1%filled key fields / all key fields of 10 accounts (owner, industry, domain, country)');
    expect(figure('duplicates')).toBe('Possible duplicates41 pairs of accounts and 3 pairs of contacts, by the rules of the Data tab’s duplicate list');
    expect(figure('adoption')).toBe(
      'Interactions logged per week7.515 interactions logged in the CRM in the period up to now, by where they were logged: Outlook 9, Teams 2, Sync 4, API 0, Import 0',
    );
    const fields = screen.getByTestId('key-fields-table');
    expect(within(fields).getByText('Contact: job title').closest('tr')!.textContent).toBe('Contact: job title4 / 20 (20%)');
    // The latest week first; a week cut by the period says how many of its days count.
    const weeks = [...screen.getByTestId('weeks-table').querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent));
    expect(weeks).toEqual([
      ['30 Nov 2026 (1 of 7 days in the period)', '1', '0', '0', '0', '0', '1'],
      ['23 Nov 2026', '8', '2', '4', '0', '0', '14'],
    ]);
  });

  it('says so in German, and that an analysis from before these figures has none yet', async () => {
    renderTab({}, 'de-DE');
    await ready();
    expect(figure('crossSelling')).toMatch(/^Cross-Selling-Quote25\u00a0%1 von 4 Firmen mit gewonnenen Verkaufschancen/);
    expect(figure('adoption')).toContain('7,515 im Zeitraum bis jetzt im CRM erfasste Interaktionen, nach dem Ort der Erfassung: Outlook 9, Teams 2, Synchronisation 4');
    expect(within(screen.getByTestId('key-fields-table')).getByText('Firma: Verantwortlicher').closest('tr')!.textContent).toBe(
      'Firma: Verantwortlicher10 / 10 (100\u00a0%)',
    );
    cleanup();

    const { responseTime: _r, crossSelling: _c, repeatPurchase: _p, dataQuality: _q, adoption: _a, ...older } = team();
    renderTab({ teamInsights: () => older });
    await ready();
    expect(screen.getByTestId('service-figures').textContent).toContain('Not computed yet: the figures are updated on the next refresh.');
    expect(screen.getByTestId('data-figures').textContent).toContain('Not computed yet');
  });
});
