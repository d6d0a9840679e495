// Reads an uploaded list: what the bytes are (not what the name says), their encoding and separator or the sheet, and
// the table in them. Everything detected is reported with its reason so the preview can show it and the user can
// override it; a file that is not what it claims is an ImportFileError naming the problem.
import type { DetectedImportFormat, ImportFileKind, ImportReadOptions } from '@crm/common';
import { detectDelimiter, parseCsv } from './csv';
import { decodeText, detectEncoding } from './encoding';
import { ImportFileError } from './import-file-error';
import { because, type Reason } from './reasons';
import { toTable, type ImportTable } from './table';
import { readWorkbook } from './xlsx';

export interface ReadImportFile {
  format: DetectedImportFormat;
  table: ImportTable;
}

type Content = ImportFileKind | 'pdf' | 'legacy_xls' | 'binary';

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

function sniff(bytes: Uint8Array): Content {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'legacy_xls';
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  // Text has no NUL bytes (UTF-16 aside) and few control characters other than tab and line breaks.
  const sample = bytes.subarray(0, 8192);
  if (!utf16 && sample.includes(0)) return 'binary';
  const controls = utf16 ? 0 : sample.filter((byte) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c).length;
  return controls > sample.length / 100 ? 'binary' : 'csv';
}

function claimedKind(fileName: string): ImportFileKind | null {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'xlsx' || extension === 'xlsm') return 'xlsx';
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') return 'csv';
  return null;
}

export async function readImportFile(bytes: Uint8Array, fileName: string, options: ImportReadOptions = {}): Promise<ReadImportFile> {
  if (bytes.length === 0) throw new ImportFileError('empty_file', 'The file is empty (0 bytes).');
  const content = sniff(bytes);
  if (content === 'pdf') throw new ImportFileError('pdf_file', 'The file is a PDF document, not a CSV or XLSX list.');
  if (content === 'legacy_xls')
    throw new ImportFileError(
      'legacy_xls',
      'The file is an Excel 97-2003 workbook (.xls) or a password-protected workbook; save it in Excel as .xlsx without a password, or as CSV.',
    );
  if (content === 'binary') throw new ImportFileError('binary_file', 'The file holds binary data, not text or an XLSX workbook.');
  const claimed = options.kind ?? claimedKind(fileName);
  if (claimed && claimed !== content) {
    throw new ImportFileError(
      claimed === 'xlsx' ? 'not_xlsx' : 'kind_mismatch',
      claimed === 'xlsx'
        ? 'The file is called an XLSX workbook but contains text; import it as CSV.'
        : 'The file is called a CSV but is an XLSX workbook; import it as XLSX.',
    );
  }
  const overridden: DetectedImportFormat['overridden'] = options.kind ? ['kind'] : [];
  const kindReason = because(content === 'xlsx' ? 'format.xlsx' : 'format.csv');
  return content === 'xlsx' ? readXlsx(bytes, options, overridden, kindReason) : readCsv(bytes, options, overridden, kindReason);
}

/** The reasons as the format stores them: the English sentences, and their codes for other languages. */
const stated = (reasons: readonly Reason[]): Pick<DetectedImportFormat, 'reasons' | 'reasonCodes'> => ({
  reasons: reasons.map((reason) => reason.reason),
  reasonCodes: reasons.map((reason) => ({ code: reason.reasonCode, params: reason.reasonParams })),
});

function readCsv(bytes: Uint8Array, options: ImportReadOptions, overridden: DetectedImportFormat['overridden'], kindReason: Reason): ReadImportFile {
  const detectedEncoding = options.encoding ? null : detectEncoding(bytes);
  const encoding = options.encoding ?? detectedEncoding!.encoding;
  const text = decodeText(bytes, encoding);
  const detectedDelimiter = options.delimiter ? null : detectDelimiter(text);
  const delimiter = options.delimiter ?? detectedDelimiter!.delimiter;
  const table = toTable(parseCsv(text, delimiter));
  if (table.rows.length === 0)
    throw new ImportFileError('no_data', table.header.length ? 'The file has a header row but no data rows.' : 'The file holds only blank lines.');
  return {
    table,
    format: {
      kind: 'csv',
      encoding,
      delimiter,
      sheet: null,
      sheets: [],
      overridden: [...overridden, ...(options.encoding ? (['encoding'] as const) : []), ...(options.delimiter ? (['delimiter'] as const) : [])],
      ...stated([
        kindReason,
        detectedEncoding ? because(detectedEncoding.code, { encoding }) : because('format.encodingChosen', { encoding }),
        detectedDelimiter
          ? because(detectedDelimiter.code, {
              separator: delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : 'semicolon',
              lines: detectedDelimiter.lines ?? null,
              columns: detectedDelimiter.columns ?? null,
            })
          : because('format.separatorChosen'),
      ]),
      columnCount: table.header.length,
      rowCount: table.rows.length,
    },
  };
}

async function readXlsx(
  bytes: Uint8Array,
  options: ImportReadOptions,
  overridden: DetectedImportFormat['overridden'],
  kindReason: Reason,
): Promise<ReadImportFile> {
  const sheets = await readWorkbook(bytes);
  const names = sheets.map((sheet) => sheet.name);
  const wanted = options.sheet?.toLowerCase();
  // Excel treats sheet names as case-insensitive, so "kunden" chooses "Kunden".
  const chosen = wanted
    ? sheets.find((sheet) => sheet.name.toLowerCase() === wanted)
    : sheets.find((sheet) => !sheet.hidden && toTable(sheet.rows).rows.length > 0);
  if (!chosen) {
    throw wanted
      ? new ImportFileError('sheet_not_found', `The workbook has no sheet "${options.sheet}"; its sheets are ${names.map((name) => `"${name}"`).join(', ')}.`)
      : new ImportFileError('no_data', 'No visible sheet of the workbook has a header row and data rows.');
  }
  const table = toTable(chosen.rows);
  if (table.rows.length === 0) throw new ImportFileError('no_data', `Sheet "${chosen.name}" has no data rows below its header.`);
  return {
    table,
    format: {
      kind: 'xlsx',
      encoding: null,
      delimiter: null,
      sheet: chosen.name,
      sheets: names,
      overridden: [...overridden, ...(wanted ? (['sheet'] as const) : [])],
      ...stated([
        kindReason,
        wanted ? because('format.sheetChosen', { sheet: chosen.name }) : because('format.sheetFirst', { sheet: chosen.name, count: names.length }),
      ]),
      columnCount: table.header.length,
      rowCount: table.rows.length,
    },
  };
}
