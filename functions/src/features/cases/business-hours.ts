// Adding service-level hours within the service team's working hours: day by day in the tenant's time zone, so a
// daylight-saving change moves the working day's start in UTC, weekends and holidays count nothing.
import type { BusinessHours } from '@crm/common';
import { toUtc } from '../sync';

const HOUR = 3_600_000;
/** Ten years of calendar days: a level of at most a year of hours ends long before, even at one working hour a week. */
const MAX_DAYS = 3660;

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in a time zone. */
function localDate(instant: Date, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(instant);
}

const nextDay = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** ISO weekday (1 Monday to 7 Sunday) of a calendar date, whatever the zone: a date is a date. */
const isoWeekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

/** The instant `hours` working hours after `from`; a start outside the hours counts from the next opening. */
export function addBusinessHours(from: Date, hours: number, business: BusinessHours): Date {
  let remaining = hours * HOUR;
  const holidays = new Set(business.holidays);
  let day = localDate(from, business.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = nextDay(day)) {
    if (!business.days.includes(isoWeekday(day)) || holidays.has(day)) continue;
    const open = toUtc({ dateTime: `${day}T${business.start}:00`, timeZone: business.timeZone }).getTime();
    const close = toUtc({ dateTime: `${day}T${business.end}:00`, timeZone: business.timeZone }).getTime();
    const start = Math.max(open, from.getTime());
    if (start >= close) continue;
    if (remaining <= close - start) return new Date(start + remaining);
    remaining -= close - start;
  }
  throw new Error('the business hours leave no time to count the service level in');
}
