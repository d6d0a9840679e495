// The privacy tab's person view: find a person, see what is stored, export JSON and PDF, restrict and lift, erase with
// a confirmation that shows what the law made the CRM keep; in English and German, reached from the request register too.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Contact, ErasureResult, PersonalData, Restriction } from '@crm/common';
import { ApiError } from '@crm/common/web';
import { stamp } from '@crm/common/web/testing';
import { TabShell } from '../../TabShell';
import { fakeApi, fakeHost, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { PrivacyTab } from '../PrivacyTab';

const JULIA = testUuid('c1');
const ERASURE = testUuid('e1');

const contact: Contact = {
  id: JULIA,
  ...stamp,
  etag: '"4"',
  firstName: 'Julia',
  lastName: 'Hoffmann',
  displayName: 'Julia Hoffmann',
  emails: ['julia.hoffmann@hoffmann-antriebstechnik.de'],
  phones: [],
  jobTitle: null,
  buyingRole: null,
  accountId: testUuid('a1'),
  accountName: 'Hoffmann Antriebstechnik GmbH',
  ownerId: null,
  communicationPreferences: {},
  customFields: {},
};

const open: Restriction = {
  contactId: JULIA,
  restricted: false,
  reason: null,
  restrictedBy: null,
  restrictedAt: null,
  liftReason: null,
  liftedBy: null,
  liftedAt: null,
};
const restricted: Restriction = { ...open, restricted: true, reason: 'Art. 18 Antrag 4711', restrictedBy: USER_ID, restrictedAt: '2026-12-01T09:00:00.000Z' };

function personal(restriction: Restriction): PersonalData {
  return {
    generatedAt: '2026-12-02T10:00:00.000Z',
    contact: { id: JULIA, firstName: 'Julia', lastName: 'Hoffmann' },
    emails: contact.emails,
    account: { id: testUuid('a1'), name: 'Hoffmann Antriebstechnik GmbH' },
    restriction,
    interactions: [{ id: testUuid('i1') }, { id: testUuid('i2') }, { id: testUuid('i3') }],
    consents: [{ id: 1 }, { id: 2 }],
    tasks: [{ id: testUuid('t1') }],
    opportunities: [],
    graphSyncItems: [{ id: 'AAMk1' }],
    syncConflicts: [],
    processing: [
      {
        purpose: 'customer_relationship',
        legalBasis: 'contract_or_legitimate_interest',
        channels: [],
        purposeText: 'customer relationship',
        legalBasisText: 'contract or legitimate interest (Art. 6(1)(b) and (f) GDPR)',
      },
      { purpose: 'newsletter', legalBasis: 'consent', channels: ['email'], purposeText: 'newsletter', legalBasisText: 'consent (Art. 6(1)(a) GDPR)' },
    ],
    reads: [{ actorId: USER_ID, actorName: 'Anna Becker', action: 'view', count: 4, firstAt: '2026-11-02T09:00:00.000Z', lastAt: '2026-11-30T09:00:00.000Z' }],
    retention: 'Contacts without interaction for 3 years are anonymised.',
    retentionPolicies: { saved: false, dailyRun: false, policies: [] },
  };
}

const erasure: ErasureResult = {
  erasureId: ERASURE,
  erasedAt: '2026-12-02T11:00:00.000Z',
  blockedAddresses: 1,
  deleted: { interactions: 2, consents: 2, tasks: 1, leads: 1, syncLinks: 1 },
  unlinkedInteractions: 1,
  keptWithdrawalProofs: 1,
  retained: { interactions: 1, until: '2032-12-31', legalBasis: 'HGB s.257, AO s.147' },
};

function renderTab(answers: FakeAnswers, locale = 'en-US') {
  const saved: Array<{ file: Blob; name: string }> = [];
  const api = fakeApi({ listPrivacyRequests: () => ({ items: [], nextCursor: null }), ...answers });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <PrivacyTab save={(file, name) => saved.push({ file, name })} />
    </TabShell>,
  );
  return { api, saved };
}

/** A person whose restriction follows the calls made, as the API keeps it. */
function personApi(extra: FakeAnswers = {}): FakeAnswers {
  let restriction = open;
  return {
    listContacts: () => ({ items: [contact], nextCursor: null }),
    getContact: () => contact,
    contactPersonalData: () => personal(restriction),
    restrictContact: (args) => (restriction = { ...restricted, reason: args.body.reason }),
    liftRestriction: (args) =>
      (restriction = { ...restricted, restricted: false, liftReason: args.body.reason, liftedBy: USER_ID, liftedAt: '2026-12-02T10:30:00.000Z' }),
    ...extra,
  };
}

const dialog = () => screen.findByRole('alertdialog');
const inDialog = (element: HTMLElement) => ({
  button: (name: string) => within(element).getByRole('button', { name }),
  reason: () => within(element).getByRole('textbox'),
});

const personTab = () => fireEvent.click(screen.getByRole('tab', { name: /Person/ }));
const ready = (id = JULIA) => waitFor(() => expect(document.querySelector(`[data-ready-key="person:${id}"]`)).not.toBeNull());

async function openJulia(search = 'Hoffmann') {
  personTab();
  const field = await screen.findByRole('searchbox', {});
  fireEvent.change(field, { target: { value: search } });
  fireEvent.submit(field.closest('form')!);
  fireEvent.click(await screen.findByRole('button', { name: 'Open Julia Hoffmann' }));
  await ready();
}

afterEach(cleanup);

describe('privacy tab: person view', () => {
  it('finds a person by name and shows what is stored about them', async () => {
    const { api } = renderTab(personApi());
    await openJulia();
    expect(api.calls.find((c) => c.name === 'listContacts')?.args.query).toEqual({ q: 'Hoffmann', limit: 20 });
    const card = screen.getByTestId('person');
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Julia Hoffmann');
    expect(card.textContent).toContain('julia.hoffmann@hoffmann-antriebstechnik.de');
    expect(card.textContent).toContain('Company: Hoffmann Antriebstechnik GmbH');
    const fact = (name: string) => card.querySelector(`[data-fact="${name}"]`)!.textContent;
    expect([fact('interactions'), fact('consents'), fact('tasks'), fact('opportunities'), fact('graphSyncItems'), fact('reads')]).toEqual([
      'Interactions3',
      'Consent entries2',
      'Follow-ups1',
      'Opportunities0',
      'Outlook items1',
      'Reads by colleagues4',
    ]);
    expect(
      within(screen.getByTestId('person-processing'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'customer relationship: contract or legitimate interest (Art. 6(1)(b) and (f) GDPR)',
      'newsletter: consent (Art. 6(1)(a) GDPR) (channels: email)',
    ]);
    expect(screen.getByTestId('person-readers').textContent).toBe('Anna Becker: viewed × 4, last 30 Nov 2026');
    expect(card.textContent).toContain('Contacts without interaction for 3 years are anonymised.');
    expect(within(card).queryByText('Processing restricted')).toBeNull();
  });

  it('says when nobody matches and asks for two characters before searching', async () => {
    const { api } = renderTab(personApi({ listContacts: () => ({ items: [], nextCursor: null }) }));
    personTab();
    const field = await screen.findByRole('searchbox', {});
    fireEvent.change(field, { target: { value: 'x' } });
    fireEvent.submit(field.closest('form')!);
    expect(await screen.findByText('Type at least two characters.')).toBeTruthy();
    expect(api.calls.some((c) => c.name === 'listContacts')).toBe(false);
    fireEvent.change(field, { target: { value: 'niemand@mail.example' } });
    fireEvent.submit(field.closest('form')!);
    expect(await screen.findByText('Nobody matches "niemand@mail.example".')).toBeTruthy();
  });

  it('downloads the export as JSON and as a PDF in the tab’s language', async () => {
    const pdf = new File(['%PDF-1.7'], `personal-data-${JULIA}-en.pdf`, { type: 'application/pdf' });
    const answers = personApi();
    const { api, saved } = renderTab({ ...answers, contactPersonalData: (args) => (args.query?.format === 'pdf' ? pdf : answers.contactPersonalData!(args)) });
    await openJulia();
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect((await screen.findByTestId('done-notice')).textContent).toBe(`The export was downloaded as personal-data-${JULIA}.json.`);
    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved.map((s) => s.name)).toEqual([`personal-data-${JULIA}.json`, `personal-data-${JULIA}-en.pdf`]);
    expect(JSON.parse(await saved[0]!.file.text())).toEqual(JSON.parse(JSON.stringify(personal(open))));
    expect(saved[0]!.file.type).toBe('application/json');
    expect(saved[1]!.file).toBe(pdf);
    expect(api.calls.filter((c) => c.name === 'contactPersonalData').map((c) => c.args.query)).toEqual([
      { format: 'json' },
      { format: 'json' },
      { format: 'pdf', lang: 'en' },
    ]);
  });

  it('restricts with a reason, shows the person as restricted, and lifts it again', async () => {
    const { api } = renderTab(personApi());
    await openJulia();
    fireEvent.click(screen.getByRole('button', { name: 'Restrict processing' }));
    const form = screen.getByRole('form', { name: 'Restrict processing' });
    fireEvent.change(within(form).getByRole('textbox'), { target: { value: 'Art. 18 Antrag 4711' } });
    fireEvent.submit(form);
    expect((await screen.findByTestId('done-notice')).textContent).toBe(
      'Processing of Julia Hoffmann is restricted: read-only, hidden from everyone but CRM.Privacy and CRM.Admin.',
    );
    await waitFor(() => expect(document.querySelector('[data-restricted="true"]')).not.toBeNull());
    expect(within(screen.getByTestId('person')).getByText('Processing restricted')).toBeTruthy();
    expect(screen.getByTestId('person-restriction').textContent).toBe('Restricted since 1 Dec 2026: Art. 18 Antrag 4711');
    expect(api.calls.find((c) => c.name === 'restrictContact')?.args).toMatchObject({ params: { id: JULIA }, body: { reason: 'Art. 18 Antrag 4711' } });

    fireEvent.click(screen.getByRole('button', { name: 'Lift restriction' }));
    const lift = screen.getByRole('form', { name: 'Lift restriction' });
    fireEvent.change(within(lift).getByRole('textbox'), { target: { value: 'Richtigkeit bestätigt' } });
    fireEvent.submit(lift);
    await waitFor(() => expect(document.querySelector('[data-restricted="false"]')).not.toBeNull());
    expect(screen.getByTestId('person-restriction').textContent).toBe('Restriction lifted on 2 Dec 2026: Richtigkeit bestätigt');
    expect(screen.getByRole('button', { name: 'Restrict processing' })).toBeTruthy();
  });

  it('erases only after the confirmation, with the reason and the ETag read, and shows what was kept and why', async () => {
    const { api } = renderTab(personApi({ eraseContact: () => erasure }));
    await openJulia();
    fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    const first = await screen.findByRole('alertdialog');
    expect(within(first).getByRole('heading').textContent).toBe('Erase Julia Hoffmann?');
    fireEvent.click(inDialog(first).button('Cancel'));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(api.calls.some((c) => c.name === 'eraseContact')).toBe(false);

    fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    const again = inDialog(await dialog());
    fireEvent.change(again.reason(), { target: { value: 'Art. 17 Antrag 4712' } });
    fireEvent.click(again.button('Erase for good'));
    const done = await screen.findByTestId('person-erased');
    expect(api.calls.find((c) => c.name === 'eraseContact')?.args).toMatchObject({
      params: { id: JULIA },
      body: { reason: 'Art. 17 Antrag 4712' },
      ifMatch: '"4"',
    });
    expect(within(done).getByRole('heading', { level: 2 }).textContent).toBe('Julia Hoffmann was erased on 2 Dec 2026.');
    expect(done.textContent).toContain('1 addresses are blocked from being created again.');
    expect(done.textContent).toContain('Deleted: 2 interactions, 2 consent entries, 1 follow-ups, 1 leads, 1 Outlook sync links.');
    expect(
      within(screen.getByTestId('person-kept'))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      '1 withdrawals or objections kept as channel, purpose and date, without the person (proof of the withdrawal).',
      '1 business emails kept as commercial letters until 31 Dec 2032 (HGB s.257, AO s.147): unlinked, readable by CRM.Privacy and CRM.Admin only, deleted then.',
    ]);
    expect(screen.queryByTestId('person')).toBeNull();
  });

  it('keeps the dialog open with the reason in words when the person changed meanwhile', async () => {
    const changed = new ApiError('changed', 412, {
      type: 'about:blank',
      title: 'Precondition Failed',
      status: 412,
      detail: 'contact was changed by someone else',
    });
    renderTab(personApi({ eraseContact: () => changed }));
    await openJulia();
    fireEvent.click(screen.getByRole('button', { name: 'Erase…' }));
    const surface = await dialog();
    fireEvent.change(inDialog(surface).reason(), { target: { value: 'Art. 17' } });
    fireEvent.click(inDialog(surface).button('Erase for good'));
    expect((await within(surface).findByRole('alert')).textContent).toContain('contact was changed by someone else');
    expect(screen.queryByTestId('person-erased')).toBeNull();
  });

  it('opens the person a request names from the register', async () => {
    renderTab({
      ...personApi(),
      listPrivacyRequests: () => ({
        items: [
          {
            id: testUuid('r1'),
            ...stamp,
            type: 'access',
            contactId: JULIA,
            email: null,
            receivedOn: '2026-11-20',
            dueOn: '2026-12-20',
            originalDueOn: '2026-12-20',
            extension: null,
            status: 'received',
            answer: null,
            overdue: false,
            dueThisWeek: false,
            createdBy: null,
          },
        ],
        nextCursor: null,
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Open the person of this request (Access (Art. 15))' }));
    await ready();
    expect(screen.getByRole('tab', { name: 'Person' }).getAttribute('aria-selected')).toBe('true');
    expect(within(screen.getByTestId('person')).getByRole('heading', { level: 2 }).textContent).toBe('Julia Hoffmann');
  });

  it('speaks German', async () => {
    const { saved } = renderTab(
      {
        ...personApi(),
        contactPersonalData: (args) => (args.query?.format === 'pdf' ? new File(['%PDF'], `personal-data-${JULIA}-de.pdf`) : personal(restricted)),
      },
      'de-DE',
    );
    fireEvent.click(screen.getByRole('tab', { name: 'Person' }));
    const field = await screen.findByRole('searchbox', { name: 'Person suchen' });
    fireEvent.change(field, { target: { value: 'julia' } });
    fireEvent.submit(field.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Julia Hoffmann öffnen' }));
    await ready();
    const card = screen.getByTestId('person');
    expect(within(card).getByText('Verarbeitung eingeschränkt')).toBeTruthy();
    expect(screen.getByTestId('person-restriction').textContent).toBe('Eingeschränkt seit 01.12.2026: Art. 18 Antrag 4711');
    expect(screen.getByTestId('person-readers').textContent).toBe('Anna Becker: angesehen × 4, zuletzt 30.11.2026');
    expect(within(card).getByRole('button', { name: 'Einschränkung aufheben' })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'PDF exportieren' }));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual([`personal-data-${JULIA}-de.pdf`]));
    fireEvent.click(within(card).getByRole('button', { name: 'Löschen…' }));
    expect(inDialog(await dialog()).button('Endgültig löschen')).toBeTruthy();
  });
});
