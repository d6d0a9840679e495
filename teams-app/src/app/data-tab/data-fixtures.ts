// Records of the Data tab's tests as the API answers them: a German Excel list's import in preview, its rows with
// proposals (a new company, the same company again, a legal-form conflict to decide, an error), and after the commit.
import type { Import, ImportPreview, ImportRowView } from '@crm/common';
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
