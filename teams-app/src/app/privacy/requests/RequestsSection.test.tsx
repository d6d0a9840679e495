// The privacy tab's request screens: register a request for a contact or a bare address, open it, extend it once with a
// reason, record actions and the answer, close it; each change sent with If-Match, a colleague's change named; in
// English and German, by keyboard.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry, Contact, PrivacyRequest } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { stamp } from '@crm/common/web/testing';
import { TabShell } from '../../TabShell';
import { fakeApi, fakeHost, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { PrivacyTab } from '../PrivacyTab';

const JULIA = testUuid('c1');
const REQUEST = testUuid('r1');

const julia: Contact = {
  id: JULIA,
  ...stamp,
  firstName: 'Julia',
  lastName: 'Hoffmann',
  displayName: 'Julia Hoffmann',
  emails: ['julia.hoffmann@hoffmann-antriebstechnik.de'],
  phones: [],
  jobTitle: null,
  buyingRole: null,
  accountId: null,
  accountName: null,
  ownerId: null,
  communicationPreferences: {},
  customFields: {},
};

const received: PrivacyRequest = {
  id: REQUEST,
  ...stamp,
  type: 'access',
  contactId: JULIA,
  email: null,
  receivedOn: '2026-11-30',
  dueOn: '2026-12-30',
  originalDueOn: '2026-12-30',
  extension: null,
  status: 'received',
  answer: null,
  overdue: false,
  dueThisWeek: false,
  createdBy: USER_ID,
  actions: [{ at: '2026-11-30T09:00:00.000Z', actorId: USER_ID, actorName: 'Anna Becker', kind: 'registered', detail: 'Brief vom 28.11.' }],
  changes: [],
};

/** The contact's changes as the audit search answers them, newest first: an edit already linked, a new one, the creation. */
const AUDITED: AuditEntry[] = [
  { kind: 'change', id: 12, at: '2026-12-01T15:00:00.000Z', actorId: USER_ID, actorName: 'Anna Becker', action: 'update', entity: 'contact', entityId: JULIA, address: null, changedFields: ['emails'] },
  { kind: 'change', id: 11, at: '2026-12-01T14:00:00.000Z', actorId: USER_ID, actorName: 'Anna Becker', action: 'update', entity: 'contact', entityId: JULIA, address: null, changedFields: ['jobTitle', 'phones'] },
  { kind: 'change', id: 10, at: '2026-11-01T09:00:00.000Z', actorId: null, actorName: null, action: 'create', entity: 'contact', entityId: JULIA, address: null, changedFields: [] },
];

/** The register as the API keeps it: one request whose version goes up with every change, actions appended. */
function registerApi(start: PrivacyRequest | null, extra: FakeAnswers = {}) {
  let stored = start;
  let version = 1;
  const add = (kind: PrivacyRequest['actions'][number]['kind'], detail: string) =>
    stored!.actions.push({ at: '2026-12-02T10:00:00.000Z', actorId: USER_ID, actorName: 'Anna Becker', kind, detail });
  const answers: FakeAnswers = {
    listPrivacyRequests: () => ({ items: stored ? [stored] : [], nextCursor: null }),
    listContacts: () => ({ items: [julia], nextCursor: null }),
    getPrivacyRequest: () => structuredClone(stored!),
    createPrivacyRequest: (args) => {
      const body = args.body;
      stored = {
        ...received,
        id: body.id!,
        type: body.type,
        contactId: body.contactId ?? null,
        email: body.email ?? null,
        receivedOn: body.receivedOn,
        actions: [],
      };
      add('registered', body.note ?? '');
      return structuredClone(stored);
    },
    updatePrivacyRequest: (args) => {
      if (args.ifMatch !== stored!.etag) return new ApiError('changed', 412, { type: 'about:blank', title: 'Precondition Failed', status: 412 });
      const patch = args.body;
      if (patch.extension) {
        stored = { ...stored!, dueOn: '2027-02-28', extension: { dueOn: '2027-02-28', reason: patch.extension.reason, extendedBy: USER_ID, extendedAt: '2026-12-02T10:00:00.000Z' } };
        add('extended', '2027-02-28');
      }
      if (patch.action) add('note', patch.action);
      if (patch.answer) {
        stored = { ...stored!, answer: patch.answer };
        add('answered', patch.answer.sentOn);
      }
      if (patch.status) {
        stored = { ...stored!, status: patch.status };
        add('status', patch.status);
      }
      if (patch.contactId) {
        stored = { ...stored!, contactId: patch.contactId, email: null };
        add('contact_linked', patch.contactId);
      }
      if (patch.linkChanges) {
        const linked = patch.linkChanges.map(Number).map((id) => {
          const { kind: _kind, id: _id, address: _address, ...change } = AUDITED.find((e) => e.id === id)!;
          return { ...change, auditId: id };
        });
        stored = { ...stored!, changes: [...stored!.changes, ...linked] };
        add('changes_linked', patch.linkChanges.join(', '));
      }
      version += 1;
      stored = { ...stored!, etag: `"${version}"` };
      return structuredClone(stored);
    },
    ...extra,
  };
  return answers;
}

function renderTab(answers: FakeAnswers, locale = 'en-US') {
  const api = fakeApi(answers);
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <PrivacyTab />
    </TabShell>,
  );
  return api;
}

const listReady = () => waitFor(() => expect(document.querySelector('[data-ready-key="privacy"]')).not.toBeNull());
const detailReady = (etag: string) =>
  waitFor(() => expect(document.querySelector(`[data-ready-key^='request:'][data-ready-key$=':${etag}']`)).not.toBeNull());
const detail = () => screen.getByTestId('request-detail');
const fact = (name: string) => detail().querySelector(`[data-fact="${name}"] dd`)?.textContent;
const form = (name: string) => screen.getByRole('form', { name });
const patches = (api: ReturnType<typeof fakeApi>) => api.calls.filter((c) => c.name === 'updatePrivacyRequest').map((c) => [c.args.ifMatch, c.args.body]);

async function openRequest() {
  await listReady();
  fireEvent.click(screen.getByRole('button', { name: /^Open the request \(Access \(Art\. 15\)/ }));
  await detailReady('"1"');
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-02T10:00:00Z'));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('privacy tab: request screens', () => {
  it('registers a request for a contact found by name, then shows it with its deadline', async () => {
    const api = renderTab(registerApi(null));
    await listReady();
    fireEvent.click(screen.getByRole('button', { name: 'Register a request' }));
    const search = screen.getByRole('searchbox', { name: 'Find the contact' });
    fireEvent.change(search, { target: { value: 'Hoffmann' } });
    fireEvent.submit(search.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Open Julia Hoffmann' }));
    expect(screen.getByTestId('request-contact').textContent).toBe('Contact: Julia Hoffmann');
    // With a contact chosen the address field goes: the contact holds the address.
    expect(screen.queryByRole('textbox', { name: /email address/ })).toBeNull();
    const register = form('Register a data subject request');
    fireEvent.change(within(register).getByRole('combobox', { name: /Type of request/ }), { target: { value: 'erasure' } });
    expect((within(register).getByLabelText(/Received on/) as HTMLInputElement).value).toBe('2026-12-02');
    fireEvent.change(within(register).getByLabelText(/Received on/), { target: { value: '2026-11-30' } });
    fireEvent.change(within(register).getByRole('textbox', { name: /First note/ }), { target: { value: 'Brief vom 28.11., Identität geprüft' } });
    fireEvent.click(within(register).getByRole('button', { name: 'Register a request' }));
    await detailReady('"1"');
    const create = api.calls.find((c) => c.name === 'createPrivacyRequest')!.args.body as Record<string, unknown>;
    expect({ ...create, id: typeof create.id }).toEqual({
      id: 'string',
      type: 'erasure',
      contactId: JULIA,
      receivedOn: '2026-11-30',
      note: 'Brief vom 28.11., Identität geprüft',
    });
    expect(screen.getByTestId('done-notice').textContent).toBe('The request is registered, due 30 Dec 2026.');
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('Erasure (Art. 17)');
    expect([fact('received'), fact('due'), fact('status')]).toEqual(['30 Nov 2026', '30 Dec 2026', 'Received']);
    expect(within(screen.getByTestId('request-history')).getByRole('listitem').textContent).toBe(
      'Registered Brief vom 28.11., Identität geprüftAnna Becker, 2 Dec 2026, 10:00',
    );
  });

  it('registers a request by its address alone, and asks for a person when neither is given', async () => {
    const api = renderTab(registerApi(null));
    await listReady();
    fireEvent.click(screen.getByRole('button', { name: 'Register a request' }));
    const register = form('Register a data subject request');
    fireEvent.click(within(register).getByRole('button', { name: 'Register a request' }));
    expect(register.textContent).toContain('Choose a contact or enter the email address.');
    expect(api.calls.some((c) => c.name === 'createPrivacyRequest')).toBe(false);
    fireEvent.change(within(register).getByRole('textbox', { name: /email address/ }), { target: { value: 'anfrage@mail.example' } });
    fireEvent.click(within(register).getByRole('button', { name: 'Register a request' }));
    await detailReady('"1"');
    expect(api.calls.find((c) => c.name === 'createPrivacyRequest')!.args.body).toMatchObject({ type: 'access', email: 'anfrage@mail.example' });
    expect(detail().textContent).toContain('Only the address anfrage@mail.example');
  });

  it('extends the deadline once with a reason, sent with the version on screen', async () => {
    const api = renderTab(registerApi(structuredClone(received)));
    await openRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Extend the deadline…' }));
    const extend = form('Extend the deadline once (Art. 12(3))');
    expect(document.activeElement).toBe(within(extend).getByRole('textbox'));
    fireEvent.change(within(extend).getByRole('textbox'), { target: { value: 'Umfangreiche Daten aus drei Systemen' } });
    fireEvent.click(within(extend).getByRole('button', { name: 'Extend' }));
    await detailReady('"2"');
    expect(patches(api)).toEqual([['"1"', { extension: { months: 2, reason: 'Umfangreiche Daten aus drei Systemen' } }]]);
    expect(screen.getByTestId('done-notice').textContent).toBe('The deadline is now 28 Feb 2027.');
    expect(fact('due')).toBe('28 Feb 2027');
    expect(fact('extension')).toBe('to 28 Feb 2027: Umfangreiche Daten aus drei Systemen (Anna Becker, 2 Dec 2026, 10:00)Originally due: 30 Dec 2026');
    // Art. 12(3) allows one extension: the button goes, and the detail says why.
    expect(screen.queryByRole('button', { name: 'Extend the deadline…' })).toBeNull();
    expect(detail().textContent).toContain('Extended once already');
  });

  it('records an action, refuses to close without the answer, then records the answer and closes', async () => {
    const api = renderTab(registerApi(structuredClone(received)));
    await openRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Record an action taken' }));
    fireEvent.change(within(form('Record an action taken')).getByRole('textbox'), { target: { value: 'Export als PDF erstellt' } });
    fireEvent.click(within(form('Record an action taken')).getByRole('button', { name: 'Record' }));
    await detailReady('"2"');

    fireEvent.click(screen.getByRole('button', { name: 'Change the status' }));
    fireEvent.change(within(form('Change the status')).getByRole('combobox'), { target: { value: 'completed' } });
    fireEvent.click(within(form('Change the status')).getByRole('button', { name: 'Save the status' }));
    expect(within(form('Change the status')).getByRole('alert').textContent).toContain('Record the answer sent first');
    expect(patches(api)).toHaveLength(1);
    fireEvent.click(within(form('Change the status')).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(screen.getByRole('button', { name: 'Answer sent to the person' }));
    const answer = form('Answer sent to the person');
    fireEvent.change(within(answer).getByLabelText(/Sent on/), { target: { value: '2026-12-01' } });
    fireEvent.change(within(answer).getByRole('textbox', { name: /What the answer said/ }), { target: { value: 'Auskunft als PDF per Post' } });
    fireEvent.click(within(answer).getByRole('button', { name: 'Record the answer' }));
    await detailReady('"3"');
    fireEvent.click(screen.getByRole('button', { name: 'Change the status' }));
    fireEvent.change(within(form('Change the status')).getByRole('combobox'), { target: { value: 'completed' } });
    fireEvent.click(within(form('Change the status')).getByRole('button', { name: 'Save the status' }));
    await detailReady('"4"');
    expect(patches(api)).toEqual([
      ['"1"', { action: 'Export als PDF erstellt' }],
      ['"2"', { answer: { sentOn: '2026-12-01', text: 'Auskunft als PDF per Post' } }],
      ['"3"', { status: 'completed' }],
    ]);
    expect(fact('status')).toBe('Completed');
    expect(fact('answer')).toBe('1 Dec 2026Auskunft als PDF per Post');
    expect(
      within(screen.getByTestId('request-history'))
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('data-kind')),
    ).toEqual(['registered', 'note', 'answered', 'status']);
  });

  it('names the colleague whose change came first and shows it, keeping the form', async () => {
    const colleague = { ...structuredClone(received), etag: '"2"', status: 'in_progress' as const };
    let reads = 0;
    const api = renderTab(
      registerApi(structuredClone(received), {
        getPrivacyRequest: () => (++reads === 1 ? structuredClone(received) : colleague),
        updatePrivacyRequest: () =>
          new ApiError('changed', 412, {
            type: 'about:blank',
            title: 'Precondition Failed',
            status: 412,
            detail: 'privacy_request was changed by someone else since you read it; reload and try again',
            lastChange: { by: { id: testUuid('u2'), name: 'Jonas Weber' }, at: '2026-12-02T09:55:00.000Z', action: 'update', fields: ['status'] },
          }),
      }),
    );
    await openRequest();
    fireEvent.click(screen.getByRole('button', { name: 'Record an action taken' }));
    fireEvent.change(within(form('Record an action taken')).getByRole('textbox'), { target: { value: 'Rückruf' } });
    fireEvent.click(within(form('Record an action taken')).getByRole('button', { name: 'Record' }));
    expect((await screen.findByTestId('request-conflict')).textContent).toBe(
      'Not saved: Jonas Weber changed this request at 2 Dec 2026, 09:55. It now shows their change; check it and try again.',
    );
    await detailReady('"2"');
    expect(fact('status')).toBe('In progress');
    expect((within(form('Record an action taken')).getByRole('textbox') as HTMLTextAreaElement).value).toBe('Rückruf');
    expect(api.calls.filter((c) => c.name === 'getPrivacyRequest')).toHaveLength(2);
  });

  it('goes back to the list with the focus on the request it came from', async () => {
    renderTab(registerApi(structuredClone(received)));
    await openRequest();
    expect(document.activeElement?.textContent).toBe('Back to the list');
    fireEvent.click(screen.getByRole('button', { name: 'Back to the list' }));
    await listReady();
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Open the request (Access (Art. 15), received 30 Nov 2026)'));
  });

  it('speaks German', async () => {
    renderTab(registerApi(structuredClone({ ...received, extension: { dueOn: '2027-02-28', reason: 'Umfang', extendedBy: USER_ID, extendedAt: '2026-12-01T09:00:00.000Z' } })), 'de-DE');
    await listReady();
    expect(screen.getByRole('button', { name: 'Anfrage erfassen' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /^Die Anfrage öffnen \(Auskunft \(Art\. 15\), eingegangen am 30\.11\.2026\)/ }));
    await detailReady('"1"');
    expect(within(detail()).getByRole('heading', { level: 2 }).textContent).toBe('Auskunft (Art. 15)');
    expect(fact('status')).toBe('Eingegangen');
    expect(detail().textContent).toContain('Bereits einmal verlängert');
    expect(screen.getByRole('button', { name: 'Maßnahme erfassen' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zurück zur Liste' })).toBeTruthy();
  });

  it("links the contact changes a rectification led to, offering only its contact's edits not yet linked", async () => {
    const rectification: PrivacyRequest = {
      ...structuredClone(received),
      type: 'rectification',
      changes: [{ auditId: 12, at: AUDITED[0]!.at, actorId: USER_ID, actorName: 'Anna Becker', action: 'update', entity: 'contact', entityId: JULIA, changedFields: ['emails'] }],
    };
    const api = renderTab(registerApi(rectification, { searchAudit: () => ({ items: AUDITED, nextCursor: null }) }));
    await listReady();
    fireEvent.click(screen.getByRole('button', { name: /^Open the request \(Rectification \(Art\. 16\)/ }));
    await detailReady('"1"');
    expect(within(screen.getByTestId('request-changes')).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Changed: emailsAnna Becker, 1 Dec 2026, 15:00',
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Link changes…' }));
    await waitFor(() => expect(document.querySelector(`[data-ready-key="changes:${JULIA}"]`)).not.toBeNull());
    expect(api.calls.find((c) => c.name === 'searchAudit')!.args.query).toEqual({ contactId: JULIA, entity: 'contact', entityId: JULIA, kind: 'change', limit: 100 });
    const link = form('Link the edits this rectification led to');
    // The linked edit and the creation are not offered: only updates of the contact can be linked, each once.
    const offered = within(link).getAllByRole('checkbox');
    expect(offered.map((box) => box.closest('li')!.getAttribute('data-audit-id'))).toEqual(['11']);
    fireEvent.click(within(link).getByRole('button', { name: 'Link the chosen changes' }));
    expect(within(link).getByRole('alert').textContent).toBe('Choose at least one change.');
    expect(patches(api)).toEqual([]);
    fireEvent.click(within(link).getByRole('checkbox', { name: /Changed: jobTitle, phones/ }));
    fireEvent.click(within(link).getByRole('button', { name: 'Link the chosen changes' }));
    await detailReady('"2"');
    expect(patches(api)).toEqual([['"1"', { linkChanges: [11] }]]);
    expect(screen.getByTestId('done-notice').textContent).toBe('Changes linked: 1.');
    expect(within(screen.getByTestId('request-changes')).getAllByRole('listitem').map((li) => li.getAttribute('data-audit-id'))).toEqual(['12', '11']);
  });

  it('links an address-only request to the contact found, and only then offers a rectification its changes', async () => {
    const byAddress: PrivacyRequest = { ...structuredClone(received), type: 'rectification', contactId: null, email: 'julia@privat.example' };
    const api = renderTab(registerApi(byAddress, { searchAudit: () => ({ items: AUDITED, nextCursor: null }) }), 'de-DE');
    await listReady();
    fireEvent.click(screen.getByRole('button', { name: /^Die Anfrage öffnen \(Berichtigung \(Art\. 16\)/ }));
    await detailReady('"1"');
    expect(screen.queryByRole('button', { name: 'Änderungen verknüpfen…' })).toBeNull();
    expect(detail().textContent).toContain('Verknüpfen Sie die Anfrage zuerst mit dem Kontakt');
    fireEvent.click(screen.getByRole('button', { name: 'Mit einem Kontakt verknüpfen…' }));
    fireEvent.click(within(form('Die Anfrage mit dem Kontakt zur Adresse verknüpfen')).getByRole('button', { name: 'Verknüpfen' }));
    expect(within(form('Die Anfrage mit dem Kontakt zur Adresse verknüpfen')).getByRole('alert').textContent).toBe('Suchen und wählen Sie zuerst den Kontakt.');
    const search = screen.getByRole('searchbox', { name: 'Kontakt suchen' });
    fireEvent.change(search, { target: { value: 'Hoffmann' } });
    fireEvent.submit(search.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Julia Hoffmann öffnen' }));
    fireEvent.click(within(form('Die Anfrage mit dem Kontakt zur Adresse verknüpfen')).getByRole('button', { name: 'Verknüpfen' }));
    await detailReady('"2"');
    expect(patches(api)).toEqual([['"1"', { contactId: JULIA }]]);
    expect(screen.getByTestId('done-notice').textContent).toBe('Die Anfrage ist mit dem Kontakt verknüpft; die Adresse wird bei ihr nicht mehr gespeichert.');
    expect(screen.queryByRole('button', { name: 'Mit einem Kontakt verknüpfen…' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Änderungen verknüpfen…' })).toBeTruthy();
    expect(detail().textContent).toContain('Noch keine Änderung verknüpft.');
  });
});
