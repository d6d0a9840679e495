// The privacy tab's audit search: filters by person, record, actor, time and kind reach the API as it reads them; the
// entries list who read or changed what, page by page; no report per employee; in English and German.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Contact } from '@crm/common';
import { stamp } from '@crm/common/web/testing';
import { TabShell } from '../../TabShell';
import { fakeApi, fakeHost, testUuid, USER_ID, type FakeAnswers } from '../../test-fixtures';
import { PrivacyTab } from '../PrivacyTab';

const JULIA = testUuid('c1');
const ACCOUNT = testUuid('a1');

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
  accountId: ACCOUNT,
  accountName: 'Hoffmann Antriebstechnik GmbH',
  ownerId: null,
  communicationPreferences: {},
  customFields: {},
};

const entry = (fields: Partial<AuditEntry> & Pick<AuditEntry, 'id' | 'kind' | 'action'>): AuditEntry => ({
  at: '2026-12-01T09:30:00.000Z',
  actorId: USER_ID,
  actorName: 'Anna Becker',
  entity: 'contact',
  entityId: JULIA,
  address: null,
  changedFields: [],
  ...fields,
});

const first = [
  entry({ id: 7, kind: 'read', action: 'context', entity: 'address', entityId: null, address: 'julia.hoffmann@hoffmann-antriebstechnik.de' }),
  entry({ id: 3, kind: 'change', action: 'update', changedFields: ['jobTitle', 'phones'], actorId: null, actorName: null }),
];
const second = [entry({ id: 2, kind: 'read', action: 'view', at: '2026-11-30T08:00:00.000Z' })];

function renderTab(answers: FakeAnswers, locale = 'en-US') {
  const api = fakeApi({
    listPrivacyRequests: () => ({ items: [], nextCursor: null }),
    listContacts: () => ({ items: [julia], nextCursor: null }),
    searchAudit: (args) => (args.query?.cursor ? { items: second, nextCursor: null } : { items: first, nextCursor: 'next-1' }),
    ...answers,
  });
  render(
    <TabShell services={{ api: api.client, host: fakeHost({ locale, origin: null }) }}>
      <PrivacyTab />
    </TabShell>,
  );
  return api;
}

async function openAudit(name = 'Audit log') {
  fireEvent.click(screen.getByRole('tab', { name }));
  await waitFor(() => expect(document.querySelector('[data-ready-key="audit"]')).not.toBeNull());
}
const filters = () => screen.getByRole('form', { name: /Filters|Filter/ });
const searches = (api: ReturnType<typeof renderTab>) => api.calls.filter((c) => c.name === 'searchAudit').map((c) => c.args.query);
// In the machine's time zone, as the tab shows it.
const at = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-12-01T09:30:00.000Z'));
const items = () => within(screen.getByTestId('audit-results')).getAllByRole('listitem');

afterEach(cleanup);

describe('privacy tab: audit search', () => {
  it('lists who read or changed what, newest first, and pages on', async () => {
    const api = renderTab({});
    await openAudit();
    expect(screen.getByTestId('audit-why').textContent).toContain('builds no report, statistic or ranking of what an employee read');
    fireEvent.submit(filters());
    await waitFor(() => expect(items()).toHaveLength(2));
    expect(searches(api)).toEqual([{ limit: 50 }]);
    expect(items().map((li) => li.getAttribute('data-audit-id'))).toEqual(['read:7', 'change:3']);
    expect(items()[0]!.textContent).toBe(`${at}Anna Beckerlooked up in OutlookAddress lookupaddress julia.hoffmann@hoffmann-antriebstechnik.de`);
    expect(items()[1]!.textContent).toBe(`${at}a removed userchangedContact ${JULIA}fields: jobTitle, phones`);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(items()).toHaveLength(3));
    expect(searches(api)[1]).toEqual({ limit: 50, cursor: 'next-1' });
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('sends every filter as the API reads it: person, record, actor, time and kind', async () => {
    const api = renderTab({});
    await openAudit();
    const person = screen.getByRole('searchbox', { name: 'Entries about a person' });
    fireEvent.change(person, { target: { value: 'Hoffmann' } });
    fireEvent.submit(person.closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Open Julia Hoffmann' }));
    expect(screen.getByTestId('audit-person').textContent).toBe('Person: Julia Hoffmann');
    fireEvent.change(screen.getByRole('combobox', { name: 'Record type' }), { target: { value: 'account' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Record id' }), { target: { value: ACCOUNT } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Actor id' }), { target: { value: USER_ID } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01T00:00' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-12-01T18:00' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'read' } });
    fireEvent.submit(filters());
    await waitFor(() => expect(searches(api)).toHaveLength(1));
    expect(searches(api)[0]).toEqual({
      limit: 50,
      contactId: JULIA,
      entity: 'account',
      entityId: ACCOUNT,
      actorId: USER_ID,
      from: new Date('2026-11-01T00:00').toISOString(),
      to: new Date('2026-12-01T18:00').toISOString(),
      kind: 'read',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Remove the person filter' }));
    expect(screen.getByRole('searchbox', { name: 'Entries about a person' })).toBeTruthy();
  });

  it('filters by an actor picked from the entries', async () => {
    const api = renderTab({});
    await openAudit();
    fireEvent.submit(filters());
    fireEvent.click(await screen.findByRole('button', { name: 'Filter by Anna Becker' }));
    expect((screen.getByRole('textbox', { name: /Actor id/ }) as HTMLInputElement).value).toBe(USER_ID);
    expect(screen.getByText('Only entries by Anna Becker')).toBeTruthy();
    fireEvent.submit(filters());
    await waitFor(() => expect(searches(api)).toHaveLength(2));
    expect(searches(api)[1]).toEqual({ limit: 50, actorId: USER_ID });
  });

  it('names a lead read as such and filters by it, in English and German', async () => {
    const LEAD = testUuid('e1');
    const leadRead = [entry({ id: 9, kind: 'read', action: 'list', entity: 'lead', entityId: LEAD, address: 'interessent@neu.example' })];
    for (const [locale, tab, recordType, listed, address] of [
      ['en-US', 'Audit log', 'Record type', 'listed', 'address'],
      ['de-DE', 'Protokoll', 'Art des Datensatzes', 'gelistet', 'Adresse'],
    ] as const) {
      const api = renderTab({ searchAudit: () => ({ items: leadRead, nextCursor: null }) }, locale);
      await openAudit(tab);
      fireEvent.change(screen.getByRole('combobox', { name: recordType }), { target: { value: 'lead' } });
      fireEvent.submit(filters());
      await waitFor(() => expect(items()).toHaveLength(1));
      expect(searches(api)).toEqual([{ limit: 50, entity: 'lead' }]);
      expect(items()[0]!.textContent).toContain(`${listed}Lead ${LEAD}`);
      expect(items()[0]!.textContent).toContain(`${address} interessent@neu.example`);
      cleanup();
    }
  });

  it('names a search of the audit log, an erasure and a case in words, in English and German', async () => {
    const CASE = testUuid('f1');
    const answer = [
      entry({ id: 12, kind: 'read', action: 'audit' }),
      entry({ id: 11, kind: 'change', action: 'erase' }),
      entry({ id: 10, kind: 'change', action: 'lift-restriction' }),
      entry({ id: 9, kind: 'change', action: 'create', entity: 'case', entityId: CASE }),
    ];
    for (const [locale, tab, words] of [
      ['en-US', 'Audit log', ['audit searchContact', 'erased (Art. 17)Contact', 'restriction liftedContact', `createdService case ${CASE}`]],
      ['de-DE', 'Protokoll', ['ProtokollsucheKontakt', 'gelöscht (Art. 17)Kontakt', 'Einschränkung aufgehobenKontakt', `angelegtServicefall ${CASE}`]],
    ] as const) {
      renderTab({ searchAudit: () => ({ items: answer, nextCursor: null }) }, locale);
      await openAudit(tab);
      fireEvent.submit(filters());
      await waitFor(() => expect(items()).toHaveLength(4));
      items().forEach((li, n) => expect(li.textContent).toContain(words[n]));
      cleanup();
    }
  });

  it('says when nothing matches, and speaks German', async () => {
    renderTab({ searchAudit: () => ({ items: [], nextCursor: null }) }, 'de-DE');
    await openAudit('Protokoll');
    expect(screen.getByTestId('audit-why').textContent).toContain('§ 87 Abs. 1 Nr. 6 BetrVG');
    expect(screen.getByRole('combobox', { name: 'Art des Datensatzes' })).toBeTruthy();
    fireEvent.submit(filters());
    expect(await screen.findByText('Kein Eintrag passt.')).toBeTruthy();
  });
});
