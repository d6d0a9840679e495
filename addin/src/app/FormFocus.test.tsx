// The pane's forms: the focus goes into a form when it opens, back to its button on cancel, onto the notice after saving;
// a follow-up keeps the email it came from.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { accountContext, createdTask, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');

afterEach(cleanup);

describe('pane form focus', () => {
  it('moves the focus into a form, back to its button on cancel, and onto the notice after saving, never to the body', async () => {
    const api = paneApi({
      context: () => ({ people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] }),
      more: {
        createTask: ({ body }) => createdTask(body),
      },
    });
    renderPane([message('m1', julia)], api.client);
    await ready('m1');
    const opener = screen.getByRole('button', { name: 'Follow-up' });
    fireEvent.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Title/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(opener);

    fireEvent.click(screen.getByRole('button', { name: 'Opportunity' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Name/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Opportunity' }));

    fireEvent.click(opener);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('textbox', { name: /Title/ })));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('done-notice')));
    expect(document.activeElement?.textContent).toMatch(/Follow-up created/);
  });

  it('keeps the email a follow-up is created from, even when its sender is not in the CRM (#12 defect 15)', async () => {
    const lena = { email: 'lena.vogt@hoffmann-antriebstechnik.de', name: 'Lena Vogt' };
    const api = paneApi({
      context: () => ({ people: [{ email: lena.email, status: 'unknown', suggestedAccount: null }], accounts: [] }),
      more: {
        createTask: ({ body }) => createdTask(body),
      },
    });
    renderPane([message('m1', lena, { subject: 'Anfrage Ersatzteile', internetMessageId: '<a1@hoffmann-antriebstechnik.de>' })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await screen.findByTestId('done-notice');
    expect(api.calls.find((c) => c.name === 'createTask')?.args.body).toMatchObject({
      accountId: null,
      contactId: null,
      origin: { internetMessageId: '<a1@hoffmann-antriebstechnik.de>', subject: 'Anfrage Ersatzteile', from: lena.email },
    });
  });
});
