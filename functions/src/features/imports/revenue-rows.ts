// Rows of a revenue list (revenue per account and period, for the ABC analysis and the lifetime value): the period as
// Excel lists write it, the figures, and the decision per row once its account is known. A row never creates an
// account, and two rows for the same account and period are an error on the later one rather than a silent sum.
import type { ImportDecision } from '@crm/common';
import { because, whyOf, type Reason, type Why } from './reasons';
import type { StoredValue, StoredValues } from './record-plan';
import { parseDate, parseDecimal, type NumberStyle, type ValueResult } from './values';

export type PeriodKind = 'year' | 'month';
/** A calendar year or month named by its first day, as account_revenue stores it. */
export interface Period {
  kind: PeriodKind;
  start: string;
}

const fail = (reason: Reason): ValueResult<never> => ({ ok: false, problem: 'invalid', ...reason });

const MONTHS: Record<string, number> = {};
[
  ['januar', 'jan', 'jänner', 'jaenner', 'january'],
  ['februar', 'feb', 'february', 'febr'],
  ['märz', 'maerz', 'mär', 'mrz', 'march', 'mar'],
  ['april', 'apr'],
  ['mai', 'may'],
  ['juni', 'jun', 'june'],
  ['juli', 'jul', 'july'],
  ['august', 'aug'],
  ['september', 'sep', 'sept'],
  ['oktober', 'okt', 'october', 'oct'],
  ['november', 'nov'],
  ['dezember', 'dez', 'december', 'dec'],
].forEach((names, i) => names.forEach((name) => (MONTHS[name] = i + 1)));

const pad = (n: number) => String(n).padStart(2, '0');
const month = (year: number, m: number): Period => ({ kind: 'month', start: `${year}-${pad(m)}-01` });
const YEAR = /^(\d{4})$/;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_YEAR = /^(\d{1,2})[/.-](\d{4})$/;
const NAMED = /^([\p{L}]+)\.?\s+(\d{4})$/u;
const MONTH_ONLY = /^(\d{1,2})$/;
const NAME_ONLY = /^([\p{L}]+)\.?$/u;

const text = (value: StoredValue | undefined) => (value === null || value === undefined ? '' : String(value).trim());
const validYear = (year: number) => year >= 1900 && year <= 2999;

/**
 * The period of a row: `2025` is the year; `2025-03`, `03/2025`, `März 2025`, `Mar 2025` and a date (`31.03.2025`,
 * `2025-03-31`, an Excel date) are that month. A month written alone (`3`, `März`) takes its year from the year column.
 */
export function parsePeriod(periodCell: StoredValue | undefined, yearCell: StoredValue | undefined): ValueResult<Period> {
  const raw = text(periodCell);
  const yearText = text(yearCell);
  const year = yearText === '' ? null : YEAR.exec(yearText) ? Number(yearText) : NaN;
  if (year !== null && (Number.isNaN(year) || !validYear(year))) return fail(because('revenue.yearInvalid', { value: yearText }));
  if (raw === '') return year === null ? fail(because('revenue.periodMissing')) : { ok: true, value: { kind: 'year', start: `${year}-01-01` } };
  const folded = raw.toLowerCase();
  let match: RegExpExecArray | null;
  let period: Period | null = null;
  if ((match = YEAR.exec(folded))) period = { kind: 'year', start: `${match[1]}-01-01` };
  else if ((match = YEAR_MONTH.exec(folded))) period = month(Number(match[1]), Number(match[2]));
  else if ((match = MONTH_YEAR.exec(folded))) period = month(Number(match[2]), Number(match[1]));
  else if ((match = NAMED.exec(folded)) && MONTHS[match[1]!]) period = month(Number(match[2]), MONTHS[match[1]!]!);
  else if ((match = MONTH_ONLY.exec(folded)) || ((match = NAME_ONLY.exec(folded)) && MONTHS[match[1]!])) {
    const m = MONTHS[match[1]!] ?? Number(match[1]);
    if (year === null) return fail(because('revenue.monthNeedsYear', { value: raw }));
    period = month(year, m);
  } else {
    const date = parseDate(periodCell ?? null);
    if (date.ok) period = month(Number(date.value.slice(0, 4)), Number(date.value.slice(5, 7)));
    else if (date.problem === 'ambiguous') return { ...date, ...because('revenue.periodAmbiguous', { value: raw, detail: date }) };
  }
  const periodMonth = period ? Number(period.start.slice(5, 7)) : 0;
  if (!period || !validYear(Number(period.start.slice(0, 4))) || periodMonth < 1 || periodMonth > 12)
    return fail(because('revenue.periodInvalid', { value: raw }));
  if (year !== null && Number(period.start.slice(0, 4)) !== year) return fail(because('revenue.yearDiffers', { value: raw, year: String(year) }));
  return { ok: true, value: period };
}

/** How a period is named in reasons: `2025` or `2025-03` (the German text writes `03/2025`). */
export const periodName = (period: Period) => (period.kind === 'year' ? period.start.slice(0, 4) : period.start.slice(0, 7));

export interface RevenueFigures {
  period: Period;
  revenue: string;
  /** Null when the list has no cost for the row: a stored cost is kept, and the lifetime value uses the default margin. */
  cost: string | null;
}

export type FiguresResult = { ok: true; value: RevenueFigures } | { ok: false; field: string; why: Why };

export interface RevenueStyles {
  amount: NumberStyle | null;
  cost: NumberStyle | null;
}

/** The period and figures of a row, or the first value that is missing or wrong (field and reason). */
export function readFigures(values: StoredValues, styles: RevenueStyles, tenantCurrency: string): FiguresResult {
  const period = parsePeriod(values['revenue.period'], values['revenue.year']);
  if (!period.ok) return { ok: false, field: values['revenue.period'] === undefined ? 'revenue.year' : 'revenue.period', why: whyOf(period) };
  const amountText = text(values['revenue.amount']);
  if (amountText === '') return { ok: false, field: 'revenue.amount', why: because('revenue.amountMissing') };
  const amount = parseDecimal(values['revenue.amount'] ?? null, styles.amount);
  if (!amount.ok) return { ok: false, field: 'revenue.amount', why: whyOf(amount) };
  if (amount.value.startsWith('-')) return { ok: false, field: 'revenue.amount', why: because('revenue.negative', { value: amountText }) };
  let cost: string | null = null;
  if (text(values['revenue.cost']) !== '') {
    const parsed = parseDecimal(values['revenue.cost'] ?? null, styles.cost);
    if (!parsed.ok) return { ok: false, field: 'revenue.cost', why: whyOf(parsed) };
    if (parsed.value.startsWith('-'))
      return { ok: false, field: 'revenue.cost', why: because('revenue.negativeCost', { value: text(values['revenue.cost']) }) };
    cost = parsed.value;
  }
  for (const [field, figure] of [
    ['revenue.amount', amount.value],
    ['revenue.cost', cost],
  ] as const) {
    // numeric(14,2): twelve digits before the point, two after.
    const [whole = '', fraction = ''] = figure?.split('.') ?? [];
    if (figure !== null && (whole.length > 12 || fraction.replace(/0+$/, '').length > 2))
      return { ok: false, field, why: because('revenue.tooPrecise', { value: text(values[field]) }) };
  }
  const currency = text(values['revenue.currency']).toUpperCase().replace('€', 'EUR');
  if (currency !== '' && currency !== tenantCurrency)
    return { ok: false, field: 'revenue.currency', why: because('revenue.otherCurrency', { currency, tenantCurrency }) };
  return { ok: true, value: { period: period.value, revenue: amount.value, cost } };
}

/** What the CRM has for an account and period. */
export interface StoredPeriod {
  id: string;
  revenue: string;
  cost: string | null;
}

/** The account a row's key found: the CRM account, or why there is none (the account decision's own reason). */
export type AccountFound = { ok: true; id: string; name: string } | { ok: false; field: string; why: Why };

/** Decimal strings compared as amounts ("1234.5" = "1234.50"). */
export const sameAmount = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Number(a) === Number(b));

export interface RevenueRowPlan {
  accountId: string;
  accountName: string;
  periodKind: PeriodKind;
  periodStart: string;
  revenue: string;
  cost: string | null;
}

/**
 * The decision of every row once its account is known, in file order: error (account, period, figures, or the same
 * account and period as an earlier row), create, update (with old and new figures) or skip when the CRM has the
 * same figures already, which is what makes importing the same list twice change nothing.
 */
export function decideRevenueRows(
  rows: readonly { row: number; accounts: AccountFound; figures: FiguresResult }[],
  stored: ReadonlyMap<string, StoredPeriod>,
): { decision: ImportDecision; plan: RevenueRowPlan | null }[] {
  const seen = new Map<string, number>();
  return rows.map(({ row, accounts, figures }) => {
    if (!accounts.ok) return { decision: { action: 'error', field: accounts.field, ...accounts.why }, plan: null };
    if (!figures.ok) return { decision: { action: 'error', field: figures.field, ...figures.why }, plan: null };
    const { period, revenue, cost } = figures.value;
    const key = periodKey(accounts.id, period);
    const earlier = seen.get(key);
    const name = periodName(period);
    if (earlier !== undefined)
      return { decision: { action: 'error', field: 'revenue.period', ...because('revenue.sameAsRow', { row: earlier, period: name }) }, plan: null };
    seen.set(key, row);
    const plan: RevenueRowPlan = { accountId: accounts.id, accountName: accounts.name, periodKind: period.kind, periodStart: period.start, revenue, cost };
    const current = stored.get(key);
    if (!current) return { decision: { action: 'create', ...because('revenue.newPeriod', { period: name, account: accounts.name, revenue }) }, plan };
    const costChanges = cost !== null && !sameAmount(cost, current.cost);
    if (sameAmount(revenue, current.revenue) && !costChanges)
      return { decision: { action: 'skip', ...because('revenue.sameFigures', { period: name, account: accounts.name }) }, plan };
    const change = because('revenue.periodStored', {
      period: name,
      account: accounts.name,
      oldRevenue: current.revenue,
      revenue,
      ...(costChanges ? { oldCost: current.cost ?? '', cost: cost! } : {}),
    });
    return { decision: { action: 'update', existingId: current.id, ...change }, plan };
  });
}

export const periodKey = (accountId: string, period: Period) => `${accountId}\u0000${period.kind}\u0000${period.start}`;
