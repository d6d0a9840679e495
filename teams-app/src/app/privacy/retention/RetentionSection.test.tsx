// The privacy tab's retention section: the policies as the API keeps them, edited and saved with If-Match; a preview
// with counts and samples, the run of exactly that preview, and the run history; in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { RetentionPolicies, RetentionPreview, RetentionRun } from '@crm/common';
import { TabShell } from '../../TabShell';
import { fakeApi, fakeHost, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { PrivacyTab } from '../PrivacyTab';

const RUN = testUuid('p1');
const OLD_RUN = testUuid('p0');

const policy = (
  dataClass: RetentionPolicies['policies'][number]['dataClass'],
  periodMonths: number,
  action: 'anonymise' | 'delete',
  fromEndOfYear: boolean,
) => ({
  dataClass,
  enabled: true,
  periodMonths,
  action,
  fromEndOfYear,
  removes: `${dataClass} removes`,
  keeps: `${dataClass} keeps`,
  basis: `${dataClass} basis`,
  available: true,
});

const defaults: RetentionPolicies = {
  policies: [
    policy('inactive_contacts', 36, 'anonymise', true),
    policy('email_meeting_interactions', 72, 'anonymise', true),
    policy('note_chat_web_form_interactions', 36, 'anonymise', true),
    policy('read_audit', 12, 'delete', false),
    policy('consent_proofs', 36, 'delete', true),
  ],
  dailyRun: false,
  saved: false,
  updatedAt: null,
  etag: '"0"',
};

const counts = (planned: number, done = 0) => ({ planned, done, skipped: 0 });
const run = (fields: Partial<RetentionRun> = {}): RetentionRun => ({
  runId: RUN,
  status: 'planned',
  trigger: 'manual',
  asOf: '2026-12-02T10:00:00.000Z',
  createdBy: USER_ID,
  createdAt: '2026-12-02T10:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  policies: [
    { dataClass: 'inactive_contacts', action: 'anonymise', cutoff: '2023-01-01T00:00:00.000Z', ...counts(2) },
    { dataClass: 'read_audit', action: 'delete', cutoff: '2025-12-02T10:00:00.000Z', ...counts(5) },
  ],
  progress: 0,
  ...fields,
});
const preview: RetentionPreview = {
  ...run(),
  samples: [
    { dataClass: 'inactive_contacts', records: [{ id: testUuid('c9'), label: 'Contact of Weser Sensorik GmbH', date: '2019-05-04T10:00:00.000Z' }] },
    { dataClass: 'read_audit', records: [] },
  ],
};
const completed = run({
  status: 'completed',
  startedAt: '2026-12-02T10:01:00.000Z',
  finishedAt: '2026-12-02T10:01:05.000Z',
  progress: 100,
  policies: run().policies.map((p) => ({ ...p, done: p.planned })),
});
const older = { ...completed, runId: OLD_RUN, trigger: 'daily' as const, createdAt: '2026-11-30T02:30:00.000Z' };

function retentionApi(extra: FakeAnswers = {}): FakeAnswers {
  let stored = defaults;
  let runs: RetentionRun[] = [older];
  return {
    listPrivacyRequests: () => ({ items: [], nextCursor: null }),
    getRetentionPolicies: () => stored,
    putRetentionPolicies: (args) => {
      stored = {
        ...stored,
        policies: stored.policies.map((p, i) => ({ ...p, ...args.body.policies[i] })),
        dailyRun: args.body.dailyRun,
        saved: true,
        updatedAt: '2026-12-02T09:00:00.000Z',
        etag: '"1"',
      };
      return stored;
    },
    previewRetention: () => {
      runs = [run(), older];
      return preview;
    },
    runRetention: () => {
      runs = [completed, older];
      return completed;
    },
    listRetentionRuns: () => ({ items: runs, nextCursor: null }),
    ...extra,
  };
}

function renderTab(answers: FakeAnswers, locale = 'en-US') {
  const api = fakeApi(answers);
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <PrivacyTab />
    </TabShell>,
  );
  return api;
}

async function openRetention(name = 'Retention') {
  fireEvent.click(screen.getByRole('tab', { name }));
  await waitFor(() => expect(document.querySelector('[data-ready-key="retention"]')).not.toBeNull());
}
const policyItem = (dataClass: string) => document.querySelector(`[data-testid="retention-policies"] [data-policy="${dataClass}"]`) as HTMLElement;

afterEach(cleanup);

describe('privacy tab: retention', () => {
  it('shows every policy with what it removes and keeps, and saves the edits with the ETag read', async () => {
    const api = renderTab(retentionApi());
    await openRetention();
    expect(screen.getByTestId('retention-state').textContent).toBe('German defaults, not saved yet: nothing runs by itself until they are saved.');
    const emails = policyItem('email_meeting_interactions');
    expect(within(emails).getByRole('group', { name: 'Emails and meetings' })).toBeTruthy();
    expect(emails.textContent).toContain('Removes: email_meeting_interactions removes');
    expect(emails.textContent).toContain('Keeps: email_meeting_interactions keeps');
    expect(emails.textContent).toContain('Why: email_meeting_interactions basis');
    // A contact can only be anonymised, the read audit only deleted: the choices say so.
    expect(
      within(policyItem('inactive_contacts'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['anonymise']);
    expect(
      within(emails)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['anonymise', 'delete']);

    fireEvent.change(within(emails).getByRole('spinbutton'), { target: { value: '84' } });
    fireEvent.change(within(emails).getByRole('combobox'), { target: { value: 'delete' } });
    fireEvent.click(within(policyItem('note_chat_web_form_interactions')).getByRole('checkbox', { name: 'Apply this policy' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Run the enabled policies every night (02:30 UTC)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe('The retention policies are saved.');
    const put = api.calls.find((c) => c.name === 'putRetentionPolicies')!;
    expect(put.args.ifMatch).toBe('"0"');
    expect(put.args.body).toEqual({
      dailyRun: true,
      policies: [
        { dataClass: 'inactive_contacts', enabled: true, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
        { dataClass: 'email_meeting_interactions', enabled: true, periodMonths: 84, action: 'delete', fromEndOfYear: true },
        { dataClass: 'note_chat_web_form_interactions', enabled: false, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
        { dataClass: 'read_audit', enabled: true, periodMonths: 12, action: 'delete', fromEndOfYear: false },
        { dataClass: 'consent_proofs', enabled: true, periodMonths: 36, action: 'delete', fromEndOfYear: true },
      ],
    });
    await waitFor(() => expect(screen.getByTestId('retention-state').textContent).toBe('Saved 2 Dec 2026.'));
  });

  it('refuses a period that is no whole number of months before asking the API', async () => {
    const api = renderTab(retentionApi());
    await openRetention();
    fireEvent.change(within(policyItem('read_audit')).getByRole('spinbutton'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save policies' }));
    expect(within(policyItem('read_audit')).getByText('Enter whole months from 1 to 1200.')).toBeTruthy();
    expect(api.calls.some((c) => c.name === 'putRetentionPolicies')).toBe(false);
  });

  it('previews with counts per policy and samples, runs exactly that preview, and lists the run', async () => {
    const api = renderTab(retentionApi());
    await openRetention();
    const history = () =>
      within(screen.getByTestId('retention-runs'))
        .getAllByRole('listitem')
        .filter((li) => li.hasAttribute('data-run-id'));
    expect(history().map((li) => li.getAttribute('data-run-id'))).toEqual([OLD_RUN]);
    expect(history()[0]!.textContent).toContain('nightly · completed · 100 %');
    const card = screen.getByTestId('retention-preview');
    expect(within(card).queryByRole('button', { name: 'Run now' })).toBeNull();
    fireEvent.click(within(card).getByRole('button', { name: 'Preview' }));
    await waitFor(() => expect(within(card).getByTestId('retention-counts')).toBeTruthy());
    expect(
      within(within(card).getByTestId('retention-counts'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contacts without activity: 2 to anonymise (older than 1 Jan 2023)', 'Audit of reads: 5 to delete (older than 2 Dec 2025)']);
    expect(card.querySelector('[data-samples="inactive_contacts"]')!.textContent).toBe(
      'Oldest of Contacts without activityContact of Weser Sensorik GmbH · 4 May 2019',
    );
    expect(card.querySelector('[data-samples="read_audit"]')).toBeNull();
    await waitFor(() => expect(history().map((li) => li.getAttribute('data-status'))).toEqual(['planned', 'completed']));

    fireEvent.click(within(card).getByRole('button', { name: 'Run now' }));
    const ran = await within(card).findByTestId('retention-ran');
    expect(api.calls.find((c) => c.name === 'runRetention')?.args.body).toEqual({ runId: RUN });
    expect(within(ran).getByTestId('done-notice').textContent).toBe('Run completed: 100 % done.');
    expect(
      within(ran)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Contacts without activity: 2 of 2 done, 0 skipped', 'Audit of reads: 5 of 5 done, 0 skipped']);
    await waitFor(() => expect(history().map((li) => li.getAttribute('data-status'))).toEqual(['completed', 'completed']));
  });

  it('speaks German', async () => {
    renderTab(retentionApi(), 'de-DE');
    await openRetention('Aufbewahrung');
    expect(screen.getByRole('heading', { name: 'Aufbewahrungsregeln' })).toBeTruthy();
    expect(within(policyItem('consent_proofs')).getByRole('group', { name: 'Einwilligungsnachweise' })).toBeTruthy();
    expect(
      within(policyItem('consent_proofs'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['löschen']);
    fireEvent.click(screen.getByRole('button', { name: 'Vorschau' }));
    expect((await screen.findAllByText('Kontakte ohne Aktivität: 2 zu anonymisieren (älter als 01.01.2023)')).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Jetzt ausführen' })).toBeTruthy();
  });
});
