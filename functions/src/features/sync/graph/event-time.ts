// Graph dateTimeTimeZone values to UTC instants. Graph may ignore Prefer: outlook.timezone and answer in the event's own
// zone, which is "any of the time zones currently supported by Windows" or an IANA name
// (Learn: dateTimeTimeZone resource type, https://learn.microsoft.com/en-us/graph/api/resources/datetimetimezone).
import { findIana } from 'windows-iana';

export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

/** A display name older Exchange data carry instead of the Windows id "UTC". */
const isUtc = (zone: string) => zone === 'UTC' || zone === 'Coordinated Universal Time';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterOf(iana: string): Intl.DateTimeFormat | null {
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

/**
 * One formatter per zone (building one costs more than using it); null for a zone neither CLDR's Windows table nor Intl
 * knows. CLDR lists the territory-neutral IANA zone first; later ones are tried for a Node whose ICU lacks it.
 */
function formatterFor(zone: string): Intl.DateTimeFormat | null {
  for (const iana of [...findIana(zone), zone]) {
    const format = formatterOf(iana);
    if (format) return format;
  }
  return null;
}

/** Offset of a zone from UTC at an instant, in minutes. */
function offsetMinutes(format: Intl.DateTimeFormat, instant: number): number {
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The wall-clock reading of a value as if it were UTC; unreadable values are refused. */
function wallClock(value: DateTimeTimeZone): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(value.dateTime.replace(/Z$/, ''));
  if (!match) throw new Error(`unreadable date-time ${JSON.stringify(value.dateTime)}`);
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
}

/** The UTC instant of a wall-clock time in a zone; unknown zones are refused rather than guessed. */
export function toUtc(value: DateTimeTimeZone): Date {
  const wall = wallClock(value);
  // Graph answers in UTC when it honours Prefer: outlook.timezone="UTC", so this is the common case.
  if (isUtc(value.timeZone)) return new Date(wall);
  const format = formatterFor(value.timeZone);
  if (!format) throw new Error(`unknown time zone ${JSON.stringify(value.timeZone)}`);
  // Two passes settle the offset across a daylight-saving change.
  let instant = wall - offsetMinutes(format, wall) * 60_000;
  instant = wall - offsetMinutes(format, instant) * 60_000;
  return new Date(instant);
}

/**
 * An all-day event is a calendar date, not an instant: Graph gives it as midnight in the event's own zone even when asked
 * for UTC. It is kept as midnight UTC of that date, as Graph itself reports all-day events in UTC, so the date does not
 * move by the organiser's offset. The zone must still be one Graph documents.
 */
export function allDayToUtc(value: DateTimeTimeZone): Date {
  if (!isUtc(value.timeZone) && !formatterFor(value.timeZone)) throw new Error(`unknown time zone ${JSON.stringify(value.timeZone)}`);
  const wall = wallClock(value);
  return new Date(wall - (wall % 86_400_000));
}
