// Calendar reads: calendarView delta over a window, events reduced to what a meeting interaction needs, times in UTC.
import type { CalendarEvent, DeltaPage, UnreadableItem } from '../ports';
import { allDayToUtc, toUtc, type DateTimeTimeZone } from './event-time';
import type { GraphApi } from './graph-api';
import { readDeltaPage } from './delta-pages';
import { classifyGraphError } from './graph-errors';

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
  isAllDay?: boolean;
  type?: string;
  originalStart?: string;
  bodyPreview?: string;
}

/**
 * The first request of a full pass. No $select: calendarView delta does not support it (Learn: "Get incremental changes
 * to events in a calendar view", https://learn.microsoft.com/en-us/graph/delta-query-events), so Graph answers whole events.
 */
export const calendarDeltaStart = (mailbox: string, from: Date, to: Date) =>
  `/users/${encodeURIComponent(mailbox)}/calendarView/delta?startDateTime=${from.toISOString()}&endDateTime=${to.toISOString()}`;

/** Exchange prefixes cancelled meetings' subjects; the timeline shows the status instead. */
const CANCELLED_PREFIX = /^\s*(?:canceled|cancelled|abgesagt|annulé)\s*:\s*/i;

export function toCalendarEvent(raw: RawEvent): CalendarEvent {
  const time = raw.isAllDay ? allDayToUtc : toUtc;
  const startsAt = time(raw.start);
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
    endsAt: time(raw.end),
    participants: [...new Set(emails)],
    isPrivate: raw.sensitivity === 'private' || raw.sensitivity === 'confidential',
    isCancelled: raw.isCancelled === true,
  };
}

/** The mailbox segment of a delta link, as Graph's links keep the path they were made for (/users/{id}/calendarView/delta). */
const mailboxOf = (url: string): string | null => /\/users\/([^/?]+)\/calendarView\/delta/.exec(url)?.[1] ?? null;

/**
 * A removed entry of a delta is only an id and an @removed object (Learn: "Use delta query to track changes",
 * https://learn.microsoft.com/en-us/graph/delta-query-overview), and an event that moved out of the calendarView's range
 * has left the view as much as a deleted one. Only a deleted one is gone: one that still exists comes back as an item with
 * its new time, so a meeting moved far ahead is moved, not cancelled.
 */
async function stillThere(api: GraphApi, tenantId: string, mailbox: string | null, id: string): Promise<RawEvent | null> {
  if (!mailbox) return null;
  try {
    return await api.get<RawEvent>(tenantId, `/users/${mailbox}/events/${encodeURIComponent(id)}`, { Prefer: 'outlook.timezone="UTC"' });
  } catch (error) {
    if (classifyGraphError(error).kind === 'not_found') return null;
    throw error;
  }
}

export async function readCalendarPage(api: GraphApi, tenantId: string, url: string, pageSize: number): Promise<DeltaPage<CalendarEvent>> {
  const page = await readDeltaPage<RawEvent>(api, tenantId, url, pageSize);
  const mailbox = mailboxOf(url);
  const removed: string[] = [];
  const raws = [...page.items];
  // Side by side: the mailbox limiter keeps them to four at a time.
  const checked = await Promise.all(page.removed.map(async (id) => ({ id, current: await stillThere(api, tenantId, mailbox, id) })));
  for (const { id, current } of checked) {
    if (current) raws.push(current);
    else removed.push(id);
  }
  const items: CalendarEvent[] = [];
  const unreadable: UnreadableItem[] = [];
  // A series master only describes the pattern; its occurrences arrive as their own entries.
  for (const raw of raws.filter((e) => e.type !== 'seriesMaster')) {
    try {
      items.push(toCalendarEvent(raw));
    } catch (error) {
      // One unreadable event must not stop the mailbox, and must not vanish unnoticed: the status lists it.
      unreadable.push({ providerId: raw.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { ...page, items, removed, unreadable };
}
