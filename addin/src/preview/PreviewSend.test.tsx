// The preview's Send runs the send check against the API with the purpose the pane saved, and answers as Outlook would.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { ApiError } from '@crm/common/web';
import { previewMailHost } from '../host/preview-mail-host';
import { paneApi } from '../app/test-fixtures';
import { interaction } from '@crm/common/web/testing';
import type { PreviewItem } from './preview-items';
import { PreviewSend } from './PreviewSend';

afterEach(cleanup);

const recipients = [{ email: 'tom@kunde.de', name: 'Tom Berger' }];
const draft: PreviewItem = {
  mode: 'compose',
  key: 'd',
  subject: 'Newsletter',
  from: null,
  recipients,
  internetMessageId: null,
  conversationId: null,
  when: new Date(),
  body: '',
  hint: { en: '', de: '' },
};

function show(api: ReturnType<typeof paneApi>, language = 'en-US') {
  const host = previewMailHost({ items: [draft], userEmail: 'anna@seller.example', language });
  host.select('d');
  render(
    <FluentProvider theme={webLightTheme}>
      <PreviewSend host={host} api={api.client} recipients={recipients} german={language.startsWith('de')} />
    </FluentProvider>,
  );
  return host;
}

it('blocks with the recipients and reasons, for the purpose saved on the draft, offering no way past it', async () => {
  const asked: unknown[] = [];
  const api = paneApi({
    more: {
      composeCheck: (args) => {
        asked.push(args.body);
        return {
          purpose: 'newsletter',
          blocked: true,
          version: 'v1',
          unchanged: false,
          recipients: [{ email: 'tom@kunde.de', verdict: 'block', reason: 'no_consent', known: true, consentPurpose: null, since: null, source: null }],
        };
      },
    },
  });
  const host = show(api);
  await host.setComposePurpose('newsletter');
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() =>
    expect(screen.getByTestId('send-alert').textContent).toMatch(/^Not sent: consent check for newsletter\. Tom Berger <tom@kunde\.de>: no consent\./),
  );
  expect(asked).toEqual([{ purpose: 'newsletter', recipients: ['tom@kunde.de'] }]);
  expect(screen.queryByRole('button', { name: 'Send anyway' })).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: "Don't send" }));
  expect(screen.getByRole('status').textContent).toBe('Not sent.');
});

it('sends at once when nobody is blocked, and offers Send anyway when the API is down', async () => {
  show(paneApi({ more: { composeCheck: () => ({ purpose: 'correspondence', blocked: false, version: 'v1', unchanged: false, recipients: [] }) } }));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sent.'));
  cleanup();

  show(paneApi({ more: { composeCheck: () => new ApiError('offline', 0, null) } }), 'de-DE');
  fireEvent.click(screen.getByRole('button', { name: 'Senden' }));
  await waitFor(() => expect(screen.getByTestId('send-alert').textContent).toMatch(/^Die Einwilligungsprüfung des CRM konnte nicht laufen/));
  fireEvent.click(screen.getByRole('button', { name: 'Trotzdem senden' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Gesendet.'));
});

it('logs an email switched to "Log when sent" only when it goes, and delivers the copy with the log key', async () => {
  const logged: unknown[] = [];
  const copies: PreviewItem[] = [];
  const choice = { key: '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c', accountId: '11111111-1111-4111-8111-111111111111', opportunityId: null, contacts: {} };
  const answers = (check: () => unknown) =>
    paneApi({ onLog: (body) => (logged.push(body), interaction({ subject: 'Einladung', type: 'email' })), more: { composeCheck: check as never } });
  const open = async (api: ReturnType<typeof paneApi>) => {
    const host = previewMailHost({ items: [draft], userEmail: 'anna@seller.example', language: 'en-US' });
    host.select('d');
    await host.setLogWhenSent(choice);
    render(
      <FluentProvider theme={webLightTheme}>
        <PreviewSend host={host} api={api.client} recipients={recipients} german={false} onSent={(copy) => copies.push(copy)} />
      </FluentProvider>,
    );
  };

  await open(answers(() => ({ purpose: 'correspondence', blocked: false, version: 'v1', unchanged: false, recipients: [] })));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Sent.'));
  expect(logged).toEqual([expect.objectContaining({ type: 'email', direction: 'outbound', logKey: choice.key, accountIds: [choice.accountId] })]);
  expect(copies).toEqual([expect.objectContaining({ mode: 'read', logKey: choice.key, from: { email: 'anna@seller.example', name: 'anna@seller.example' } })]);
  cleanup();

  await open(answers(() => new ApiError('offline', 0, null)));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  fireEvent.click(await screen.findByRole('button', { name: "Don't send" }));
  expect(copies).toHaveLength(1);
  cleanup();

  await open(answers(() => new ApiError('offline', 0, null)));
  fireEvent.click(screen.getByRole('button', { name: 'Send' }));
  fireEvent.click(await screen.findByRole('button', { name: 'Send anyway' }));
  await waitFor(() => expect(copies).toHaveLength(2));
  expect(copies[1]!.logKey).toBe(choice.key);
  expect(logged).toHaveLength(1);
});
