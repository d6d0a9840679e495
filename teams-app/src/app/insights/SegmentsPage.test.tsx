// The Insights tab's segment lists page: the saved lists with their filters in words, a new list as the API's filter,
// a list's members, a marketing export with who was left out and why, and the CSV download, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { SegmentMember } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, type FakeAnswers } from '../test-fixtures';
import { InsightsTab } from './InsightsTab';
import { insightsTexts } from './insights-texts';
import { ACCOUNT_SEGMENT_ID, ADLER_ID, SEGMENT_ID, segmentList, segmentMembers, team } from './insights-fixtures';

const NOW = new Date('2026-12-02T10:00:00Z');

function renderPage(answers: FakeAnswers = {}, locale = 'en-US') {
  const saved: Array<{ name: string; blob: Blob }> = [];
  const api = fakeApi({
    listSegments: () => ({ items: [segmentList(), segmentList({ id: ACCOUNT_SEGMENT_ID, name: 'Gefährdete A-Kunden', description: null, target: 'accounts', filter: { period: '2025', segments: ['at_risk'], abcClasses: ['A'] } })], nextCursor: null }),
    segmentMembers: (args) => segmentMembers((args.query?.purpose as 'marketing' | undefined) ?? null),
    exportSegment: (args) => new File(['\ufeffID;First name\r\n'], args.query?.purpose ? 'segment-marketing-2026-12-02.csv' : 'segment-2026-12-02.csv', { type: 'text/csv' }),
    teamInsights: () => team(),
    listGoals: () => ({ items: [], nextCursor: null }),
    insightTrend: () => ({ snapshots: [] }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <InsightsTab texts={insightsTexts} now={NOW} page="segments" save={(blob, name) => saved.push({ blob, name })} />
    </TabShell>,
  );
  return { api, saved };
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="segments"]')).not.toBeNull());
const listItem = (id: string) => document.querySelector(`[data-segment-id="${id}"]`) as HTMLElement;

afterEach(cleanup);

describe('segment lists page', () => {
  it('lists the saved lists with their filters in words, loaded as its own page', async () => {
    renderPage();
    await ready();
    expect(screen.getByRole('button', { name: 'Segment lists' }).getAttribute('aria-current')).toBe('page');
    expect(listItem(SEGMENT_ID).textContent).toBe(
      'Schlafende Maschinenbauer (contacts)MembersFür die Frühjahrskampagneperiod Last 12 full months · ABC class A, B · industry Maschinenbau · last contact before 1 Jun 2026 or never',
    );
    expect(within(listItem(ACCOUNT_SEGMENT_ID)).getByText('period 2025 · segment At risk · ABC class A')).toBeTruthy();
  });

  it('opens a list’s members, then a marketing export says who was left out and why, and downloads its CSV', async () => {
    const { api, saved } = renderPage();
    await ready();
    fireEvent.click(within(listItem(SEGMENT_ID)).getByRole('button', { name: 'Members of Schlafende Maschinenbauer' }));
    const members = within(await screen.findByTestId('segment-members'));
    const table = await members.findByTestId('segment-members-table');
    const rows = within(table).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'PersonEmailAccountClassSegmentRevenueRevenue trendLast contact',
      'Ada Adleradler@anker.exampleAnker Maschinen GmbHAChampions€120,000.00stable11 May 2026',
      'Bernd Bauer–Anker Maschinen GmbHAChampions€120,000.00stable11 May 2026',
    ]);
    await waitFor(() => expect(document.activeElement?.id).toBe('segment-members-heading'));
    expect(members.getByTestId('segment-members-as-of').textContent).toMatch(/^Figures as of .+, being updated: data changed since\.$/);

    fireEvent.change(members.getByLabelText('Export for'), { target: { value: 'marketing' } });
    const leftOut = await members.findByTestId('segment-left-out');
    expect(leftOut.textContent).toBe(
      '3 person(s) of the list left out of the marketing export:1 objected to direct marketing1 without a consent for the purpose1 without an email address',
    );
    await waitFor(() => expect(within(members.getByTestId('segment-members-table')).getAllByRole('row')).toHaveLength(2));
    expect(document.querySelector(`[data-member-id="${ADLER_ID}"]`)).not.toBeNull();
    expect(api.calls.filter((c) => c.name === 'segmentMembers').map((c) => c.args.query)).toEqual([{}, { purpose: 'marketing' }]);

    fireEvent.click(members.getByRole('button', { name: 'Export for marketing as CSV' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual(['segment-marketing-2026-12-02.csv']));
    expect(api.calls.find((c) => c.name === 'exportSegment')?.args).toEqual({ params: { id: SEGMENT_ID }, query: { purpose: 'marketing', format: 'csv', decimal: 'comma' } });
    expect(screen.getByTestId('done-notice').textContent).toBe('Downloaded segment-marketing-2026-12-02.csv.');
  });

  it('shows a long list a page at a time, the next page under the first, and keeps what it showed when one fails', async () => {
    const [adler, bauer] = segmentMembers().items as [SegmentMember, SegmentMember];
    let failNext = true;
    const { api } = renderPage({
      segmentMembers: (args) => {
        if (!args.query?.cursor) return { ...segmentMembers(), items: [adler], total: 2, nextCursor: 'page-2' };
        if (failNext) return (failNext = false), new ApiError('server', 503, null);
        return { ...segmentMembers(), items: [bauer], total: 2, nextCursor: null };
      },
    });
    await ready();
    fireEvent.click(within(listItem(SEGMENT_ID)).getByRole('button', { name: 'Members of Schlafende Maschinenbauer' }));
    const members = within(await screen.findByTestId('segment-members'));
    const table = await members.findByTestId('segment-members-table');
    expect(within(table).getByText('2 member(s)')).toBeTruthy();
    expect(members.getByText('1 of 2 shown')).toBeTruthy();
    fireEvent.click(members.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(members.getByRole('alert')).toBeTruthy());
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    fireEvent.click(members.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(within(table).getAllByRole('row').map((r) => r.getAttribute('data-member-id'))).toEqual([null, adler.contact!.id, bauer.contact!.id]));
    expect(members.queryByRole('button', { name: 'Show more' })).toBeNull();
    expect(api.calls.filter((c) => c.name === 'segmentMembers').map((c) => c.args.query)).toEqual([{}, { cursor: 'page-2' }, { cursor: 'page-2' }]);
  });

  it('offers no campaign for a list of accounts', async () => {
    renderPage({ segmentMembers: () => ({ ...segmentMembers(), target: 'accounts', items: [{ ...segmentMembers().items[0]!, contact: null }] }) });
    await ready();
    fireEvent.click(within(listItem(ACCOUNT_SEGMENT_ID)).getByRole('button', { name: 'Members of Gefährdete A-Kunden' }));
    const members = within(await screen.findByTestId('segment-members'));
    const table = await members.findByTestId('segment-members-table');
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('Anker Maschinen GmbHAChampions€120,000.00stable11 May 2026');
    expect(members.queryByLabelText('Export for')).toBeNull();
  });

  it('saves a new list as the API’s filter, with one id over retries, and opens it', async () => {
    let attempts = 0;
    const { api } = renderPage({
      createSegment: (args) =>
        ++attempts === 1
          ? new ApiError('server', 503, null)
          : segmentList({ id: args.body.id!, name: args.body.name, description: args.body.description ?? null, target: args.body.target, filter: { period: 'last-12-months', ...args.body.filter } }),
    });
    await ready();
    const form = within(screen.getByTestId('segment-new'));
    fireEvent.change(form.getByLabelText(/^Name/), { target: { value: '  Newsletter Elektro ' } });
    fireEvent.click(form.getByLabelText('contacts'));
    fireEvent.click(form.getByLabelText('Potential'));
    fireEvent.click(form.getByLabelText('no class'));
    fireEvent.click(form.getByLabelText('growing'));
    fireEvent.change(form.getByLabelText('Industries'), { target: { value: 'Elektro, Bau ,' } });
    fireEvent.change(form.getByLabelText('Last contact on or after'), { target: { value: '2026-01-01' } });
    fireEvent.change(form.getByLabelText('Only people with an email consent for'), { target: { value: 'newsletter' } });
    fireEvent.click(form.getByRole('button', { name: 'Save list' }));
    await waitFor(() => expect(form.getByRole('alert')).toBeTruthy());
    fireEvent.click(form.getByRole('button', { name: 'Save list' }));
    await screen.findByText('Saved the list Newsletter Elektro.');
    const creates = api.calls.filter((c) => c.name === 'createSegment');
    expect(creates).toHaveLength(2);
    expect(creates[1]!.args.body).toEqual({
      id: creates[0]!.args.body!.id,
      name: 'Newsletter Elektro',
      description: null,
      target: 'contacts',
      filter: { period: 'last-12-months', segments: ['potential'], abcClasses: ['none'], industries: ['Elektro', 'Bau'], lastContactAfter: '2026-01-01', revenueTrends: ['growing'], consentPurpose: 'newsletter' },
    });
    expect(await screen.findByRole('heading', { name: 'Members of Newsletter Elektro' })).toBeTruthy();
    expect(api.calls.filter((c) => c.name === 'listSegments')).toHaveLength(2);
  });

  it('speaks German', async () => {
    renderPage({}, 'de-DE');
    await ready();
    expect(screen.getByRole('heading', { level: 2, name: 'Segmentlisten' })).toBeTruthy();
    expect(within(listItem(SEGMENT_ID)).getByText('Zeitraum Letzte 12 volle Monate · ABC-Klasse A, B · Branche Maschinenbau · letzter Kontakt vor dem 01.06.2026 oder nie')).toBeTruthy();
    fireEvent.click(within(listItem(SEGMENT_ID)).getByRole('button', { name: 'Mitglieder von Schlafende Maschinenbauer' }));
    const members = within(await screen.findByTestId('segment-members'));
    fireEvent.change(members.getByLabelText('Export für'), { target: { value: 'marketing' } });
    expect((await members.findByTestId('segment-left-out')).textContent).toContain('3 Person(en) der Liste nicht im Export für Werbung:1 haben der Direktwerbung widersprochen');
    const table = members.getByTestId('segment-members-table');
    await waitFor(() => expect(within(table).getAllByRole('row')[1]!.textContent).toBe('Ada Adleradler@anker.exampleAnker Maschinen GmbHAChampions120.000,00\u00a0€stabil11.05.2026'));
  });

  it('switches back to the figures from the nav', async () => {
    renderPage();
    await ready();
    fireEvent.click(screen.getByRole('button', { name: 'Figures' }));
    await screen.findByTestId('key-figures');
    expect(screen.queryByTestId('segment-lists')).toBeNull();
  });
});
