// Stored records rendered the way Graph returns them, including @odata annotations and @removed tombstones.
import type { Mailbox, StoredContact, StoredEvent } from './model';
import { fromUtcMs, toUtcMs } from './time-zones';

/**
 * zone: the Prefer outlook.timezone the caller asked for; without it times stay in the event's own zone, so clients must
 * normalise. All-day events stay midnights in their own zone even when a zone is asked for, as Graph answers them (Learn
 * Q&A "All day events are not obeying Prefer outlook.timezone"). originalStart is left out for single instances (Learn:
 * event resource type, https://learn.microsoft.com/en-us/graph/api/resources/event).
 */
export function eventJson(stored: StoredEvent, mailbox: Mailbox, zone?: string): Record<string, unknown> {
  const e = stored.event;
  if (stored.removed) return { '@odata.type': '#microsoft.graph.event', id: e.id, '@removed': { reason: 'deleted' } };
  const { originalStart, ...rest } = e;
  const shift = zone && !e.isAllDay ? zone : undefined;
  return {
    '@odata.type': '#microsoft.graph.event',
    '@odata.etag': `W/"${e.changeKey}"`,
    ...rest,
    ...(e.type === 'occurrence' || e.type === 'exception' ? { originalStart } : {}),
    start: shift ? fromUtcMs(toUtcMs(e.start), shift) : e.start,
    end: shift ? fromUtcMs(toUtcMs(e.end), shift) : e.end,
    originalStartTimeZone: e.start.timeZone,
    originalEndTimeZone: e.end.timeZone,
    isOrganizer: e.organizer.emailAddress.address.toLowerCase() === mailbox.mail,
    showAs: e.isCancelled ? 'free' : 'busy',
    importance: 'normal',
    attendees: e.attendees.map((a) => ({ ...a, status: { response: 'none', time: '0001-01-01T00:00:00Z' } })),
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
  };
}

export function contactJson(stored: StoredContact): Record<string, unknown> {
  const c = stored.contact;
  if (stored.removed) return { '@odata.type': '#microsoft.graph.contact', id: c.id, '@removed': { reason: 'deleted' } };
  return { '@odata.type': '#microsoft.graph.contact', '@odata.etag': `W/"${c.changeKey}"`, ...c, categories: [] };
}

export function userJson(mailbox: Mailbox): Record<string, unknown> {
  return { id: mailbox.id, userPrincipalName: mailbox.userPrincipalName, mail: mailbox.mail, displayName: mailbox.displayName };
}
