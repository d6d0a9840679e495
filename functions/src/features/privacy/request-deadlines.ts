// The deadlines of a data subject request (Art. 12(3) DSGVO), as pure date arithmetic on 'YYYY-MM-DD' calendar dates.
import type { PrivacyRequestStatus } from '@crm/common';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * The date `months` calendar months after `date`, on the same day of the month or, where that month is shorter, on its
 * last day: 31 Jan + 1 = 28 Feb (29 in a leap year). This is how Regulation (EEC, Euratom) No 1182/71 Art. 3(2)(c)
 * ends a period expressed in months, which the EDPB applies to Art. 12(3). A period that would end on a weekend or
 * public holiday is not moved to the next working day here: the register shows the earlier, safe date.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return `${pad(targetYear, 4)}-${pad(targetMonth)}-${pad(Math.min(day, daysIn(targetYear, targetMonth)))}`;
}

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Today's calendar date in UTC, the day the API decides deadlines by. */
export const todayUtc = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** One month from receipt. */
export const dueDate = (receivedOn: string): string => addMonths(receivedOn, 1);

/** The extended deadline: one or two further months, counted from receipt so 31 Jan extended by two ends 30 Apr, not 28 Apr. */
export const extendedDueDate = (receivedOn: string, months: 1 | 2): string => addMonths(receivedOn, 1 + months);

export const isOpen = (status: PrivacyRequestStatus): boolean => status === 'received' || status === 'in_progress';

/** Overdue: open past its deadline. Due this week: open and due within the next seven days, today included. */
export function deadlineFlags(dueOn: string, status: PrivacyRequestStatus, today: string): { overdue: boolean; dueThisWeek: boolean } {
  if (!isOpen(status)) return { overdue: false, dueThisWeek: false };
  const overdue = dueOn < today;
  return { overdue, dueThisWeek: !overdue && dueOn <= addDays(today, 6) };
}
