// CSV as German Excel opens it: UTF-8 with a byte-order mark (without it Excel reads Windows-1252 and breaks umlauts and
// €), semicolons, CRLF, and optionally the decimal comma. Text that Excel would run as a formula gets a leading
// apostrophe (OWASP "CSV Injection"): a cell starting with = + - @ tab or carriage return.
import type { Cell } from './table';

export const BOM = '\uFEFF';
const DELIMITER = ';';
const NEEDS_QUOTES = /[;"\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export interface CsvOptions {
  decimal: 'comma' | 'point';
}

/** Cells whose first character starts a formula in Excel, LibreOffice or Google Sheets. */
export const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);

const quote = (text: string): string => (NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** 2025-12-31T14:30:00.000Z -> 2025-12-31 14:30:00 (UTC), which Excel reads as a date and time in any locale. */
const timestampText = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;

function cellText(cell: Cell, options: CsvOptions): string {
  if (cell.value === null || cell.value === '') return '';
  switch (cell.type) {
    case 'decimal': {
      const text = Number(cell.value).toFixed(2);
      return options.decimal === 'comma' ? text.replace('.', ',') : text;
    }
    case 'integer':
      return String(cell.value);
    case 'date':
      return String(cell.value);
    case 'timestamp':
      return timestampText(String(cell.value));
    case 'text':
      return quote(guardFormula(String(cell.value)));
  }
}

export const csvLine = (cells: readonly Cell[], options: CsvOptions): string => `${cells.map((c) => cellText(c, options)).join(DELIMITER)}\r\n`;

export const csvHeader = (headers: readonly string[]): string => `${BOM}${headers.map((h) => quote(guardFormula(h))).join(DELIMITER)}\r\n`;
