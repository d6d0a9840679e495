// "Add contact properly" (#12): phone, job title, buying-center role, and a consent the person gave in this email,
// recorded with the email as its source, then a confirmation saying what was recorded; in English and German.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { ConsentEntryCreate, ContactCreate } from '@crm/common';
import { accountContext, consentEntry, knownPerson, paneApi, testUuid } from './test-fixtures';
import { message, ready, renderPane } from './pane-test-kit';

const VOGT = testUuid('a9');
afterEach(cleanup);

function setup() {
  const created: ContactCreate[] = [];
  const consents: ConsentEntryCreate[] = [];
  const api = paneApi({
    context: () => ({
      people: [{ email: 'lena.vogt@vogt-technik.de', status: 'unknown', suggestedAccount: { id: VOGT, name: 'Vogt Technik' } }],
      accounts: [accountContext(VOGT, 'Vogt Technik')],
    }),
    more: {
      listContacts: () => ({ items: [], nextCursor: null }),
      createContact: ({ body }) => {
        created.push(body as ContactCreate);
        const person = knownPerson('lena.vogt@vogt-technik.de', 'Lena Vogt', VOGT, 'Vogt Technik');
        if (person.status !== 'known') throw new Error('knownPerson builds a known person');
        return { ...person.contact, id: (body as ContactCreate).id! };
      },
      recordConsent: ({ body }) => {
        const entry = body as ConsentEntryCreate;
        consents.push(entry);
        return { ...consentEntry('granted', entry.purpose, '2026-12-02T10:00:00.000Z', entry.source), contactId: entry.contactId };
      },
    },
  });
  const item = message('m1', { email: 'lena.vogt@vogt-technik.de', name: 'Lena Vogt' }, { subject: 'Newsletter bitte' });
  return { api, item, created, consents };
}

it('records phone, job title, role and the consent given in this email, naming the email as its source, and confirms both', async () => {
  const { api, item, created, consents } = setup();
  renderPane([item], api.client);
  await ready('m1');
  fireEvent.click(screen.getByRole('button', { name: 'Add as contact' }));
  fireEvent.change(await screen.findByLabelText('Phone'), { target: { value: '+49 421 123456' } });
  fireEvent.change(screen.getByLabelText('Job title'), { target: { value: 'Einkauf' } });
  fireEvent.change(screen.getByLabelText('Role in the buying center'), { target: { value: 'decision_maker' } });
  expect(screen.getByRole('option', { name: 'Decision maker' })).toBeTruthy();
  fireEvent.change(screen.getByLabelText(/Consent given in this email/), { target: { value: 'newsletter' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  expect(await screen.findByText('Lena Vogt added, with their consent to newsletter by email from this email.')).toBeTruthy();
  expect(created).toEqual([
    expect.objectContaining({
      firstName: 'Lena',
      lastName: 'Vogt',
      emails: ['lena.vogt@vogt-technik.de'],
      phones: [{ type: 'work', number: '+49 421 123456' }],
      jobTitle: 'Einkauf',
      buyingRole: 'decision_maker',
      accountId: VOGT,
    }),
  ]);
  expect(consents).toEqual([
    expect.objectContaining({
      contactId: created[0]!.id,
      channel: 'email',
      purpose: 'newsletter',
      legalBasis: 'consent',
      action: 'granted',
      source: 'Said so in this email: Newsletter bitte',
    }),
  ]);
});

it('records no consent unless one is chosen, and says so in German', async () => {
  const { api, item, created, consents } = setup();
  renderPane([item], api.client, 'de-DE');
  await ready('m1');
  fireEvent.click(screen.getByRole('button', { name: 'Als Kontakt anlegen' }));
  fireEvent.change(await screen.findByLabelText('Rolle im Buying Center'), { target: { value: 'influencer' } });
  expect(screen.getByRole('option', { name: 'Beeinflusser' })).toBeTruthy();
  expect((screen.getByLabelText(/Einwilligung in dieser E-Mail/) as HTMLSelectElement).value).toBe('');
  fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
  expect(await screen.findByText('Lena Vogt angelegt.')).toBeTruthy();
  await waitFor(() => expect(created).toEqual([expect.objectContaining({ buyingRole: 'influencer', phones: [], jobTitle: null })]));
  expect(consents).toEqual([]);
});

it('records the consent in German with a German source', async () => {
  const { api, item, consents } = setup();
  renderPane([item], api.client, 'de-DE');
  await ready('m1');
  fireEvent.click(screen.getByRole('button', { name: 'Als Kontakt anlegen' }));
  fireEvent.change(await screen.findByLabelText(/Einwilligung in dieser E-Mail/), { target: { value: 'events' } });
  fireEvent.click(screen.getByRole('button', { name: 'Speichern' }));
  expect(await screen.findByText('Lena Vogt angelegt, mit Einwilligung in Veranstaltungen per E-Mail aus dieser E-Mail.')).toBeTruthy();
  expect(consents).toEqual([expect.objectContaining({ purpose: 'events', source: 'In dieser E-Mail erklärt: Newsletter bitte' })]);
});
