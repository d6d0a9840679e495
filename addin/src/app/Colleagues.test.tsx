// Colleagues on an email are shown as colleagues, never offered as new contacts.
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { previewMailHost } from '../host/preview-mail-host';
import type { PreviewItem } from '../preview/preview-items';
import { PaneShell } from './PaneShell';
import { TaskPane } from './TaskPane';
import { paneApi } from './test-fixtures';

const ME = 'anna.becker@seller.example';
const ben = { email: 'ben.roth@seller.example', name: 'Ben Roth' };
const julia = { email: 'julia@kunde.de', name: 'Julia Hoffmann' };
const item: PreviewItem = {
  mode: 'read',
  key: 'colleague',
  subject: 'Angebot',
  internetMessageId: '<m9@kunde.de>',
  conversationId: 'c9',
  when: new Date('2026-11-20T10:00:00Z'),
  body: '',
  hint: { en: '', de: '' },
  from: julia,
  recipients: [
    { email: ME, name: 'Anna' },
    { email: ben.email, name: ben.name },
  ],
};

afterEach(cleanup);

function renderPane(language: string) {
  const host = previewMailHost({ items: [item], userEmail: ME, language });
  host.select(item.key);
  const api = paneApi({
    context: () => ({
      people: [
        { email: julia.email, status: 'unknown', suggestedAccount: null },
        { email: ben.email, status: 'unknown', suggestedAccount: null, internal: true },
      ],
      accounts: [],
    }),
  });
  render(
    <PaneShell services={{ host, api: api.client }}>
      <TaskPane />
    </PaneShell>,
  );
}
const card = (email: string) => document.querySelector<HTMLElement>(`[data-person="${email}"]`);

it('shows a colleague as a colleague without the add button, and still offers the customer', async () => {
  renderPane('en-US');
  await waitFor(() => expect(card(ben.email)).not.toBeNull());
  const colleague = card(ben.email)!;
  expect(colleague.getAttribute('data-status')).toBe('internal');
  expect(within(colleague).getByText('Colleague')).toBeTruthy();
  expect(within(colleague).queryByRole('button')).toBeNull();
  expect(colleague.textContent).not.toContain('Not in the CRM yet');
  expect(within(card(julia.email)!).getByRole('button', { name: 'Add as contact' })).toBeTruthy();
});

it('says so in German', async () => {
  renderPane('de-DE');
  await waitFor(() => expect(card(ben.email)).not.toBeNull());
  expect(within(card(ben.email)!).getByText('Kollege/Kollegin')).toBeTruthy();
  expect(screen.getAllByRole('button', { name: 'Als Kontakt anlegen' })).toHaveLength(1);
});
