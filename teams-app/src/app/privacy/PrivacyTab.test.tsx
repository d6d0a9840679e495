// The "Privacy" tab: the request register with its deadlines, overdue and due-this-week marked, in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PrivacyRequestSummary } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { stamp } from '@crm/common/web/testing';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, testUuid, type FakeAnswer } from '../test-fixtures';
import { PrivacyTab } from './PrivacyTab';

function request(fields: Partial<PrivacyRequestSummary> & Pick<PrivacyRequestSummary, 'id' | 'receivedOn' | 'dueOn'>): PrivacyRequestSummary {
  return {
    ...stamp,
    type: 'access',
    contactId: null,
    email: 'anfrage@mail.example',
    originalDueOn: fields.dueOn,
    extension: null,
    status: 'received',
    answer: null,
    overdue: false,
    dueThisWeek: false,
    createdBy: null,
    ...fields,
  };
}

const OVERDUE = testUuid('r1');
const SOON = testUuid('r2');
const EXTENDED = testUuid('r3');
const DONE = testUuid('r4');
const register = () => ({
  items: [
    request({ id: OVERDUE, type: 'erasure', receivedOn: '2026-01-31', dueOn: '2026-02-28', overdue: true }),
    request({ id: SOON, type: 'objection', contactId: testUuid('c1'), email: null, receivedOn: '2026-11-05', dueOn: '2026-12-05', dueThisWeek: true }),
    request({
      id: EXTENDED,
      receivedOn: '2026-11-20',
      dueOn: '2027-02-20',
      originalDueOn: '2026-12-20',
      status: 'in_progress',
      extension: { dueOn: '2027-02-20', reason: 'Umfang', extendedBy: null, extendedAt: '2026-11-25T09:00:00.000Z' },
    }),
    request({
      id: DONE,
      type: 'portability',
      receivedOn: '2026-10-01',
      dueOn: '2026-11-01',
      status: 'completed',
      answer: { sentOn: '2026-10-20', text: 'JSON per E-Mail' },
    }),
  ],
  nextCursor: null,
});

function renderTab(answer: FakeAnswer<'listPrivacyRequests'>, locale = 'en-US') {
  const api = fakeApi({ listPrivacyRequests: answer });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <PrivacyTab />
    </TabShell>,
  );
  return api;
}
const ready = () => waitFor(() => expect(document.querySelector('[data-ready-key="privacy"]')).not.toBeNull());
const item = (id: string) => document.querySelector(`[data-request-id="${id}"]`) as HTMLElement;

afterEach(cleanup);

describe('privacy tab', () => {
  it('lists the requests with their deadlines, marking the overdue one and the one due this week', async () => {
    renderTab(() => register());
    await ready();
    const card = screen.getByTestId('privacy-requests');
    expect(within(card).getByRole('heading').textContent).toBe('Data subject requests');
    expect(screen.getByTestId('privacy-summary').textContent).toBe('1 overdue, 1 due within 7 days, 3 open');
    expect(
      within(card)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-request-id')),
    ).toEqual([OVERDUE, SOON, EXTENDED, DONE]);
    expect(item(OVERDUE).textContent).toBe('OverdueErasure (Art. 17)anfrage@mail.exampleReceivedreceived 31 Jan 2026 · due 28 Feb 2026');
    expect(item(SOON).textContent).toBe('Due this weekObjection (Art. 21)CRM contactReceivedreceived 5 Nov 2026 · due 5 Dec 2026');
    expect(item(EXTENDED).textContent).toContain('In progressreceived 20 Nov 2026 · due 20 Feb 2027 · extended, originally due 20 Dec 2026');
    expect(item(DONE).textContent).toContain('Completedreceived 1 Oct 2026 · due 1 Nov 2026 · answered 20 Oct 2026');
    expect(within(item(DONE)).queryByText('Overdue')).toBeNull();
  });

  it('speaks German', async () => {
    renderTab(() => register(), 'de-DE');
    await ready();
    expect(screen.getByRole('heading', { name: 'Datenschutz' })).toBeTruthy();
    expect(screen.getByTestId('privacy-summary').textContent).toBe('1 überfällig, 1 in den nächsten 7 Tagen fällig, 3 offen');
    expect(item(OVERDUE).textContent).toBe('ÜberfälligLöschung (Art. 17)anfrage@mail.exampleEingegangeneingegangen am 31.01.2026 · fällig am 28.02.2026');
    expect(item(SOON).textContent).toContain('Diese Woche fällig');
  });

  it('says so when no request is registered', async () => {
    renderTab(() => ({ items: [], nextCursor: null }));
    await ready();
    expect(screen.getByText('No requests registered.')).toBeTruthy();
  });

  it('moves between its sections with the arrow keys, Home and End, one tab stop for the list', async () => {
    renderTab(() => register());
    await ready();
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => [tab.textContent, tab.getAttribute('aria-selected'), tab.getAttribute('tabindex')])).toEqual([
      ['Requests', 'true', '0'],
      ['Person', 'false', '-1'],
      ['Retention', 'false', '-1'],
      ['Audit log', 'false', '-1'],
    ]);
    fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Person' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Person' }));
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('privacy-tab-person');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(screen.getByRole('tab', { name: 'Requests' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(document.activeElement?.textContent).toBe(screen.getAllByRole('tab').at(-1)!.textContent);
  });

  it('explains a missing role instead of showing a blank tab', async () => {
    renderTab(() => new ApiError('forbidden', 403, null));
    await waitFor(() => expect(screen.getByRole('alert')).toBeTruthy());
  });
});
