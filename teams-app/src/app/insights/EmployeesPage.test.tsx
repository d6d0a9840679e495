// Figures per employee in the Insights tab, in both states of the tenant's switch: off, a manager is told why there are
// none (the works council agreement) and the tab offers no such page; on, managers get the page with the API's figures,
// users never; in a channel or chat nobody gets them. English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { InsightsSettings } from '@crm/common';
import { tenantSettings, type AnswerOf } from '@crm/common/web/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, testUuid, type FakeAnswers } from '../test-fixtures';
import { InsightsTab } from './InsightsTab';
import { insightsTexts } from './insights-texts';
import { goal, leadSummary, snapshot, team } from './insights-fixtures';

const NOW = new Date('2026-12-02T10:00:00Z');
const BEN = testUuid('u2');

const settings = (perEmployeeFigures: boolean) => tenantSettings({ insights: InsightsSettings.parse({ perEmployeeFigures }) });

const employees = (): AnswerOf<'employeeInsights'> => ({
  range: { period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' },
  currency: 'EUR',
  employees: [
    { userId: BEN, displayName: 'Ben Verkauf', accounts: 2, openOpportunities: 2, openAmount: 3000.55, weightedPipeline: 1250.28, won: 1, wonAmount: 3000, lost: 1, winRate: 0.5 },
  ],
});

function renderTab(answers: FakeAnswers, locale = 'en-US', { channel = false, teamOnly = false } = {}) {
  const api = fakeApi({
    teamInsights: () => team(),
    listGoals: () => ({ items: [goal()], nextCursor: null }),
    insightTrend: () => ({ snapshots: [snapshot('2026-11', 0.2, 9)] }),
    leadSummary: () => leadSummary(),
    employeeInsights: () => employees(),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost(channel ? { locale } : { locale, origin: null }) }}>
      <InsightsTab texts={insightsTexts} now={NOW} teamOnly={teamOnly} />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="insights"]')).not.toBeNull());
const nav = () => within(screen.getByRole('navigation'));
// The tab has asked for the user and the settings (the switch; the stage names read them too) once the note names the
// switch or the page is offered; the user's role decides.
const settled = (api: ReturnType<typeof renderTab>) => waitFor(() => expect(api.calls.some((c) => c.name === 'me') && api.calls.some((c) => c.name === 'getSettings' && 'signal' in c.args)).toBe(true));

afterEach(cleanup);

describe('figures per employee', () => {
  it('off: tells a manager why there are none and offers no page for them, nor asks the API', async () => {
    const api = renderTab({ me: () => me(['CRM.Manager']), getSettings: () => settings(false) });
    await ready();
    await waitFor(() => expect(screen.getByTestId('insights-note').textContent).toContain('only under a works council agreement (BetrVG §87(1) Nr. 6)'));
    expect(nav().queryByRole('button', { name: 'Per employee' })).toBeNull();
    expect(api.calls.some((c) => c.name === 'employeeInsights')).toBe(false);
  });

  it('off: says the same in German', async () => {
    renderTab({ me: () => me(['CRM.Admin']), getSettings: () => settings(false) }, 'de-DE');
    await ready();
    await waitFor(() => expect(screen.getByTestId('insights-note').textContent).toMatch(/^Nur Team-Kennzahlen: .*nur mit einer Betriebsvereinbarung einschalten/));
    expect(nav().queryByRole('button', { name: 'Nach Mitarbeitenden' })).toBeNull();
  });

  it('on: a user is offered nothing per employee', async () => {
    const api = renderTab({ me: () => me(['CRM.User']), getSettings: () => settings(true) });
    await ready();
    await settled(api);
    expect(screen.getByTestId('insights-note').textContent).toBe('Team figures: the CRM shows no figures per employee here.');
    expect(nav().queryByRole('button', { name: 'Per employee' })).toBeNull();
  });

  it('on: a manager opens the page and sees each employee’s figures for the chosen period, and why they are shown', async () => {
    const api = renderTab({ me: () => me(['CRM.Manager']), getSettings: () => settings(true) });
    await ready();
    fireEvent.click(await nav().findByRole('button', { name: 'Per employee' }));
    await waitFor(() => expect(document.querySelector('[data-ready-key="employees"]')).not.toBeNull());
    expect(screen.getByText(/^Shown because your organisation switched on per-employee figures/)).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Key figures per employee' })).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'EmployeeAccountsOpen opportunitiesWeighted pipelineWonWon amountLostWin rate',
      'Ben Verkauf22€1,250.281€3,000.00150%',
    ]);
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: '2025' } });
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'employeeInsights').map((c) => c.args.query?.period)).toEqual(['last-12-months', '2025']));
  });

  it('on: the page speaks German', async () => {
    renderTab({ me: () => me(['CRM.Admin']), getSettings: () => settings(true) }, 'de-DE');
    await ready();
    fireEvent.click(await nav().findByRole('button', { name: 'Nach Mitarbeitenden' }));
    const table = await screen.findByRole('table', { name: 'Kennzahlen nach Mitarbeitenden' });
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('Ben Verkauf221.250,28\u00a0€13.000,00\u00a0€150\u00a0%');
  });

  it('in a channel: even a manager of a tenant with the switch on sees the team’s figures only, no other page', async () => {
    const api = renderTab({ me: () => me(['CRM.Manager']), getSettings: () => settings(true) }, 'en-US', { channel: true });
    await ready();
    expect(document.querySelector('[data-scope="team"]')).not.toBeNull();
    expect(screen.getByTestId('insights-note').textContent).toBe(
      'The team’s figures, the same for everyone in this channel or chat; no figures per employee, and no segment lists or rules here.',
    );
    expect(screen.queryByRole('navigation')).toBeNull();
    expect(screen.getByTestId('key-figures')).toBeTruthy();
    // The settings only as the stage model, for the names of the stages deals were lost in (their hook may ask after
    // the tab is ready, so waited for); not for the switch.
    await waitFor(() => expect(api.calls.filter((c) => c.name === 'getSettings').map((c) => c.args)).toEqual([{}]));
    expect(api.calls.map((c) => c.name).filter((n) => ['employeeInsights', 'me'].includes(n))).toEqual([]);
  });

  it('configured for a channel (scope=team) it is the same outside Teams too, in German', async () => {
    renderTab({ me: () => me(['CRM.Admin']), getSettings: () => settings(true) }, 'de-DE', { teamOnly: true });
    await ready();
    expect(screen.getByTestId('insights-note').textContent).toMatch(/^Die Kennzahlen des Teams, für alle in diesem Kanal oder Chat gleich/);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
