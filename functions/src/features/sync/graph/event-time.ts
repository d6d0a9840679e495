// Graph dateTimeTimeZone values to UTC instants: Graph may answer in the mailbox's Windows or IANA zone.
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** Windows zone names Outlook uses in German-speaking and neighbouring markets, to IANA. */
const WINDOWS_ZONES: Record<string, string> = {
  UTC: 'UTC',
  'Coordinated Universal Time': 'UTC',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'India Standard Time': 'Asia/Kolkata',
  'Singapore Standard Time': 'Asia/Singapore',
  'AUS Eastern Standard Time': 'Australia/Sydney',
};

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** One formatter per zone (building one costs more than using it); null for zones Intl does not know. */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  const iana = WINDOWS_ZONES[zone] ?? zone;
  if (!formatters.has(iana)) {
    try {
      formatters.set(
        iana,
        new Intl.DateTimeFormat('en-US', {
          timeZone: iana,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }),
      );
    } catch {
      formatters.set(iana, null);
    }
  }
  return formatters.get(iana)!;
}

/** Offset of a zone from UTC at an instant, in minutes. */
function offsetMinutes(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The UTC instant of a wall-clock time in a zone; unknown zones are refused rather than guessed. */
export function toUtc(value: DateTimeTimeZone): Date {
  const local = value.dateTime.replace(/Z$/, '');
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(local);
  if (!match) throw new Error(`unreadable date-time ${JSON.stringify(value.dateTime)}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  // Graph answers in UTC when asked (Prefer: outlook.timezone="UTC"), so this is the common case.
  if (value.timeZone === 'UTC' || WINDOWS_ZONES[value.timeZone] === 'UTC') return new Date(wall);
  const format = formatterFor(value.timeZone);
  if (!format) throw new Error(`unknown time zone ${JSON.stringify(value.timeZone)}`);
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetMinutes(format, wall) * 60_000;
  instant = wall - offsetMinutes(format, instant) * 60_000;
  return new Date(instant);
}
