// The complaint banner with the complaint's open service case (#18): its priority, the due time the customer waits
// for, and overdue and escalated marked; in English and German.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseBrief } from '@crm/common';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');

function complaintWith(brief: CaseBrief | undefined, subject = 'Lagerschaden') {
  return {
    id: testUuid(subject === 'Lagerschaden' ? 'i1' : 'i2'),
    type: 'complaint' as const,
    direction: 'inbound' as const,
    occurredAt: new Date().toISOString(),
    subject,
    status: 'open' as const,
    source: 'addin' as const,
    ...(brief ? { case: brief } : {}),
  };
}

const brief = (fields: Partial<CaseBrief> = {}): CaseBrief => ({
  id: testUuid('ca1'),
  priority: 'urgent',
  status: 'open',
  firstResponseDue: '2026-11-20T10:00:00.000Z',
  resolutionDue: '2026-11-21T08:00:00.000Z',
  firstResponseAt: null,
  escalationLevel: 0,
  overdue: false,
  ...fields,
});

async function show(complaints: ReturnType<typeof complaintWith>[], language?: string) {
  const api = paneApi({
    context: () => ({
      people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
      accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH', { openComplaints: complaints })],
    }),
  });
  renderPane([message('m1', julia)], api.client, language);
  await ready('m1');
  return screen.getByTestId('complaint-banner');
}

afterEach(cleanup);

describe('complaint banner with service cases', () => {
  it('shows the case priority and the first response due, overdue and escalated marked, and nothing more for a complaint without a case', async () => {
    const banner = await show([complaintWith(brief({ overdue: true, escalationLevel: 1 })), complaintWith(undefined, 'Rechnung falsch')]);
    const [withCase, without] = within(banner).getAllByRole('listitem');
    const line = within(withCase!).getByTestId('complaint-case');
    expect(line.textContent).toMatch(/^Case, urgent priority · first response due 20 Nov 2026, \d\d:\d\d · overdue · escalated$/);
    expect(line.getAttribute('data-overdue')).toBe('true');
    expect(line.querySelector('strong')).not.toBeNull();
    expect(within(without!).queryByTestId('complaint-case')).toBeNull();
  });

  it('shows the resolution due once the customer was answered, in German', async () => {
    const banner = await show([complaintWith(brief({ priority: 'high', firstResponseAt: '2026-11-20T09:00:00.000Z' }))], 'de-DE');
    const line = within(banner).getByTestId('complaint-case');
    expect(line.textContent).toMatch(/^Fall, Priorität hoch · Lösung fällig 21\.11\.2026, \d\d:\d\d$/);
    expect(line.querySelector('strong')).toBeNull();
  });
});
