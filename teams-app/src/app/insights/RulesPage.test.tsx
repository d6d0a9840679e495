// The Insights tab's rules page: every rule with its switch and parameters, saved by an administrator with If-Match,
// read-only for others; "Run now" for administrators with what it made, and the last runs with each follow-up's
// reason in the user's language.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { AutomationRules } from '@crm/common';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me, USER_ID, type FakeAnswers } from '../test-fixtures';
import { InsightsTab } from './InsightsTab';
import { insightsTexts } from './insights-texts';
import { automationRules, automationRun, FOLLOW_UP_ID, RUN_ID } from './insights-fixtures';

const NOW = new Date('2026-12-02T10:00:00Z');

function renderPage(answers: FakeAnswers = {}, locale = 'en-US', roles: Parameters<typeof me>[0] = ['CRM.Admin']) {
  const api = fakeApi({
    me: () => me(roles),
    getAutomationRules: () => automationRules(),
    listAutomationRuns: () => ({ items: [automationRun()], nextCursor: null }),
    getSettings: () => ({
      stages: [
        { key: 'qualification', label: { de: 'Qualifizierung', en: 'Qualification' }, probability: 10 },
        { key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 },
      ],
      sleepingAfterDays: 90,
      defaultCurrency: 'EUR',
      graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
      etag: '"1"',
    }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <InsightsTab texts={insightsTexts} now={NOW} page="rules" />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="rules"]')).not.toBeNull());
const rule = (name: string) => within(document.querySelector(`[data-rule="${name}"]`) as HTMLElement);

afterEach(cleanup);

describe('rules page', () => {
  it('lets an administrator switch rules and change their parameters, saved with If-Match', async () => {
    const api = renderPage({ putAutomationRules: (args) => ({ ...AutomationRules.parse(args.body), saved: true, updatedAt: '2026-12-02T10:00:00.000Z', etag: '"1"' }) });
    await ready();
    expect(screen.getByText('Not saved yet: these are the defaults.')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Run every day at 06:00 UTC'));
    fireEvent.click(rule('noAnswer').getByLabelText('On'));
    fireEvent.change(rule('contactRhythm').getByLabelText(/^Class C/), { target: { value: '' } });
    fireEvent.change(rule('contactRhythm').getByLabelText('Segment At risk'), { target: { value: '30' } });
    await waitFor(() => expect(rule('stuckOpportunities').getByLabelText('Stage Proposal')).toBeTruthy());
    fireEvent.change(rule('stuckOpportunities').getByLabelText('Stage Proposal'), { target: { value: '21' } });
    fireEvent.change(rule('openComplaints').getByLabelText('Escalate to'), { target: { value: USER_ID } });
    const ownersManager = rule('openComplaints').getByRole('option', { name: 'the manager of the account’s owner (else the owner)' }) as HTMLOptionElement;
    fireEvent.change(rule('openComplaints').getByLabelText('Escalate to'), { target: { value: ownersManager.value } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rules' }));
    await screen.findByText('Saved the rules.');
    const put = api.calls.find((c) => c.name === 'putAutomationRules')!;
    expect(put.args.ifMatch).toBe('"0"');
    expect(put.args.body).toEqual({
      dailyRun: true,
      contactRhythm: { enabled: true, byAbcClass: { A: 60, B: 90, C: null }, bySegment: { at_risk: 30 } },
      noAnswer: { enabled: false, days: 7 },
      stuckOpportunities: { enabled: true, defaultLimitDays: 30, stageLimitDays: { proposal: 21 } },
      openComplaints: { enabled: true, days: 14, escalateTo: null, toOwnersManager: true },
      atRisk: { enabled: true },
    });
    expect(screen.getByText('Saved 2 Dec 2026, 10:00.')).toBeTruthy();
  });

  it('shows the rules read-only to others, with no run button, and says where the managers come from', async () => {
    const api = renderPage({}, 'en-US', ['CRM.Manager']);
    await ready();
    expect(screen.getByText('Only administrators change the rules and run them.')).toBeTruthy();
    expect((rule('atRisk').getByLabelText('On') as HTMLInputElement).disabled).toBe(true);
    expect((rule('noAnswer').getByLabelText('Days') as HTMLInputElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save rules' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Run now' })).toBeNull();
    expect(rule('openComplaints').getByText(/manager of the account’s owner as an administrator set it/)).toBeTruthy();
    expect(api.calls.some((c) => c.name === 'runAutomation')).toBe(false);
  });

  it('runs the rules now and lists each run with what every rule made and why', async () => {
    let runs = [automationRun()];
    const second = automationRun({ id: 'b0000000-0000-4000-8000-000000000002', startedAt: '2026-12-02T10:00:00.000Z', rules: automationRun().rules.map((r) => ({ ...r, created: [], alreadyCreated: r.alreadyCreated + r.created.length })) });
    const api = renderPage({
      listAutomationRuns: () => ({ items: runs, nextCursor: null }),
      runAutomation: () => ((runs = [second, ...runs]), second),
    });
    await ready();
    const run = within(document.querySelector(`[data-run-id="${RUN_ID}"]`) as HTMLElement);
    expect(run.getByText('1 Dec 2026, 06:00 · run by hand')).toBeTruthy();
    expect(run.getByText('Contact rhythm: 1 made, 2 had theirs already')).toBeTruthy();
    expect(run.getByText('Open complaints: switched off')).toBeTruthy();
    fireEvent.click(run.getByText('Follow-ups made (1)'));
    expect(document.querySelector(`[data-task-id="${FOLLOW_UP_ID}"]`)!.textContent).toBe('Contact rhythm: no contact for 97 days, usually every 30; A customers at least every 60 days');

    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('Ran the rules: 0 follow-up(s) made.');
    await waitFor(() => expect(document.querySelectorAll('[data-run-id]')).toHaveLength(2));
    expect(api.calls.filter((c) => c.name === 'listAutomationRuns')).toHaveLength(2);
  });

  it('gives the reasons in German', async () => {
    renderPage({}, 'de-DE');
    await ready();
    expect(screen.getByRole('heading', { name: 'Automatisierungsregeln' })).toBeTruthy();
    expect(document.querySelector(`[data-task-id="${FOLLOW_UP_ID}"]`)!.textContent).toBe('Kontaktrhythmus: seit 97 Tagen kein Kontakt, sonst alle 30 Tage; A-Kunden mindestens alle 60 Tage');
    expect(screen.getByText('Kontaktrhythmus: 1 angelegt, 2 hatten ihre schon')).toBeTruthy();
  });
});
