// The account tab's open complaints with their open service case (#18): priority, the due time the customer waits for,
// overdue and escalated; a complaint without a case shows none; in English and German.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountOverview } from '@crm/common';
import { TabShell } from '../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, overview, testUuid } from '../test-fixtures';
import { AccountTab } from './AccountTab';

function withCase(): AccountOverview {
  const base = overview(ACCOUNT_ID);
  const complaint = base.openComplaints[0]!;
  return {
    ...base,
    openComplaints: [
      {
        ...complaint,
        case: {
          id: testUuid('ca1'),
          priority: 'urgent',
          status: 'in_progress',
          firstResponseDue: '2026-11-23T12:00:00.000Z',
          resolutionDue: '2026-11-24T10:00:00.000Z',
          firstResponseAt: '2026-11-23T11:00:00.000Z',
          escalationLevel: 2,
          overdue: true,
        },
      },
      { ...complaint, id: testUuid('k2'), subject: 'Ohne Fall' },
    ],
  };
}

function renderTab(locale = 'en-US') {
  const api = fakeApi({ accountOverview: () => withCase(), accountTimeline: () => ({ items: [], nextCursor: null }) });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale }) }}>
      <AccountTab accountId={ACCOUNT_ID} />
    </TabShell>,
  );
}
const ready = () => waitFor(() => expect(document.querySelector(`[data-ready-key="${ACCOUNT_ID}"]`)).not.toBeNull());

afterEach(cleanup);

describe('account tab complaints with their cases', () => {
  it('shows the case priority, the resolution due once answered, overdue and escalated, and nothing for a complaint without a case', async () => {
    renderTab();
    await ready();
    const [first, second] = within(screen.getByTestId('complaints')).getAllByRole('listitem');
    const line = within(first!).getByTestId('complaint-case');
    expect(line.textContent).toMatch(/^Case, urgent priority · resolution due 24 Nov 2026, \d\d:\d\d · overdue · escalated$/);
    expect(line.getAttribute('data-escalation')).toBe('2');
    expect(within(second!).queryByTestId('complaint-case')).toBeNull();
  });

  it('speaks German', async () => {
    renderTab('de-DE');
    await ready();
    expect(within(screen.getByTestId('complaints')).getByTestId('complaint-case').textContent).toMatch(
      /^Fall, Priorität dringend · Lösung fällig 24\.11\.2026, \d\d:\d\d · überfällig · eskaliert$/,
    );
  });
});
