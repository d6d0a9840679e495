// Switching items and writing from the pane: the pane shows only the selected item's context, fresh after every write.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@crm/common/web';
import { previewMailHost } from '../host/preview-mail-host';
import type { PreviewItem } from '../preview/preview-items';
import { PaneShell } from './PaneShell';
import { TaskPane } from './TaskPane';
import { accountContext, knownPerson, paneApi, testUuid } from './test-fixtures';

const HOFFMANN = testUuid('a1');
const ME = 'anna.becker@seller.example';
const base = { internetMessageId: '<m1@kunde.de>', conversationId: 'c1', when: new Date('2026-11-20T10:00:00Z'), body: '', hint: { en: '', de: '' } };
const message = (key: string, from: { email: string; name: string }, extra: Partial<PreviewItem> = {}): PreviewItem => ({
  ...base,
  mode: 'read',
  key,
  subject: `Subject ${key}`,
  from,
  recipients: [{ email: ME, name: 'Anna' }],
  ...extra,
});
const julia = { email: 'julia@kunde.de', name: 'Julia Hoffmann' };

function renderPane(items: PreviewItem[], api: ApiClient, language = 'en-US') {
  const host = previewMailHost({ items, userEmail: ME, language });
  host.select(items[0]!.key);
  render(
    <PaneShell services={{ host, api }}>
      <TaskPane />
    </PaneShell>,
  );
  return host;
}
const ready = (key: string) => waitFor(() => expect(document.querySelector(`[data-ready-key="${key}"]`)).not.toBeNull());

afterEach(cleanup);

describe('task pane across items and writes', () => {
  it('never shows the previous email\'s customer under another item when the API is down', async () => {
    let down = false;
    const api = paneApi({
      context: (emails) =>
        down
          ? new ApiError('offline', 0, null)
          : { people: emails.map((e) => knownPerson(e, julia.name, HOFFMANN, 'Hoffmann GmbH')), accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] },
    });
    const host = renderPane([message('m1', julia), message('m2', { email: 'tom@other.example', name: 'Tom' }, { internetMessageId: '<m2@other.example>' })], api.client);
    await ready('m1');
    expect(screen.getByRole('button', { name: 'Log email' })).toBeTruthy();
    down = true;
    act(() => host.select('m2'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/cannot be reached/));
    expect(screen.queryByText('Julia Hoffmann')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Hoffmann GmbH' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log email' })).toBeNull();
    down = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await ready('m2');
    expect(document.querySelector('[data-person="tom@other.example"]')).not.toBeNull();
  });

  it('clears the previous context at once and shows progress while a slow lookup runs', async () => {
    let release: () => void = () => undefined;
    let slow = false;
    const answer = (emails: string[]) => ({ people: emails.map((e) => knownPerson(e, 'Julia Hoffmann', HOFFMANN, 'Hoffmann GmbH')), accounts: [] });
    const api = paneApi({ context: (emails) => answer(emails) });
    const client = api.client;
    const gated: ApiClient = (name, args) =>
      slow && name === 'context' ? new Promise((resolve) => (release = () => resolve(client(name, args)))) : client(name, args);
    const items = [message('m1', julia), message('m2', { email: 'tom@other.example', name: 'Tom Berger' }, { internetMessageId: '<m2@other.example>' })];
    const host = renderPane(items, gated, 'de-DE');
    await ready('m1');
    slow = true;
    act(() => host.select('m2'));
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Kundenkontext wird geladen…' })).toBeTruthy());
    expect(screen.queryByText('Julia Hoffmann')).toBeNull();
    expect(screen.queryByRole('button', { name: 'E-Mail protokollieren' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('item-subject').textContent).toBe('Subject m2'));
    act(() => release());
    await ready('m2');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

});
