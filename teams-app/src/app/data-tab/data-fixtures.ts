// Records of the Data tab's tests as the API answers them: a German Excel list's import in preview, its rows with
// proposals (a new company, the same company again, a legal-form conflict to decide, an error), and after the commit.
import type { Account, AccountDuplicate, Contact, ContactDuplicate, Import, ImportPreview, ImportRowView, Merge } from '@crm/common';
import { testUuid } from '../test-fixtures';

export const IMPORT_ID = testUuid('i1');
export const EARLIER_IMPORT_ID = testUuid('i2');
export const HOFFMANN_ID = testUuid('a5');

const zero = { create: 0, update: 0, merge: 0, review: 0, skip: 0, error: 0 };

export function anImport(fields: Partial<Import> = {}): Import {
  return {
    id: IMPORT_ID,
    etag: '"1"',
    createdAt: '2026-12-02T09:00:00.000Z',
    updatedAt: '2026-12-02T09:00:00.000Z',
    fileName: 'Kunden.csv',
    fileHash: 'ab'.repeat(32),
    fileSize: 412,
    status: 'preview',
    kind: 'combined',
    format: {
      kind: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
      sheets: [],
      overridden: [],
      reasons: ['CSV: the file is text', 'Encoding windows-1252: not valid UTF-8, read as Windows-1252 (Excel "CSV (Trennzeichen-getrennt)")'],
      columnCount: 4,
      rowCount: 4,
    },
    mapping: {
      columns: [
        { index: 0, header: 'Firma', field: 'account.name' },
        { index: 1, header: 'Vorname', field: 'contact.firstName' },
        { index: 2, header: 'Nachname', field: 'contact.lastName' },
        { index: 3, header: 'Umsatz', field: null },
      ],
    },
    summary: {
      account: { ...zero, create: 1, merge: 1, review: 1, update: 1 },
      contact: { ...zero, create: 3, error: 1 },
      awaitingDecision: 2,
      duplicatesInFile: 1,
      matchesInCrm: 2,
    },
    progress: { committedRows: 0, totalRows: 4 },
    committedAt: null,
    undoneAt: null,
    undoUntil: null,
    undo: null,
    ...fields,
  };
}

const part = (proposed: NonNullable<ImportRowView['account']>['proposed'], chosen: NonNullable<ImportRowView['account']>['chosen'] = null) => ({ proposed, chosen });

export function rows(): ImportRowView[] {
  return [
    {
      row: 2,
      values: { 'account.name': 'Müller GmbH', 'contact.firstName': 'Jürgen', 'contact.lastName': 'Weiß' },
      account: part({ action: 'create', reason: 'no account matches' }),
      contact: part({ action: 'create', reason: 'no contact matches' }),
      outcome: null,
    },
    {
      row: 3,
      values: { 'account.name': 'Müller GmbH', 'contact.firstName': 'Anna', 'contact.lastName': 'Schäfer' },
      account: part({ action: 'merge', reason: 'the same company as row 2', intoRow: 2 }),
      contact: part({ action: 'create', reason: 'no contact matches' }),
      outcome: null,
    },
    {
      row: 4,
      values: { 'account.name': 'Müller AG', 'contact.firstName': 'Hans', 'contact.lastName': 'Groß' },
      account: part({
        action: 'review',
        reason: 'a person decides',
        candidates: [{ existingId: null, row: 2, name: 'Müller GmbH', score: 1, reason: 'the names differ only in legal form (AG, GmbH)' }],
      }),
      contact: part({ action: 'create', reason: 'no contact matches' }),
      outcome: null,
    },
    {
      row: 5,
      values: { 'account.name': 'Hofmann Antriebstechnik GmbH', 'contact.firstName': 'Eva', 'contact.lastName': '' },
      account: part({
        action: 'review',
        reason: 'a person decides',
        candidates: [{ existingId: HOFFMANN_ID, row: null, name: 'Hoffmann Antriebstechnik', score: 0.88461536, reason: 'similar names' }],
      }),
      contact: part({ action: 'error', reason: 'a contact needs a last name or an email address', field: 'contact.lastName' }),
      outcome: null,
    },
  ];
}

export function preview(value: Import = anImport(), items: ImportRowView[] = rows(), nextCursor: string | null = null): ImportPreview {
  return { ...value, rows: { items, nextCursor } };
}

export const JUERGEN_ID = testUuid('c5');
export const JUERGEN2_ID = testUuid('c6');
export const MUELLER_GMBH_ID = testUuid('a6');
export const MUELLER_AG_ID = testUuid('a7');
export const MERGE_ID = testUuid('m1');

const stamp = { createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };

export function contact(fields: Partial<Contact> & Pick<Contact, 'id' | 'lastName'>): Contact {
  return {
    ...stamp,
    etag: '"3"',
    firstName: '',
    displayName: `${fields.firstName ?? ''} ${fields.lastName}`.trim(),
    emails: [],
    phones: [],
    jobTitle: null,
    buyingRole: null,
    accountId: MUELLER_GMBH_ID,
    accountName: 'Müller GmbH',
    ownerId: null,
    communicationPreferences: {},
    customFields: {},
    ...fields,
  };
}

export function account(fields: Partial<Account> & Pick<Account, 'id' | 'name'>): Account {
  return {
    ...stamp,
    etag: '"5"',
    domains: [],
    parentAccountId: null,
    industry: null,
    segment: null,
    rating: null,
    ownerId: null,
    ownerName: null,
    address: null,
    customFields: {},
    ...fields,
  };
}

export function contactPair(): ContactDuplicate {
  const ref = (c: Contact) => ({ id: c.id, etag: c.etag, displayName: c.displayName, emails: c.emails, accountId: c.accountId, accountName: c.accountName });
  return {
    first: ref(juergen()),
    second: ref(juergen2()),
    score: 0.82,
    kind: 'similar_name_same_account',
    reason: 'similar names within the account',
  };
}

export const juergen = () =>
  contact({ id: JUERGEN_ID, firstName: 'Jürgen', lastName: 'Weiß', emails: ['j.weiss@mueller-gmbh.de'], jobTitle: 'Einkauf', customFields: { kundennummer: 'K-1' } });
export const juergen2 = () =>
  contact({ id: JUERGEN2_ID, etag: '"7"', firstName: 'Juergen', lastName: 'Weiss', emails: ['jw@mueller-gmbh.de'], jobTitle: null, customFields: { kundennummer: 'K-2' } });

export function accountPair(): AccountDuplicate {
  const ref = (a: Account) => ({ id: a.id, etag: a.etag, name: a.name, legalForm: a.name.split(' ').at(-1)!, customerNumber: null, domains: a.domains });
  return {
    first: ref(account({ id: MUELLER_GMBH_ID, name: 'Müller GmbH' })),
    second: ref(account({ id: MUELLER_AG_ID, name: 'Müller AG' })),
    score: 1,
    kind: 'legal_form_differs',
    differentLegalEntities: true,
    reason: 'the names differ only in legal form (GmbH, AG)',
  };
}

export function merge(fields: Partial<Merge> = {}): Merge {
  return {
    id: MERGE_ID,
    entity: 'contact',
    survivorId: JUERGEN_ID,
    mergedId: JUERGEN2_ID,
    moved: { interactions: 3, consents: 1, tasks: 0 },
    mergedAt: '2026-12-02T12:00:00.000Z',
    mergedBy: null,
    undoneAt: null,
    survivorEtag: '"4"',
    ...fields,
  };
}

export const HALLE_ID = testUuid('o1');

/** An opportunity list in preview, as the API answers it in German (the tab sends the page's language). */
export function opportunityImport(fields: Partial<Import> = {}): Import {
  return anImport({
    fileName: 'Verkaufschancen.csv',
    kind: 'opportunities',
    mapping: {
      columns: [
        { index: 0, header: 'Firma', field: 'account.name' },
        { index: 1, header: 'Verkaufschance', field: 'opportunity.name' },
        { index: 2, header: 'Phase', field: 'opportunity.stage' },
        { index: 3, header: 'Betrag', field: 'opportunity.amount' },
      ],
    },
    summary: {
      account: zero,
      contact: zero,
      record: { ...zero, create: 1, update: 1, skip: 1, error: 1 },
      awaitingDecision: 1,
      duplicatesInFile: 0,
      matchesInCrm: 2,
    },
    ...fields,
  });
}

export function opportunityRows(): ImportRowView[] {
  const row = (n: number, values: ImportRowView['values'], proposed: NonNullable<ImportRowView['record']>['proposed']): ImportRowView => ({
    row: n,
    values,
    account: null,
    contact: null,
    record: part(proposed),
    outcome: null,
  });
  return [
    row(
      2,
      { 'account.name': 'Müller GmbH', 'opportunity.name': 'Wartungsvertrag 2026', 'opportunity.stage': 'Angebot', 'opportunity.amount': '12.500,00 €' },
      { action: 'create', reason: 'eine neue Verkaufschance „Wartungsvertrag 2026“ für Müller GmbH: Phase „Angebot“, Betrag 12.500,00' },
    ),
    row(
      3,
      { 'account.name': 'Weiß-Bau AG', 'opportunity.name': 'Neubau Halle', 'opportunity.stage': 'Negotiation', 'opportunity.amount': '80.000,00' },
      {
        action: 'update',
        existingId: HALLE_ID,
        reason: 'die Verkaufschance „Neubau Halle“ von Weiß-Bau AG ändert sich: Phase „Angebot“ -> „Verhandlung“, Betrag 50.000,00 -> 80.000,00',
      },
    ),
    row(
      4,
      { 'account.name': 'Schneider KG', 'opportunity.name': 'Servicepaket', 'opportunity.stage': 'Qualifiziert' },
      { action: 'skip', reason: 'die Verkaufschance „Servicepaket“ von Schneider KG hat diese Werte schon' },
    ),
    row(
      5,
      { 'account.name': 'Unbekannt GmbH', 'opportunity.name': 'Test', 'opportunity.stage': 'Lead' },
      { action: 'error', field: 'account.name', reason: 'keine Firma im CRM ist „Unbekannt GmbH“; eine Zeile mit Verkaufschancen legt nie eine Firma an' },
    ),
  ];
}

/** A revenue list after its commit. */
export function revenueRows(): ImportRowView[] {
  return [
    {
      row: 2,
      values: { 'account.name': 'Schneider KG', 'revenue.period': '2024', 'revenue.amount': '6.000,00' },
      account: null,
      contact: null,
      record: part({ action: 'update', existingId: testUuid('r1'), reason: '2024 for Schneider KG is stored: revenue 5000.00 -> 6000.00' }),
      outcome: { account: null, contact: null, consent: null, record: { action: 'updated', id: testUuid('r1'), reason: 'the figures were replaced' } },
    },
  ];
}
