// The "Outlook sync" card: switches and status in words, connect and sync now for admins, plain words when sync is not set up.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailboxSyncState, Me, SyncStatusResponse } from '@crm/common';
import type { AnswerOf } from '@crm/common/web/testing';
import { TabShell } from '../TabShell';
import { fakeApi, fakeHost, me } from '../test-fixtures';
import { SyncCard } from './SyncCard';

const state = (over: Partial<MailboxSyncState>): MailboxSyncState => ({
  userId: '6f1c2a3b-4d5e-4f60-8a71-92b3c4d5e6f7',
  displayName: 'Anna Becker',
  resource: 'calendar',
  enabled: true,
  status: 'active',
  stage: 'incremental',
  pending: false,
  pagesDone: 3,
  itemsDone: 412,
  lastSuccessAt: '2026-11-29T08:15:00.000Z',
  lastError: null,
  missingPermission: null,
  failureCount: 0,
  ...over,
});

function renderCard(status: () => SyncStatusResponse, roles: Me['roles'] = ['CRM.User'], locale = 'en-US', extra: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ getMySync: status, me: () => me(roles), ...extra });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <SyncCard />
    </TabShell>,
  );
  return api;
}

const row = (resource: string) =>
  waitFor(() => {
    const found = document.querySelector(`[data-resource="${resource}"]`);
    if (!found) throw new Error(`no ${resource} row yet`);
    return found as HTMLElement;
  });

afterEach(cleanup);

describe('Outlook sync card', () => {
  it('shows each resource with its switch and status, and the missing permission in words', async () => {
    renderCard(() => ({
      configured: true,
      connected: true,
      items: [
        state({}),
        state({
          resource: 'contacts',
          status: 'needs_permission',
          missingPermission: 'Contacts.ReadWrite',
          lastError: 'Microsoft Graph refused access (403).',
          lastSuccessAt: null,
        }),
      ],
    }));
    const calendar = await row('calendar');
    expect(within(calendar).getByRole('switch')).toHaveProperty('checked', true);
    expect(calendar.textContent).toContain('Active');
    const contacts = document.querySelector('[data-resource="contacts"]') as HTMLElement;
    expect(within(contacts).getByRole('alert').textContent).toBe('Missing permission: Contacts.ReadWrite');
    expect(contacts.textContent).toContain('Needs permission');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('counts the Outlook items the sync could not read and says why, in English and German', async () => {
    const unreadable = [
      { id: 'AAMkAD1', reason: 'unknown time zone "Mars Standard Time"' },
      { id: 'AAMkAD2', reason: 'unreadable date-time "2026-13-40T25:00:00"' },
    ];
    const status = () => ({ configured: true, connected: true, items: [state({ unreadable }), state({ resource: 'contacts' })] });
    renderCard(status);
    const calendar = await row('calendar');
    const shown = within(calendar).getByTestId('sync-unreadable');
    expect(shown.querySelector('p, span')?.textContent).toBe('Outlook items the sync could not read: 2. They are not in the CRM; everything else syncs as usual.');
    expect(shown.querySelector('summary')!.textContent).toBe('Why, as the sync reported it');
    expect([...shown.querySelectorAll('li')].map((li) => li.textContent)).toEqual(unreadable.map((u) => u.reason));
    expect(within(await row('contacts')).queryByTestId('sync-unreadable')).toBeNull();
    cleanup();

    renderCard(status, ['CRM.User'], 'de-DE');
    expect(within(within(await row('calendar')).getByTestId('sync-unreadable')).getByText(/^Outlook-Einträge, die die Synchronisierung nicht lesen konnte: 2\./)).toBeTruthy();
  });

  it('turns a resource on with one switch, keeping the other as it was', async () => {
    const api = renderCard(() => ({ configured: true, connected: true, items: [state({ enabled: false, status: 'not_synced' })] }), ['CRM.User'], 'en-US', {
      putMySync: (args) => ({ configured: true, connected: true, items: [state({ ...(args.body as object), status: 'not_synced', pending: false })] }),
    });
    const calendar = await row('calendar');
    fireEvent.click(within(calendar).getByRole('switch'));
    await waitFor(() => expect(api.calls.some((c) => c.name === 'putMySync')).toBe(true));
    expect(api.calls.find((c) => c.name === 'putMySync')!.args.body).toEqual({ calendar: true, contacts: false });
  });

  it('shows a Reader the switches off limits, with the roles that may use them (#12 defect 14)', async () => {
    renderCard(() => ({ configured: true, connected: true, items: [state({ enabled: false, status: 'not_synced' })] }), ['CRM.Reader']);
    const calendar = await row('calendar');
    await waitFor(() => expect(within(calendar).getByRole('switch')).toHaveProperty('disabled', true));
    const notice = screen.getByTestId('role-notice');
    expect(notice.textContent).toContain('Your role (CRM.Reader) can read the CRM but not change it');
    expect(within(calendar).getByRole('switch').getAttribute('aria-describedby')).toBe(notice.id);
  });

  it('lets an admin connect the organisation, in German', async () => {
    let connected = false;
    const settings: AnswerOf<'getSettings'> = {
      stages: [{ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 }],
      sleepingAfterDays: 90,
      defaultCurrency: 'EUR',
      graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
      etag: '"4"',
    };
    const api = renderCard(() => ({ configured: true, connected, items: [] }), ['CRM.Admin'], 'de-DE', {
      getSettings: () => settings,
      putSettings: () => ((connected = true), { ...settings, graphSync: { ...settings.graphSync, connected: true }, etag: '"5"' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Diese Organisation verbinden' }));
    await screen.findByText('Organisation verbunden.');
    const put = api.calls.find((c) => c.name === 'putSettings')!;
    expect(put.args.ifMatch).toBe('"4"');
    expect((put.args.body as { graphSync: { connected: boolean } }).graphSync.connected).toBe(true);
    expect(put.args.body).not.toHaveProperty('etag');
  });

  it('says plainly when the server has no Graph credentials', async () => {
    renderCard(() => ({ configured: false, connected: false, items: [] }));
    expect(await screen.findByText(/not set up on this server/)).toBeTruthy();
  });
});
