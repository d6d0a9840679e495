// Time zone names as Outlook stores them, converted to and from UTC instants. Graph documents that timeZone "can be set to
// any of the time zones currently supported by Windows, as well as the additional time zones supported by the calendar
// API" (IANA names such as Europe/Berlin) — Learn: dateTimeTimeZone resource type,
// https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone — so every Windows zone of CLDR's windowsZones
// table is known here (windows-iana), not only the common European ones.
import { findIana } from 'windows-iana';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/**
 * A zone name that no Windows or IANA table has, as an event carries when its organiser's invitation defined a zone of its
 * own. The fake reckons it as UTC; a client cannot resolve it and must say so rather than guess.
 */
export const CUSTOM_TIME_ZONE = 'Customized Time Zone';

/** Resolved once per name: bulk seeds convert thousands of times, and building an Intl formatter to test a name is slow. */
const resolved = new Map<string, string>([[CUSTOM_TIME_ZONE, 'UTC']]);

/** Throws for zones the fake does not know, so a typo in a seed fails loudly instead of silently becoming UTC. */
function ianaZone(zone: string): string {
  const known = resolved.get(zone);
  if (known) return known;
  for (const candidate of [...findIana(zone), zone]) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: candidate });
      resolved.set(zone, candidate);
      return candidate;
    } catch {
      // the next candidate, or unknown
    }
  }
  throw new Error(`fake-graph: unknown time zone "${zone}"`);
}

export function isKnownZone(zone: string): boolean {
  try {
    ianaZone(zone);
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockMs(instantMs: number, iana: string): number {
  if (iana === 'UTC') return instantMs;
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, f);
  }
  const p: Record<string, number> = {};
  for (const part of f.formatToParts(new Date(instantMs))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (instantMs % 1000);
}

function parseWallClock(dateTime: string): number {
  const ms = Date.parse(`${dateTime.replace(/Z$/, '').slice(0, 23)}Z`);
  if (Number.isNaN(ms)) throw new Error(`fake-graph: bad dateTime "${dateTime}"`);
  return ms;
}

/** The instant a Graph dateTimeTimeZone denotes; DST gaps resolve forward like Exchange does. */
export function toUtcMs(value: DateTimeTimeZone): number {
  const iana = ianaZone(value.timeZone);
  const wall = parseWallClock(value.dateTime);
  let guess = wall - (wallClockMs(wall, iana) - wall);
  guess = wall - (wallClockMs(guess, iana) - guess);
  return guess;
}

/** Graph's wire format: local wall time with seven fractional digits and no offset. */
export function fromUtcMs(instantMs: number, timeZone: string): DateTimeTimeZone {
  const wall = new Date(wallClockMs(instantMs, ianaZone(timeZone))).toISOString();
  return { dateTime: `${wall.slice(0, 19)}.0000000`, timeZone };
}

export function addDaysToWallClock(value: DateTimeTimeZone, days: number): DateTimeTimeZone {
  const wall = new Date(parseWallClock(value.dateTime) + days * 86_400_000).toISOString();
  return { dateTime: `${wall.slice(0, 19)}.0000000`, timeZone: value.timeZone };
}
