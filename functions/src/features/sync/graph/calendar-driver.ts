// Calendar reads: calendarView delta over a window, events reduced to what a meeting interaction needs, times in UTC.
import type { CalendarEvent, DeltaPage } from '../ports';
import { toUtc, type DateTimeTimeZone } from './event-time';
import type { GraphApi } from './graph-api';
import { readDeltaPage } from './delta-pages';

interface EmailAddress {
  address?: string;
  name?: string;
}

export interface RawEvent {
  id: string;
  iCalUId?: string;
  subject?: string;
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  organizer?: { emailAddress?: EmailAddress };
  attendees?: { emailAddress?: EmailAddress }[];
  sensitivity?: string;
  isCancelled?: boolean;
  type?: string;
  originalStart?: string;
  bodyPreview?: string;
}

const SELECT = 'id,iCalUId,subject,start,end,organizer,attendees,sensitivity,isCancelled,type,originalStart';

export const calendarDeltaStart = (mailbox: string, from: Date, to: Date) =>
  `/users/${encodeURIComponent(mailbox)}/calendarView/delta?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}&$select=${SELECT}`;

/** Exchange prefixes cancelled meetings' subjects; the timeline shows the status instead. */
const CANCELLED_PREFIX = /^\s*(?:canceled|cancelled|abgesagt|annulé)\s*:\s*/i;

export function toCalendarEvent(raw: RawEvent): CalendarEvent {
  const startsAt = toUtc(raw.start);
  const emails = [raw.organizer?.emailAddress?.address, ...(raw.attendees ?? []).map((a) => a.emailAddress?.address)]
    .filter((a): a is string => Boolean(a))
    .map((a) => a.trim().toLowerCase());
  const iCalUId = raw.iCalUId ?? raw.id;
  // Graph gives each occurrence its own iCalUId, but older data repeat the series' one; the original start keeps them apart.
  const isInstance = raw.type === 'occurrence' || raw.type === 'exception';
  const occurrence = isInstance ? `#${raw.originalStart ? new Date(raw.originalStart).toISOString() : startsAt.toISOString()}` : '';
  return {
    providerId: raw.id,
    meetingKey: `${iCalUId}${occurrence}`,
    subject: (raw.isCancelled ? (raw.subject ?? '').replace(CANCELLED_PREFIX, '') : (raw.subject ?? '')).slice(0, 1000),
    startsAt,
    endsAt: toUtc(raw.end),
    participants: [...new Set(emails)],
    isPrivate: raw.sensitivity === 'private' || raw.sensitivity === 'confidential',
    isCancelled: raw.isCancelled === true,
  };
}

export async function readCalendarPage(api: GraphApi, tenantId: string, url: string, pageSize: number): Promise<DeltaPage<CalendarEvent>> {
  const page = await readDeltaPage<RawEvent>(api, tenantId, url, pageSize);
  const items: CalendarEvent[] = [];
  // A series master only describes the pattern; its occurrences arrive as their own entries.
  for (const raw of page.items.filter((e) => e.type !== 'seriesMaster')) {
    try {
      items.push(toCalendarEvent(raw));
    } catch (error) {
      // One unreadable event (a zone no one knows, despite Prefer: outlook.timezone="UTC") must not stop the mailbox.
      console.warn(`calendar sync: skipped event ${raw.id}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { ...page, items };
}
