// Stored records rendered the way Graph returns them, including @odata annotations and @removed tombstones.
import type { Mailbox, StoredContact, StoredEvent } from './model';
import { fromUtcMs, toUtcMs } from './time-zones';

/** zone: the Prefer outlook.timezone the caller asked for; without it times stay in the event's own zone, so clients must normalise. */
export function eventJson(stored: StoredEvent, mailbox: Mailbox, zone?: string): Record<string, unknown> {
  const e = stored.event;
  if (stored.removed) return { '@odata.type': '#microsoft.graph.event', id: e.id, '@removed': { reason: 'deleted' } };
  return {
    '@odata.type': '#microsoft.graph.event',
    '@odata.etag': `W/"${e.changeKey}"`,
    ...e,
    start: zone ? fromUtcMs(toUtcMs(e.start), zone) : e.start,
    end: zone ? fromUtcMs(toUtcMs(e.end), zone) : e.end,
    originalStartTimeZone: e.start.timeZone,
    originalEndTimeZone: e.end.timeZone,
    isAllDay: false,
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
