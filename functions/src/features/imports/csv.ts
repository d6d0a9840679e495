// Delimited text as Excel writes it: the delimiter is detected from the first lines, fields are parsed by csv-parse
// (quoted fields with delimiters, doubled quotes and line breaks inside them).
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportDelimiter } from '@crm/common';
import { ImportFileError } from './import-file-error';
import type { ImportRow } from './table';

const DELIMITERS: readonly ImportDelimiter[] = [';', ',', '\t'];
const SAMPLE_LINES = 50;
const NAMES: Record<ImportDelimiter, string> = { ';': 'semicolon', ',': 'comma', '\t': 'tab' };

export interface DetectedDelimiter {
  delimiter: ImportDelimiter;
  reason: string;
  /** The reason's code and parameters (reasons.ts), so the preview can word it in German too. */
  code: 'format.separatorSplits' | 'format.separatorMostFrequent' | 'format.separatorNone';
  lines?: number;
  columns?: number;
}

/** Counts each delimiter outside quotes per record of the first lines; the one that splits every record alike, most often, wins. */
export function detectDelimiter(text: string): DetectedDelimiter {
  const counts = sampleRecords(text).map((record) => countOutsideQuotes(record));
  const scored = DELIMITERS.map((delimiter) => {
    const perRecord = counts.map((count) => count[delimiter]);
    const first = perRecord[0] ?? 0;
    return { delimiter, first, consistent: first > 0 && perRecord.every((n) => n === first), total: perRecord.reduce((a, b) => a + b, 0) };
  });
  const consistent = scored.filter((s) => s.consistent).sort((a, b) => b.first - a.first);
  const best = consistent[0];
  if (best) {
    return {
      delimiter: best.delimiter,
      reason: `${NAMES[best.delimiter]}: it splits each of the first ${counts.length} lines into ${best.first + 1} columns`,
      code: 'format.separatorSplits',
      lines: counts.length,
      columns: best.first + 1,
    };
  }
  const used = scored.filter((s) => s.total > 0).sort((a, b) => b.total - a.total)[0];
  if (used)
    return {
      delimiter: used.delimiter,
      reason: `${NAMES[used.delimiter]}: it is the most frequent separator, though lines differ in their number of columns`,
      code: 'format.separatorMostFrequent',
    };
  return { delimiter: ';', reason: 'semicolon: no separator found (one column), so the one German Excel writes', code: 'format.separatorNone' };
}

/** The first records, joined across quoted line breaks so that a multi-line address does not count as two lines. */
function sampleRecords(text: string): string[] {
  const records: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (!quoted && (char === '\n' || char === '\r')) {
      if (current.trim() !== '') records.push(current);
      current = '';
      if (records.length >= SAMPLE_LINES) break;
      continue;
    }
    current += char;
  }
  if (current.trim() !== '' && records.length < SAMPLE_LINES) records.push(current);
  return records;
}

function countOutsideQuotes(record: string): Record<ImportDelimiter, number> {
  const count: Record<ImportDelimiter, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of record) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === ';' || char === ',' || char === '\t')) count[char] += 1;
  }
  return count;
}

/** Rows of text cells, numbered as Excel shows them; a row with another number of columns than the first is an error naming it. */
export function parseCsv(text: string, delimiter: ImportDelimiter): ImportRow[] {
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, bom: true });
  } catch (error) {
    if (error instanceof CsvError && error.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new ImportFileError('unterminated_quote', 'A quoted field is never closed: a double quote is missing.', lineOf(error));
    }
    if (error instanceof CsvError && error.code === 'CSV_INVALID_CLOSING_QUOTE') {
      throw new ImportFileError('invalid_quote', 'A double quote inside a quoted field is not doubled, so the field ends early.', lineOf(error));
    }
    if (error instanceof CsvError) throw new ImportFileError('unreadable_csv', `The CSV cannot be read: ${error.message}`, lineOf(error));
    throw error;
  }
  const rows = records.map((cells, index) => ({ row: index + 1, cells }));
  // Excel writes a line of only delimiters for an empty row, and a blank line is an empty row too: neither carries data.
  const filled = rows.filter(({ cells }) => cells.some((cell) => cell.trim() !== ''));
  const width = filled[0]?.cells.length ?? 0;
  const odd = filled.find(({ cells }) => cells.length !== width);
  if (odd) {
    throw new ImportFileError(
      'inconsistent_columns',
      `Row ${odd.row} has ${odd.cells.length} columns, the header has ${width}: with ${NAMES[delimiter]} as separator the rows do not line up.`,
      odd.row,
    );
  }
  return filled;
}

const lineOf = (error: CsvError): number | undefined => {
  const lines = (error as CsvError & { lines?: unknown }).lines;
  return typeof lines === 'number' ? lines : undefined;
};
