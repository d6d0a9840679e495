// Switching items and writing from the pane: the pane shows only the selected item's context, fresh after every write.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, type ApiClient } from '@crm/common/web';
import type { PreviewItem } from '../preview/preview-items';
import type { AccountContext, Interaction } from '@crm/common';
import { accountContext, createdTask, interaction, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, ME, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');

afterEach(cleanup);

const stamp = { etag: '"1"', createdAt: '2026-11-20T10:00:00.000Z', updatedAt: '2026-11-20T10:00:00.000Z' };
const juliaAt = (account: Partial<AccountContext> = {}) => ({
  people: [knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH')],
  accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH', account)],
});
const loggedByAnna = (body: unknown): Interaction => {
  const b = body as { id: string; type: Interaction['type']; subject: string; summary: string | null; internetMessageId?: string; iCalUId?: string };
  return interaction({
    id: b.id,
    type: b.type,
    subject: b.subject,
    summary: b.summary,
    source: 'addin',
    internetMessageId: b.internetMessageId ?? null,
    iCalUId: b.iCalUId ?? null,
    loggedBy: [{ userId: testUuid('u9'), displayName: 'Anna Becker', loggedAt: '2026-11-20T10:05:00.000Z' }],
  });
};
const meeting = (key: string, iCalUId: string): PreviewItem => ({
  ...message(key, julia),
  mode: 'appointment-attendee',
  internetMessageId: null,
  conversationId: null,
  iCalUId,
});

describe('task pane across items and writes', () => {
  it("never shows the previous email's customer under another item when the API is down", async () => {
    let down = false;
    const api = paneApi({
      context: (emails) =>
        down
          ? new ApiError('offline', 0, null)
          : { people: emails.map((e) => knownPerson(e, julia.name, HOFFMANN, 'Hoffmann GmbH')), accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] },
    });
    const host = renderPane(
      [message('m1', julia), message('m2', { email: 'tom@other.example', name: 'Tom' }, { internetMessageId: '<m2@other.example>' })],
      api.client,
    );
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
    // Cleared and marked busy at once; the spinner follows only once the wait is noticeable (PendingSpinner).
    expect(screen.queryByText('Julia Hoffmann')).toBeNull();
    expect(document.querySelector('main')?.getAttribute('aria-busy')).toBe('true');
    expect(screen.queryByRole('progressbar')).toBeNull();
    await waitFor(() => expect(screen.getByRole('progressbar', { name: 'Kundenkontext wird geladen…' })).toBeTruthy());
    expect(screen.queryByText('Julia Hoffmann')).toBeNull();
    expect(screen.queryByRole('button', { name: 'E-Mail protokollieren' })).toBeNull();
    await waitFor(() => expect(screen.getByTestId('item-subject').textContent).toBe('Subject m2'));
    act(() => release());
    await ready('m2');
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('does not carry a success notice over to the next item', async () => {
    const api = paneApi({ context: () => juliaAt(), onLog: loggedByAnna });
    const host = renderPane([message('m1', julia), message('m2', julia, { internetMessageId: '<m2@kunde.de>' })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    act(() => host.select('m2'));
    await ready('m2');
    expect(screen.queryByText('Logged.')).toBeNull();
  });

  it('shows the new opportunity and the new follow-up on the account card right after creating them', async () => {
    const opportunities: AccountContext['openOpportunities'] = [];
    const tasks: AccountContext['openTasks'] = [];
    const api = paneApi({
      context: () => juliaAt({ openOpportunities: [...opportunities], openTasks: [...tasks] }),
      more: {
        createOpportunity: ({ body }) => {
          const created = {
            id: body.id ?? testUuid('o1'),
            ...stamp,
            accountId: body.accountId,
            accountName: 'Hoffmann GmbH',
            name: body.name,
            stage: 'proposal',
            amount: body.amount ?? 0,
            currency: 'EUR',
            probability: 50,
            weightedAmount: (body.amount ?? 0) / 2,
            expectedCloseDate: body.expectedCloseDate ?? null,
            ownerId: null,
            status: 'open' as const,
            productLine: body.productLine ?? null,
            externalId: null,
            closeReason: null,
            closedAt: null,
          };
          opportunities.push(created);
          return created;
        },
        createTask: ({ body }) => {
          const created = createdTask(body);
          tasks.push(created);
          return created;
        },
      },
    });
    renderPane([message('m1', julia, { subject: 'Wartung 2027' })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Opportunity' }));
    fireEvent.change(await screen.findByRole('spinbutton', { name: 'Amount (EUR)' }), { target: { value: '1200' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Product line' }), { target: { value: 'Service' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText('Opportunity "Wartung 2027" created.');
    expect(opportunities.map((o) => o.productLine)).toEqual(['Service']);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Open opportunities' }).textContent).toMatch(/Wartung 2027/));
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));
    await screen.findByText(/Follow-up created/);
    await waitFor(() => expect(screen.getByRole('list', { name: 'Open follow-ups' }).textContent).toMatch(/Reply to: Wartung 2027/));
  });

  it('asks before creating a follow-up due in the past, in English and German', async () => {
    const api = paneApi({
      context: () => juliaAt(),
      more: {
        createTask: ({ body }) => createdTask(body),
      },
    });
    renderPane([message('m1', julia)], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Follow-up' }));
    const due = await screen.findByLabelText(/Due date/);
    fireEvent.change(due, { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toContain('The due date 1 Jan 2020 is in the past.');
    expect(api.calls.some((c) => c.name === 'createTask')).toBe(false);
    // The question takes the focus (#12 defect 16), on its harmless answer; Escape answers it too.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change date' })));
    fireEvent.click(screen.getByRole('button', { name: 'Change date' }));
    expect(document.activeElement).toBe(due);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Change date' })));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.activeElement).toBe(due);
    expect(screen.getByRole('form', { name: 'Follow-up' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Create anyway' }));
    await screen.findByText(/Follow-up created/);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('done-notice')));
    expect(api.calls.find((c) => c.name === 'createTask')?.args.body).toMatchObject({ dueDate: '2020-01-01' });
    cleanup();
    renderPane([message('m1', julia)], paneApi({ context: () => juliaAt() }).client, 'de-DE');
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Wiedervorlage' }));
    fireEvent.change(await screen.findByLabelText(/Fällig am/), { target: { value: '2020-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/liegt in der Vergangenheit/);
    expect(screen.getByRole('button', { name: 'Trotzdem anlegen' })).toBeTruthy();
  });

  it('accepts an amount with cents, such as 1250.50', async () => {
    const api = paneApi({ context: () => juliaAt() });
    renderPane([message('m1', julia)], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Opportunity' }));
    const amount = (await screen.findByRole('spinbutton', { name: 'Amount (EUR)' })) as HTMLInputElement;
    for (const value of ['1250', '1250.5', '0.01']) {
      fireEvent.change(amount, { target: { value } });
      expect(amount.validity.stepMismatch).toBe(false);
    }
  });

  it('remembers a meeting once logged: who logged it, and no "Log meeting" any more', async () => {
    const api = paneApi({ context: () => juliaAt(), onLog: loggedByAnna });
    renderPane([meeting('mt1', 'UID-MT1')], api.client);
    await ready('mt1');
    fireEvent.click(screen.getByRole('button', { name: 'Log meeting' }));
    fireEvent.change(await screen.findByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Termin vor Ort' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await waitFor(() => expect(screen.getByTestId('logged-status').textContent).toMatch(/^Logged by Anna Becker, /));
    expect(screen.queryByRole('button', { name: 'Log meeting' })).toBeNull();
    const logged = api.calls.find((c) => c.name === 'logInteraction')?.args.body;
    expect(logged).toMatchObject({ type: 'meeting', iCalUId: 'UID-MT1' });
  });

  it('says who logged a meeting when it is opened again, and offers only "Log for me too"', async () => {
    const earlier = interaction({
      subject: 'Subject mt1',
      type: 'meeting',
      source: 'addin',
      iCalUId: 'UID-MT1',
      summary: 'Termin vor Ort\n\nBen Wolf: Rabatt zugesagt',
      loggedBy: [{ userId: testUuid('u1'), displayName: 'Markus Wolf', loggedAt: '2026-11-20T10:05:00.000Z' }],
    });
    const me = { id: testUuid('u9'), tenantId: testUuid('e1'), displayName: 'Anna Becker', email: ME, roles: ['CRM.User' as const] };
    const api = paneApi({
      context: () => juliaAt(),
      more: { me: () => me, findInteractions: ({ query }) => ({ items: query?.iCalUId === 'UID-MT1' ? [earlier] : [], nextCursor: null }) },
    });
    renderPane([meeting('mt1', 'UID-MT1')], api.client);
    await ready('mt1');
    expect(screen.getByTestId('logged-status').textContent).toMatch(/^Logged by Markus Wolf, /);
    expect(screen.getByTestId('logged-note').textContent).toBe('Termin vor Ort\n\nBen Wolf: Rabatt zugesagt');
    expect(screen.queryByRole('button', { name: 'Log meeting' })).toBeNull();
    expect(await screen.findByRole('button', { name: 'Log for me too' })).toBeTruthy();
  });

  it('"Log for me too" sends the note with the opportunity and shows the note the API kept', async () => {
    const opportunity = { id: testUuid('o2'), ...stamp, accountId: HOFFMANN, accountName: 'Hoffmann GmbH', name: 'Wartung 2027', stage: 'proposal' };
    const earlier = interaction({
      subject: 'Subject m1',
      type: 'email',
      source: 'addin',
      internetMessageId: '<m1@kunde.de>',
      summary: 'Will ein Angebot.',
      loggedBy: [{ userId: testUuid('u1'), displayName: 'Markus Wolf', loggedAt: '2026-11-20T10:05:00.000Z' }],
    });
    const me = { id: testUuid('u9'), tenantId: testUuid('e1'), displayName: 'Anna Becker', email: ME, roles: ['CRM.User' as const] };
    const api = paneApi({
      context: () =>
        juliaAt({
          openOpportunities: [
            {
              ...opportunity,
              amount: 1250.5,
              currency: 'EUR',
              probability: 50,
              weightedAmount: 625.25,
              expectedCloseDate: null,
              ownerId: null,
              status: 'open',
              productLine: null,
              externalId: null,
              closeReason: null,
              closedAt: null,
            },
          ],
        }),
      logged: [earlier],
      onLog: (body) => {
        const b = body as { summary: string; opportunityIds: string[] };
        return {
          ...earlier,
          summary: `${earlier.summary}\n\nAnna Becker: ${b.summary}`,
          opportunityIds: b.opportunityIds,
          loggedBy: [...earlier.loggedBy, { userId: me.id, displayName: 'Anna Becker', loggedAt: '2026-11-20T11:00:00.000Z' }],
        };
      },
      more: { me: () => me },
    });
    renderPane([message('m1', julia)], api.client);
    await ready('m1');
    fireEvent.click(await screen.findByRole('button', { name: 'Log for me too' }));
    fireEvent.click(await screen.findByRole('option', { name: 'Opportunity: Wartung 2027 · Hoffmann GmbH' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Note (optional)' }), { target: { value: 'Rabatt 5 % zugesagt.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    expect(api.calls.find((c) => c.name === 'logInteraction')?.args.body).toMatchObject({ summary: 'Rabatt 5 % zugesagt.', opportunityIds: [opportunity.id] });
    expect(screen.getByTestId('logged-status').textContent).toMatch(/^Logged by Markus Wolf, Anna Becker, /);
    expect(screen.getByTestId('logged-note').textContent).toBe('Will ein Angebot.\n\nAnna Becker: Rabatt 5 % zugesagt.');
  });
});
