// The configuration dialog: type-ahead search, and the chosen account bound to the tab with its name as the title, or the
// team's figures of the Insights tab.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '@crm/common/web';
import { TabShell } from '../TabShell';
import { ACCOUNT_ID, fakeApi, fakeHost, overview, testUuid } from '../test-fixtures';
import { ConfigPage } from './ConfigPage';

const BASE = 'https://crm.contoso.de/teams/';
const hoffmann = overview(ACCOUNT_ID).account;

function renderConfig(host = fakeHost({ frame: 'settings' }), answers: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ listAccounts: (args) => ({ items: String(args.query!.q).startsWith('hoff') ? [hoffmann] : [], nextCursor: null }), ...answers });
  render(
    <TabShell services={{ api: api.client, host }}>
      <ConfigPage pagesBase={BASE} />
    </TabShell>,
  );
  return { api, host };
}

afterEach(cleanup);

describe('account tab configuration', () => {
  it('searches as the user types and binds the picked account with its name as the tab title', async () => {
    const { api, host } = renderConfig();
    const search = screen.getByRole('combobox', { name: 'Search accounts' });
    fireEvent.change(search, { target: { value: 'h' } });
    expect(screen.getByText('Type at least two letters.')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'hoff' } });
    const choice = await screen.findByRole('option', { name: 'Choose Hoffmann Antriebstechnik GmbH' });
    expect(api.calls.find((c) => c.name === 'listAccounts')!.args.query).toMatchObject({ q: 'hoff' });
    fireEvent.click(choice);
    expect(host.configured.at(-1)).toEqual({
      contentUrl: `${BASE}account.html?accountId=${ACCOUNT_ID}`,
      websiteUrl: `${BASE}account.html?accountId=${ACCOUNT_ID}`,
      entityId: `account:${ACCOUNT_ID}`,
      displayName: 'Hoffmann Antriebstechnik GmbH',
    });
    expect(screen.getByRole('status').textContent).toContain('Press Save');
  });

  it('moves through the results with the arrow keys, Home and End, and picks with Enter', async () => {
    const weser = { ...hoffmann, id: testUuid('a2'), name: 'Hoffmann Weser GmbH' };
    const kiel = { ...hoffmann, id: testUuid('a3'), name: 'Hoffmann Kiel AG' };
    const { host } = renderConfig(undefined, { listAccounts: () => ({ items: [hoffmann, weser, kiel], nextCursor: null }) });
    const search = screen.getByRole('combobox', { name: 'Search accounts' });
    fireEvent.change(search, { target: { value: 'hoff' } });
    await screen.findAllByRole('option');
    expect(screen.getByRole('listbox', { name: 'Matching accounts' })).toBeTruthy();
    expect(search.getAttribute('aria-expanded')).toBe('true');
    const active = () => document.getElementById(search.getAttribute('aria-activedescendant') ?? '')?.getAttribute('aria-label');
    const selected = () => screen.getAllByRole('option').filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.getAttribute('aria-label'));
    expect(active()).toBeUndefined();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(active()).toBe('Choose Hoffmann Antriebstechnik GmbH');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(active()).toBe('Choose Hoffmann Weser GmbH');
    expect(selected()).toEqual(['Choose Hoffmann Weser GmbH']);
    fireEvent.keyDown(search, { key: 'End' });
    expect(active()).toBe('Choose Hoffmann Kiel AG');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(active()).toBe('Choose Hoffmann Antriebstechnik GmbH');
    fireEvent.keyDown(search, { key: 'ArrowUp' });
    expect(active()).toBe('Choose Hoffmann Kiel AG');
    fireEvent.keyDown(search, { key: 'Home' });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(host.configured.at(-1)?.displayName).toBe('Hoffmann Weser GmbH');
  });

  it('says when nothing matches', async () => {
    renderConfig();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'zzz' } });
    await waitFor(() => expect(screen.getByText('No account matches "zzz".')).toBeTruthy());
  });

  it('standalone, opens the account tab itself since there is no Save button of Teams', async () => {
    const { host } = renderConfig(fakeHost({ kind: 'standalone', frame: 'settings', origin: null }));
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'hoff' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Choose Hoffmann Antriebstechnik GmbH' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open the account tab' }));
    expect(host.navigated).toEqual([`${BASE}account.html?accountId=${ACCOUNT_ID}`]);
  });

  it('explains a failed search in the user language', async () => {
    renderConfig(fakeHost({ frame: 'settings', locale: 'de-DE' }), { listAccounts: () => new ApiError('offline', 0, null) });
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'hoff' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/nicht erreichbar/));
  });

  it('binds the tab to the team’s figures of the Insights tab when chosen, and to nothing until an account is picked again', async () => {
    const { host } = renderConfig();
    fireEvent.click(screen.getByRole('radio', { name: 'The team’s figures (Insights)' }));
    expect(host.configured.at(-1)).toEqual({
      contentUrl: `${BASE}insights.html?scope=team`,
      websiteUrl: `${BASE}insights.html?scope=team`,
      entityId: 'insights:team',
      displayName: 'Insights',
    });
    expect(screen.queryByRole('combobox', { name: 'Search accounts' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Selected: the team’s figures, the same for everyone here; no figures per employee.Press Save to add the tab.');
    fireEvent.click(screen.getByRole('radio', { name: 'An account (its 360° view)' }));
    expect(host.configured.at(-1)).toBeNull();
  });

  it('names the Insights tab in German and, standalone, opens it', async () => {
    const { host } = renderConfig(fakeHost({ kind: 'standalone', frame: 'settings', origin: null, locale: 'de-DE' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Diese CRM-Registerkarte einrichten' })).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: 'Die Kennzahlen des Teams (Auswertungen)' }));
    expect(host.configured.at(-1)?.displayName).toBe('Auswertungen');
    fireEvent.click(screen.getByRole('button', { name: 'Registerkarte Auswertungen öffnen' }));
    expect(host.navigated).toEqual([`${BASE}insights.html?scope=team`]);
  });
});
