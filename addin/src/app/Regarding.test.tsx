// Logging regarding any record (found by type-ahead over the whole CRM), an unknown sender at a known company logged to
// it without a contact first, and choosing which of the people on the email are linked.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Interaction, InteractionCreate, Person, RegardingRecord } from '@crm/common';
import { stamp } from '@crm/common/web/testing';
import { accountContext, interaction, knownPerson, paneApi, testUuid } from './test-fixtures';
import { julia, ME, message, ready, renderPane } from './pane-test-kit';

const HOFFMANN = testUuid('a1');
const WESER = testUuid('a2');
const DEAL = testUuid('o1');
const COMPLAINT = testUuid('c1');
const ben = { email: 'ben.roth@seller.example', name: 'Ben Roth' };
const karl = { email: 'karl@kunde.de', name: 'Karl Kunde' };

const found: RegardingRecord[] = [
  { kind: 'account', id: WESER, name: 'Weserwerk Pumpen GmbH', accountId: WESER, accountName: 'Weserwerk Pumpen GmbH', occurredAt: null },
  { kind: 'opportunity', id: DEAL, name: 'Rahmenvertrag 2027', accountId: WESER, accountName: 'Weserwerk Pumpen GmbH', occurredAt: null },
  { kind: 'complaint', id: COMPLAINT, name: 'Pumpe undicht', accountId: WESER, accountName: 'Weserwerk Pumpen GmbH', occurredAt: '2026-11-18T09:00:00.000Z' },
];

const logged = (body: unknown): Interaction => {
  const b = body as InteractionCreate;
  return interaction({ id: b.id!, type: b.type, subject: b.subject, source: 'addin', accountIds: b.accountIds, contactIds: b.contactIds });
};

/** Julia and Karl, both customers of Hoffmann, and the colleague Ben on one email. */
const juliaKnown = knownPerson(julia.email, julia.name, HOFFMANN, 'Hoffmann GmbH');
function twoCustomers() {
  return paneApi({
    context: () => ({
      people: [
        juliaKnown,
        knownPerson(karl.email, karl.name, HOFFMANN, 'Hoffmann GmbH'),
        { email: ben.email, status: 'unknown', suggestedAccount: null, internal: true },
      ],
      accounts: [
        accountContext(HOFFMANN, 'Hoffmann GmbH', {
          openOpportunities: [
            {
              id: testUuid('o9'),
              ...stamp,
              accountId: HOFFMANN,
              accountName: 'Hoffmann GmbH',
              name: 'Wartung 2027',
              stage: 'proposal',
              amount: 1000,
              currency: 'EUR',
              probability: 50,
              weightedAmount: 500,
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
      ],
    }),
    onLog: logged,
    more: { searchRegarding: ({ query }) => ({ items: String(query?.q).toLowerCase().startsWith('weser') ? found : [] }) },
  });
}

const recipients = [
  { email: ME, name: 'Anna' },
  { email: karl.email, name: karl.name },
  { email: ben.email, name: ben.name },
];

const logBody = (api: ReturnType<typeof paneApi>) => api.calls.find((c) => c.name === 'logInteraction')?.args.body as InteractionCreate | undefined;
const search = () => screen.getByRole('combobox', { name: /Find another account|Andere Firma/ });
/** The form's chunk loads on first use. */
const formOpen = () => screen.findByRole('combobox', { name: /Find another account|Andere Firma/ });
const chosen = () => screen.getByTestId('regarding-chosen').textContent;

afterEach(cleanup);

describe('logging regarding any record', () => {
  it('offers the records on the item, finds others in the whole CRM, and picks with the keyboard alone', async () => {
    const api = twoCustomers();
    renderPane([message('m1', julia, { recipients })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await formOpen();
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(chosen()).toBe('Regarding: Account: Hoffmann GmbH');
    const offered = within(screen.getByRole('listbox', { name: 'On this item' }));
    expect(offered.getAllByRole('option').map((o) => o.textContent)).toEqual(['Account: Hoffmann GmbH', 'Opportunity: Wartung 2027 · Hoffmann GmbH']);

    fireEvent.change(search(), { target: { value: 'w' } });
    expect(screen.getByText('Type at least two letters to search the whole CRM.')).toBeTruthy();
    fireEvent.change(search(), { target: { value: 'weser' } });
    const results = await screen.findByRole('listbox', { name: 'Matching records' });
    await waitFor(() => expect(within(results).getAllByRole('option')).toHaveLength(3));
    expect(api.calls.find((c) => c.name === 'searchRegarding')?.args.query).toEqual({ q: 'weser' });
    const active = () => document.getElementById(search().getAttribute('aria-activedescendant') ?? '')?.textContent;
    fireEvent.keyDown(search(), { key: 'ArrowDown' });
    expect(active()).toBe('Account: Weserwerk Pumpen GmbH');
    fireEvent.keyDown(search(), { key: 'End' });
    expect(active()).toBe('Complaint: Pumpe undicht · Weserwerk Pumpen GmbH');
    fireEvent.keyDown(search(), { key: 'ArrowUp' });
    expect(active()).toBe('Opportunity: Rahmenvertrag 2027 · Weserwerk Pumpen GmbH');
    fireEvent.keyDown(search(), { key: 'Enter' });
    expect(chosen()).toBe('Regarding: Opportunity: Rahmenvertrag 2027 · Weserwerk Pumpen GmbH');
    // Enter picked and did not submit; the search is cleared and the item's records are offered again.
    expect(logBody(api)).toBeUndefined();
    expect((search() as HTMLInputElement).value).toBe('');

    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    expect(logBody(api)).toMatchObject({ accountIds: [WESER], opportunityIds: [DEAL], type: 'email' });
    expect(logBody(api)).not.toHaveProperty('complaintId');
  });

  it('logs regarding an open complaint found by search, and says when nothing matches, in German', async () => {
    const api = twoCustomers();
    renderPane([message('m1', julia, { recipients })], api.client, 'de-DE');
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'E-Mail protokollieren' }));
    fireEvent.change(await formOpen(), { target: { value: 'zz' } });
    await screen.findByText('Nichts passt zu „zz“.');
    fireEvent.change(search(), { target: { value: 'weser' } });
    fireEvent.click(await screen.findByRole('option', { name: 'Reklamation: Pumpe undicht · Weserwerk Pumpen GmbH' }));
    expect(chosen()).toBe('Bezug: Reklamation: Pumpe undicht · Weserwerk Pumpen GmbH');
    fireEvent.click(screen.getByRole('button', { name: 'Protokollieren' }));
    await screen.findByText('Protokolliert.');
    expect(logBody(api)).toMatchObject({ accountIds: [WESER], opportunityIds: [], complaintId: COMPLAINT });
  });

  it('links only the customers left ticked, never a colleague', async () => {
    const api = twoCustomers();
    renderPane([message('m1', julia, { recipients })], api.client);
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
    const group = within(await screen.findByRole('group', { name: 'Link to' }));
    expect(group.getAllByRole('checkbox').map((c) => [c.closest('[data-link]')?.getAttribute('data-link'), (c as HTMLInputElement).checked])).toEqual([
      [julia.email, true],
      [karl.email, true],
    ]);
    fireEvent.click(group.getByRole('checkbox', { name: 'Karl Kunde' }));
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    expect(logBody(api)?.contactIds).toEqual([juliaKnown.status === 'known' ? juliaKnown.contact.id : 'none']);
    expect(logBody(api)?.pendingEmails).toEqual([]);
  });
});

describe('an unknown sender at a company known by its domain', () => {
  const lena = { email: 'lena@hoffmann.de', name: 'Lena Vogt' };
  const unknownAtHoffmann = () =>
    paneApi({
      context: () => ({
        people: [
          { email: lena.email, status: 'unknown', suggestedAccount: { id: HOFFMANN, name: 'Hoffmann GmbH' } },
          { email: 'info@elsewhere.example', status: 'unknown', suggestedAccount: null },
        ],
        accounts: [],
      }),
      onLog: logged,
    });

  it('is logged to the suggested account without a contact, the address kept to link them once added', async () => {
    const api = unknownAtHoffmann();
    renderPane(
      [
        message('m1', lena, {
          recipients: [
            { email: ME, name: 'Anna' },
            { email: 'info@elsewhere.example', name: 'Info' },
          ],
        }),
      ],
      api.client,
    );
    await ready('m1');
    expect(screen.getByText(/search for what it is regarding when you log it/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
    await screen.findByRole('group', { name: 'Link to' });
    expect(chosen()).toBe('Regarding: Account: Hoffmann GmbH');
    const lenaBox = screen.getByRole('checkbox', { name: 'Lena Vogt: not in the CRM yet, linked once added as a contact' }) as HTMLInputElement;
    const infoBox = screen.getByRole('checkbox', { name: 'Info: not in the CRM yet, linked once added as a contact' }) as HTMLInputElement;
    expect([lenaBox.checked, infoBox.checked]).toEqual([true, false]);
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    expect(logBody(api)).toMatchObject({ accountIds: [HOFFMANN], contactIds: [], pendingEmails: [lena.email] });
  });

  it('asks what it is regarding when the CRM knows no company of anyone on it, before sending anything', async () => {
    const api = paneApi({
      context: () => ({ people: [{ email: 'x@unbekannt.example', status: 'unknown', suggestedAccount: null }], accounts: [] }),
      onLog: logged,
    });
    renderPane([message('m1', { email: 'x@unbekannt.example', name: 'X' })], api.client, 'de-DE');
    await ready('m1');
    fireEvent.click(screen.getByRole('button', { name: 'E-Mail protokollieren' }));
    await formOpen();
    await waitFor(() => expect(document.activeElement).toBe(search()));
    expect(chosen()).toBe('Bezug: noch nichts gewählt');
    fireEvent.click(screen.getByRole('button', { name: 'Protokollieren' }));
    expect(await screen.findByText('Wählen Sie den Bezug: Suchen Sie eine Firma, Verkaufschance oder Reklamation.')).toBeTruthy();
    expect(document.activeElement).toBe(search());
    expect(logBody(api)).toBeUndefined();
  });

  it('marks a restricted person for the privacy roles and never links them to what it logs', async () => {
    // CRM.Privacy and CRM.Admin get a restricted person's data, flagged (GDPR Art. 18): shown, not processed further.
    const karlKnown = knownPerson(karl.email, karl.name, HOFFMANN, 'Hoffmann GmbH');
    const rita: Person = karlKnown.status === 'known' ? { ...karlKnown, restricted: true } : karlKnown;
    const api = paneApi({
      context: () => ({ people: [juliaKnown, rita], accounts: [accountContext(HOFFMANN, 'Hoffmann GmbH')] }),
      onLog: logged,
    });
    renderPane([message('m1', julia, { recipients })], api.client);
    await ready('m1');
    const card = document.querySelector(`[data-person="${karl.email}"]`) as HTMLElement;
    expect(card.getAttribute('data-restricted')).toBe('true');
    expect(card.textContent).toBe(
      'Karl KundeDecision makerProcessing restricted (GDPR Art. 18)Not linked when you log this itemEinkaufsleiterin at Hoffmann GmbHNo email consent recorded',
    );
    expect(document.querySelector(`[data-person="${julia.email}"]`)?.hasAttribute('data-restricted')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Log email' }));
    const group = within(await screen.findByRole('group', { name: 'Link to' }));
    expect(group.getAllByRole('checkbox').map((c) => c.closest('[data-link]')?.getAttribute('data-link'))).toEqual([julia.email]);
    fireEvent.click(screen.getByRole('button', { name: 'Log' }));
    await screen.findByText('Logged.');
    expect(logBody(api)?.contactIds).toEqual([juliaKnown.status === 'known' ? juliaKnown.contact.id : 'none']);
  });
});
