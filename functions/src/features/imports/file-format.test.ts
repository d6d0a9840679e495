import { DetectedImportFormat } from '@crm/common';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readImportFile } from './file-format';
import { ImportFileError } from './import-file-error';

const GERMAN_EXCEL_CSV =
  'Firma;Vorname;Nachname;Straße;Umsatz\r\nMüller GmbH;Jürgen;Weiß;"Hauptstraße 1\r\nHinterhof";1.234,56\r\nBäckerei Öztürk e.K.;Ayşe;Öztürk;Ring 2;99,90 €\r\n';

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function problemOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ImportFileError)) throw new Error(`expected an ImportFileError, got ${String(error)}`);
  return error.problem;
}

describe('reading an uploaded list', () => {
  it('reads a German Excel CSV in Windows-1252 and reports what it detected', async () => {
    const { format, table } = await readImportFile(iconv.encode(GERMAN_EXCEL_CSV.replace('Ayşe', 'Ayse'), 'windows-1252'), 'Kunden.csv');
    expect(format).toEqual({
      kind: 'csv',
      encoding: 'windows-1252',
      delimiter: ';',
      sheet: null,
      sheets: [],
      overridden: [],
      reasons: [
        'CSV: the file is text',
        'Encoding windows-1252: not valid UTF-8, read as Windows-1252 (Excel "CSV (Trennzeichen-getrennt)")',
        'Separator semicolon: it splits each of the first 3 lines into 5 columns',
      ],
      // The same reasons as codes, for the German preview.
      reasonCodes: [
        { code: 'format.csv', params: {} },
        { code: 'format.windows1252', params: { encoding: 'windows-1252' } },
        { code: 'format.separatorSplits', params: { separator: 'semicolon', lines: 3, columns: 5 } },
      ],
      columnCount: 5,
      rowCount: 2,
    });
    // What the upload will answer is what the shared contract describes.
    expect(DetectedImportFormat.parse(format)).toEqual(format);
    expect(table.header).toEqual(['Firma', 'Vorname', 'Nachname', 'Straße', 'Umsatz']);
    expect(table.rows[0]).toEqual({ row: 2, cells: ['Müller GmbH', 'Jürgen', 'Weiß', 'Hauptstraße 1\r\nHinterhof', '1.234,56'] });
    expect(table.rows[1]?.cells[4]).toBe('99,90 €');
  });

  it('reads UTF-8 with byte-order mark and commas, and takes the user’s overrides', async () => {
    const bytes = new TextEncoder().encode('\uFEFFCompany,City\r\n"Smith, Jones & Co. Ltd",Zürich\r\n');
    const { format, table } = await readImportFile(bytes, 'export.csv');
    expect([format.encoding, format.delimiter]).toEqual(['utf-8-bom', ',']);
    expect(table.rows[0]?.cells).toEqual(['Smith, Jones & Co. Ltd', 'Zürich']);
    const overridden = await readImportFile(new TextEncoder().encode('Company,City\r\nAcme Ltd,Zürich\r\n'), 'export.csv', {
      delimiter: ';',
      encoding: 'utf-8',
    });
    expect(overridden.format.overridden).toEqual(['encoding', 'delimiter']);
    expect(overridden.format.reasons.slice(1)).toEqual(['Encoding utf-8: chosen by the user', 'Separator chosen by the user']);
    expect(overridden.table.header).toEqual(['Company,City']);
    // With the wrong separator the quoted field no longer ends at one, which the error says.
    expect(await problemOf(readImportFile(bytes, 'export.csv', { delimiter: ';' }))).toBe('invalid_quote');
  });

  it('reads a tab-separated file', async () => {
    const { format, table } = await readImportFile(new TextEncoder().encode('Firma\tOrt\nMüller\tKöln\n'), 'liste.txt');
    expect(format.delimiter).toBe('\t');
    expect(table.rows[0]?.cells).toEqual(['Müller', 'Köln']);
  });

  it('reads the first visible sheet with data of a workbook, or the sheet the user chose', async () => {
    const bytes = await workbook((book) => {
      book.addWorksheet('Deckblatt');
      book.addWorksheet('Alt', { state: 'hidden' }).addRow(['Firma']).commit();
      const customers = book.addWorksheet('Kunden');
      customers.addRow(['Firma', 'Umsatz', 'Seit', 'E-Mail']);
      customers.addRow([]);
      customers.addRow(['Müller GmbH', 1234.56, new Date(Date.UTC(2025, 11, 31)), { text: 'info@mueller.de', hyperlink: 'mailto:info@mueller.de' }]);
      customers.addRow([{ richText: [{ text: 'Schmidt ' }, { text: 'AG', font: { bold: true } }] }, { formula: 'B3*2', result: 2469.12 }]);
      book.addWorksheet('Leads').addRows([['Company'], ['Acme Ltd']]);
    });
    const { format, table } = await readImportFile(bytes, 'Kunden.xlsx');
    expect(format).toMatchObject({
      kind: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: 'Kunden',
      sheets: ['Deckblatt', 'Alt', 'Kunden', 'Leads'],
      rowCount: 2,
    });
    expect(format.reasons[1]).toBe('Sheet "Kunden": the first visible sheet with data, of 4');
    expect(table.rows).toEqual([
      { row: 3, cells: ['Müller GmbH', 1234.56, new Date(Date.UTC(2025, 11, 31)), 'info@mueller.de'] },
      { row: 4, cells: ['Schmidt AG', 2469.12, null, null] },
    ]);
    const leads = await readImportFile(bytes, 'Kunden.xlsx', { sheet: 'leads' });
    expect([leads.format.sheet, leads.format.overridden, leads.table.rows[0]?.cells]).toEqual(['Leads', ['sheet'], ['Acme Ltd']]);
    await expect(readImportFile(bytes, 'Kunden.xlsx', { sheet: 'Umsatz' })).rejects.toThrow(
      'The workbook has no sheet "Umsatz"; its sheets are "Deckblatt", "Alt", "Kunden", "Leads".',
    );
  });

  it('names the problem of a file that is not what it claims', async () => {
    const text = (value: string) => new TextEncoder().encode(value);
    expect(await problemOf(readImportFile(new Uint8Array(), 'Kunden.csv'))).toBe('empty_file');
    expect(await problemOf(readImportFile(text('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'Kunden.xlsx'))).toBe('pdf_file');
    expect(await problemOf(readImportFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), 'Kunden.xls'))).toBe('legacy_xls');
    expect(await problemOf(readImportFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'Kunden.csv'))).toBe('binary_file');
    expect(await problemOf(readImportFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'Kunden.xlsx'))).toBe('broken_xlsx');
    expect(await problemOf(readImportFile(text('Firma;Ort\nMüller;Köln\n'), 'Kunden.xlsx'))).toBe('not_xlsx');
    expect(await problemOf(readImportFile(await workbook((book) => book.addWorksheet('A').addRows([['Firma'], ['X']])), 'Kunden.csv'))).toBe('kind_mismatch');
    expect(await problemOf(readImportFile(text('Firma;Ort\nMüller;Köln;NRW\n'), 'Kunden.csv'))).toBe('inconsistent_columns');
    expect(await problemOf(readImportFile(text('Firma;Ort\r\n;\r\n\r\n'), 'Kunden.csv'))).toBe('no_data');
    expect(await problemOf(readImportFile(await workbook((book) => book.addWorksheet('Leer')), 'Kunden.xlsx'))).toBe('no_data');
  });
});
