import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv } from './csv';
import { ImportFileError } from './import-file-error';

describe('CSV separator detection', () => {
  it('chooses the semicolon of a German Excel file although its amounts contain commas', () => {
    const text = 'Firma;Umsatz;Ort\nMüller GmbH;1.234,56;Köln\nSchmidt AG;99,90;Berlin\n';
    expect(detectDelimiter(text)).toEqual({
      delimiter: ';',
      reason: 'semicolon: it splits each of the first 3 lines into 3 columns',
      code: 'format.separatorSplits',
      lines: 3,
      columns: 3,
    });
  });

  it('chooses comma and tab, and is not misled by separators inside quotes or quoted line breaks', () => {
    expect(detectDelimiter('Company,City\n"Smith; Sons Ltd",London\n').delimiter).toBe(',');
    expect(detectDelimiter('Firma\tOrt\n"Bau, Holz\nund mehr"\tUlm\n').delimiter).toBe('\t');
  });

  it('says when no line has a separator', () => {
    expect(detectDelimiter('Firma\nMüller GmbH\n').reason).toMatch(/no separator found/);
  });
});

describe('CSV parsing', () => {
  it('keeps quoted fields with separators, doubled quotes and line breaks, and numbers rows as Excel does', () => {
    const rows = parseCsv('Firma;Straße\r\n"Müller ""Bau"" GmbH";"Hauptstr. 1\r\nHinterhaus"\r\n\r\n;\r\nSchmidt AG;Ring 2\r\n', ';');
    expect(rows).toEqual([
      { row: 1, cells: ['Firma', 'Straße'] },
      { row: 2, cells: ['Müller "Bau" GmbH', 'Hauptstr. 1\r\nHinterhaus'] },
      { row: 5, cells: ['Schmidt AG', 'Ring 2'] },
    ]);
  });

  it('names the row whose column count differs from the header', () => {
    const error = captured(() => parseCsv('Firma;Ort\nMüller;Köln\nSchmidt;Berlin;extra\n', ';'));
    expect(error).toMatchObject({ problem: 'inconsistent_columns', line: 3 });
    expect(error.message).toBe('Row 3 has 3 columns, the header has 2: with semicolon as separator the rows do not line up.');
  });

  it('reports a quote that is never closed and one that is not doubled', () => {
    expect(captured(() => parseCsv('Firma;Ort\n"Müller;Köln\n', ';')).problem).toBe('unterminated_quote');
    expect(captured(() => parseCsv('Firma;Ort\n"Müller "Bau" GmbH";Köln\n', ';'))).toMatchObject({ problem: 'invalid_quote', line: 2 });
  });
});

function captured(run: () => unknown): ImportFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('no ImportFileError thrown');
}
