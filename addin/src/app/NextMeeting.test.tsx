// #12 defect 2: a meeting ahead is no contact yet; the account card names the next one apart from the last interactions.
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
const summary = (id: string, type: 'meeting' | 'note', occurredAt: string, subject: string) =>
  ({ id: testUuid(id), type, direction: 'internal', occurredAt, subject, status: null, source: 'graph-sync' }) as const;

const withUpcoming = (upcoming: ReturnType<typeof summary>[]) =>
  paneApi({
    context: () => ({
      people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
      accounts: [
        accountContext(HOFFMANN, 'Hoffmann GmbH', {
          recentInteractions: [summary('i1', 'note', '2026-11-18T09:00:00Z', 'Angebot besprochen')],
          upcoming,
        }),
      ],
    }),
  }).client;

const card = () => screen.getByRole('region', { name: 'Hoffmann GmbH' });

afterEach(cleanup);

describe('next meeting on the account card', () => {
  const planned = [summary('i2', 'meeting', '2026-12-09T13:30:00Z', 'Jahresgespräch 2027'), summary('i3', 'meeting', '2027-01-14T09:00:00Z', 'Werksbesuch')];

  it('names the soonest planned meeting on its own line, never among the last interactions', async () => {
    renderPane([message('m1', julia)], withUpcoming(planned));
    await ready('m1');
    const line = card().querySelector(`[data-next-meeting="${testUuid('i2')}"]`);
    expect(line?.textContent).toMatch(/^Next meeting: .*9.*2026.* · Jahresgespräch 2027$/);
    expect(within(card()).queryByText('Werksbesuch')).toBeNull();
    const recent = within(card()).getByRole('list', { name: 'Recent interactions' });
    expect(within(recent).getByText('Angebot besprochen')).toBeTruthy();
    expect(within(recent).queryByText(/Jahresgespräch/)).toBeNull();
  });

  it('says it in German', async () => {
    renderPane([message('m1', julia)], withUpcoming(planned), 'de-DE');
    await ready('m1');
    expect(screen.getByRole('region', { name: 'Hoffmann GmbH' }).querySelector('[data-next-meeting]')?.textContent).toMatch(/^Nächster Termin: .+ · Jahresgespräch 2027$/);
  });

  it('shows no line when nothing is planned', async () => {
    renderPane([message('m1', julia)], withUpcoming([]));
    await ready('m1');
    expect(card().querySelector('[data-next-meeting]')).toBeNull();
    expect(within(card()).queryByText(/Next meeting/)).toBeNull();
  });
});
