// Windows time zone names as Outlook stores them, converted to and from UTC instants without extra dependencies.

const WINDOWS_TO_IANA: Record<string, string> = {
  UTC: 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Tokyo Standard Time': 'Asia/Tokyo',
};

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Throws for zones the fake does not know, so a typo in a seed fails loudly instead of silently becoming UTC. */
function ianaZone(zone: string): string {
  const known = WINDOWS_TO_IANA[zone];
  if (known) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone;
  } catch {
    throw new Error(`fake-graph: unknown time zone "${zone}"`);
  }
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
