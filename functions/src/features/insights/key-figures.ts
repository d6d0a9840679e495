// Response time, cross-selling, repeat purchases, data quality and adoption from their counts (key-figures-store.ts):
// pure, so the definitions in docs/INSIGHTS.md are tested on hand-made counts without a database.
import {
  AccountKeyField,
  ContactKeyField,
  InteractionSource,
  type AdoptionFigures,
  type CrossSellingFigures,
  type DataQualityFigures,
  type RepeatPurchaseFigures,
} from '@crm/common';

const DAY = 86_400_000;

/** part / whole to four decimals, null when there is no whole. */
export const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

export function crossSellingOf(accounts: ReadonlyArray<{ lines: readonly string[]; withoutLine: number }>): CrossSellingFigures {
  const buyers = accounts.filter((a) => a.lines.length > 0).length;
  const crossBuyers = accounts.filter((a) => a.lines.length > 1).length;
  return { buyers, crossBuyers, rate: ratio(crossBuyers, buyers), withoutProductLine: accounts.reduce((s, a) => s + a.withoutLine, 0) };
}

/** From each customer's number of purchases in the period. */
export function repeatPurchaseOf(purchases: readonly number[]): RepeatPurchaseFigures {
  const customers = purchases.filter((n) => n > 0).length;
  const repeatCustomers = purchases.filter((n) => n > 1).length;
  return { customers, repeatCustomers, rate: ratio(repeatCustomers, customers), purchases: purchases.reduce((s, n) => s + n, 0) };
}

export interface KeyFieldCounts {
  accounts: number;
  contacts: number;
  accountFields: Record<AccountKeyField, number>;
  contactFields: Record<ContactKeyField, number>;
}

export function dataQualityOf(counts: KeyFieldCounts, duplicates: { accounts: number; contacts: number }): DataQualityFigures {
  const accountFields = AccountKeyField.options.map((field) => ({ field, filled: counts.accountFields[field] }));
  const contactFields = ContactKeyField.options.map((field) => ({ field, filled: counts.contactFields[field] }));
  const filled = [...accountFields, ...contactFields].reduce((s, f) => s + f.filled, 0);
  const possible = counts.accounts * accountFields.length + counts.contacts * contactFields.length;
  return { accounts: counts.accounts, contacts: counts.contacts, accountFields, contactFields, completeness: ratio(filled, possible), duplicates };
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The Monday (UTC) on or before an instant. */
const mondayOf = (ms: number) => {
  const day = Math.floor(ms / DAY) * DAY;
  return day - ((new Date(day).getUTCDay() + 6) % 7) * DAY;
};

const bySource = (counts: ReadonlyMap<string, number>) => InteractionSource.options.map((source) => ({ source, count: counts.get(source) ?? 0 }));

/**
 * The weeks between `from` (a period's first day) and `end` (the period's end or now, whichever is earlier), each with
 * the interactions logged in it by source; `logged` rows are the store's per week and source.
 */
export function adoptionOf(logged: ReadonlyArray<{ week: string; source: string; count: number }>, from: string, end: string): AdoptionFigures {
  const start = Date.parse(`${from}T00:00:00Z`);
  const stop = Math.max(start, Date.parse(end));
  const perWeek = new Map<string, Map<string, number>>();
  for (const row of logged) {
    const counts = perWeek.get(row.week) ?? new Map<string, number>();
    counts.set(row.source, (counts.get(row.source) ?? 0) + row.count);
    perWeek.set(row.week, counts);
  }
  const weeks: AdoptionFigures['weeks'] = [];
  for (let monday = mondayOf(start); start < stop && monday < stop; monday += 7 * DAY) {
    const days = Math.ceil((Math.min(monday + 7 * DAY, stop) - Math.max(monday, start)) / DAY);
    const counts = perWeek.get(isoDay(monday)) ?? new Map<string, number>();
    weeks.push({ weekStart: isoDay(monday), days, count: [...counts.values()].reduce((s, n) => s + n, 0), bySource: bySource(counts) });
  }
  const total = new Map<string, number>();
  for (const row of logged) total.set(row.source, (total.get(row.source) ?? 0) + row.count);
  const count = [...total.values()].reduce((s, n) => s + n, 0);
  const spanDays = (stop - start) / DAY;
  return { logged: count, perWeek: spanDays === 0 ? null : Math.round((count / (spanDays / 7)) * 10) / 10, bySource: bySource(total), weeks };
}
