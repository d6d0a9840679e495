// Periods as whole calendar months (UTC), counted as year * 12 + month, so windows add and compare as integers and a
// yearly revenue row can be split into the months a window covers. The Insights tab's period vocabulary
// (common's InsightsPeriod), shared by the insights and the lead figures.
import type { PeriodRange } from '@crm/common';

/** A window of months, from inclusive, to exclusive. */
export interface MonthWindow {
  from: number;
  to: number;
}

export const monthIndex = (date: Date): number => date.getUTCFullYear() * 12 + date.getUTCMonth();

/** The first day of a month index as an ISO date. */
export const monthStart = (index: number): string =>
  `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`;

/**
 * The window a period names; `last-12-months` ends before the current month, because that month's revenue is not
 * complete (nor usually imported) yet.
 */
export function periodWindow(period: string, now: Date): MonthWindow {
  if (period === 'last-12-months') return { from: monthIndex(now) - 12, to: monthIndex(now) };
  const year = Number(period.slice(0, 4));
  const quarter = /^\d{4}-Q([1-4])$/.exec(period);
  if (quarter) return { from: year * 12 + (Number(quarter[1]) - 1) * 3, to: year * 12 + Number(quarter[1]) * 3 };
  if (period.length === 7) return { from: year * 12 + Number(period.slice(5, 7)) - 1, to: year * 12 + Number(period.slice(5, 7)) };
  return { from: year * 12, to: year * 12 + 12 };
}

/** The window of the same length right before. */
export const previousWindow = (window: MonthWindow): MonthWindow => ({ from: 2 * window.from - window.to, to: window.from });

/** The `years` twelve-month windows before the current month, the most recent first: what the lifetime value projects from. */
export const historyWindows = (now: Date, years: number): MonthWindow[] =>
  Array.from({ length: years }, (_, i) => ({ from: monthIndex(now) - 12 * (i + 1), to: monthIndex(now) - 12 * i }));

export const rangeOf = (period: string, window: MonthWindow): PeriodRange => ({
  period,
  from: monthStart(window.from),
  to: monthStart(window.to),
  previousFrom: monthStart(previousWindow(window).from),
});
