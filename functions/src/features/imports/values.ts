// Numbers and dates as German and English lists write them. Amounts stay decimal strings ("1234.56") so money never
// passes through a float; a value that two conventions read differently ("1.234": 1234 or 1.234) is reported as
// ambiguous unless the column shows which convention it uses, and is never guessed.
import { because, type Reason, type ReasonCode, type ReasonParam } from './reasons';
import type { ImportCell } from './table';

export type NumberStyle = 'de' | 'en';
export type DateOrder = 'dmy' | 'mdy';

export type ValueResult<T> = { ok: true; value: T } | ({ ok: false; problem: 'ambiguous' | 'invalid' } & Reason);

const invalid = (code: ReasonCode, params: Record<string, ReasonParam> = {}): ValueResult<never> => ({
  ok: false,
  problem: 'invalid',
  ...because(code, params),
});
const ambiguous = (code: ReasonCode, params: Record<string, ReasonParam> = {}): ValueResult<never> => ({
  ok: false,
  problem: 'ambiguous',
  ...because(code, params),
});

/** The number in plain notation (optional minus, digits, optional "." and fraction) and the convention the text proves. */
type NumberReading = { value: string; style: NumberStyle | null } | { readings: Record<NumberStyle, string> };

const GROUP_SPACES = /[ \u00a0\u202f']/g;

function readNumber(raw: string): NumberReading | null {
  let text = raw
    .trim()
    .replace(/^(?:€|EUR)\s*/i, '')
    .replace(/\s*(?:€|EUR)$/i, '');
  let sign = '';
  if (/^[-\u2212+]/.test(text)) {
    sign = text[0] === '+' ? '' : '-';
    text = text.slice(1).trimStart();
  }
  const plain = (integer: string, fraction = '') => {
    const digits = integer.replace(/^0+(?=\d)/, '');
    const negative = sign && /[1-9]/.test(digits + fraction) ? '-' : '';
    return `${negative}${digits}${fraction ? `.${fraction}` : ''}`;
  };
  let match: RegExpExecArray | null;
  if (/^\d+$/.test(text)) return { value: plain(text), style: null };
  // Spaces (also the no-break ones Excel inserts) and apostrophes only ever group thousands.
  if ((match = /^(\d{1,3}(?:[ \u00a0\u202f']\d{3})+)(?:([.,])(\d+))?$/.exec(text))) {
    return { value: plain(match[1]!.replace(GROUP_SPACES, ''), match[3]), style: match[2] === ',' ? 'de' : match[2] === '.' ? 'en' : null };
  }
  if ((match = /^(\d{1,3}(?:\.\d{3})+),(\d+)$/.exec(text))) return { value: plain(match[1]!.replaceAll('.', ''), match[2]), style: 'de' };
  if ((match = /^(\d{1,3}(?:,\d{3})+)\.(\d+)$/.exec(text))) return { value: plain(match[1]!.replaceAll(',', ''), match[2]), style: 'en' };
  for (const [separator, style, other] of [
    ['.', 'de', 'en'],
    [',', 'en', 'de'],
  ] as const) {
    const groups = text.split(separator);
    if (groups.length < 2 || !groups.every((group) => /^\d+$/.test(group))) continue;
    const [integer, ...rest] = groups as [string, ...string[]];
    const grouping = integer.length <= 3 && rest.every((group) => group.length === 3);
    // "1.234.567" can only be grouping; "1.5" or "1234.5" only a decimal point; "1.234" either.
    if (grouping && rest.length > 1) return { value: plain(groups.join('')), style };
    if (!grouping || rest.length !== 1) return rest.length === 1 ? { value: plain(integer, rest[0]), style: other } : null;
    const [grouped, decimal] = [plain(groups.join('')), plain(integer, rest[0])];
    return { readings: style === 'de' ? { de: grouped, en: decimal } : { de: decimal, en: grouped } };
  }
  return null;
}

/** The convention a column's values prove: one when all that prove any agree, 'mixed' when they contradict each other. */
export function detectNumberStyle(cells: readonly ImportCell[]): NumberStyle | 'mixed' | null {
  const styles = new Set<NumberStyle>();
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const reading = readNumber(cell);
    if (reading && 'style' in reading && reading.style) styles.add(reading.style);
  }
  if (styles.size > 1) return 'mixed';
  return styles.values().next().value ?? null;
}

/** A decimal as a plain string ("-1234.56"). Blank cells are the caller's business: they are not numbers. */
export function parseDecimal(cell: ImportCell, style: NumberStyle | null = null): ValueResult<string> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) return invalid('value.notFiniteNumber');
    // The shortest text that reads back as the same double, i.e. the value Excel shows, without exponent notation.
    return { ok: true, value: cell.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) };
  }
  if (typeof cell !== 'string') return invalid(cell instanceof Date ? 'value.dateNotNumber' : 'value.notNumber');
  const reading = readNumber(cell);
  if (!reading) return invalid('value.notNumberText', { value: cell.trim() });
  if ('readings' in reading) {
    if (style) return { ok: true, value: reading.readings[style] };
    return ambiguous('value.numberAmbiguous', { value: cell.trim(), de: reading.readings.de, en: reading.readings.en });
  }
  if (style && reading.style && reading.style !== style) {
    return invalid('value.numberOtherNotation', { value: cell.trim(), written: reading.style, column: style });
  }
  return { ok: true, value: reading.value };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function calendarDate(year: number, month: number, day: number, text: string): ValueResult<string> {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return invalid('value.notCalendarDate', { value: text });
  }
  return { ok: true, value: `${pad(year, 4)}-${pad(month)}-${pad(day)}` };
}

const TIME = String.raw`(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{2})-(\d{2})${TIME}$`);
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})${TIME}$`);
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{4})${TIME}$`);

/** The order a column's slashed dates prove: "13/01/2025" only day-first, "01/13/2025" only month-first. */
export function detectDateOrder(cells: readonly ImportCell[]): DateOrder | 'mixed' | null {
  const orders = new Set<DateOrder>();
  for (const cell of cells) {
    const match = typeof cell === 'string' ? SLASHED.exec(cell.trim()) : null;
    if (!match) continue;
    const [first, second] = [Number(match[1]), Number(match[2])];
    if (first > 12 && second <= 12) orders.add('dmy');
    if (second > 12 && first <= 12) orders.add('mdy');
  }
  if (orders.size > 1) return 'mixed';
  return orders.values().next().value ?? null;
}

/** A calendar date as "YYYY-MM-DD"; the time of day, where a cell has one, is not part of it. */
export function parseDate(cell: ImportCell, order: DateOrder | null = null): ValueResult<string> {
  // exceljs gives a date cell as the UTC instant of its wall-clock value, so the UTC fields are what the sheet shows.
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime())
      ? invalid('value.notDate')
      : calendarDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate(), cell.toISOString());
  if (typeof cell !== 'string') return invalid(typeof cell === 'number' ? 'value.numberNotDate' : 'value.notDate');
  const text = cell.trim();
  let match: RegExpExecArray | null;
  if ((match = ISO.exec(text))) return calendarDate(Number(match[1]), Number(match[2]), Number(match[3]), text);
  if ((match = DOTTED.exec(text))) {
    if (match[3]!.length === 2) return ambiguous('value.twoDigitYear', { value: text, year: match[3]! });
    return calendarDate(Number(match[3]), Number(match[2]), Number(match[1]), text);
  }
  if ((match = SLASHED.exec(text))) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayFirst = first > 12 || first === second || (order === 'dmy' && second <= 12);
    const monthFirst = second > 12 || (order === 'mdy' && first <= 12);
    if (dayFirst && !monthFirst) return calendarDate(year, second, first, text);
    if (monthFirst && !dayFirst) return calendarDate(year, first, second, text);
    if (first > 12 && second > 12) return invalid('value.notCalendarDate', { value: text });
    return ambiguous('value.dayOrMonthFirst', {
      value: text,
      dayFirst: `${pad(first)}.${pad(second)}.${year}`,
      monthFirst: `${pad(second)}.${pad(first)}.${year}`,
    });
  }
  return invalid('value.notDateText', { value: text });
}
