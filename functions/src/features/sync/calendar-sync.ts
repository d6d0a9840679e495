// One page of a mailbox's calendar into meeting interactions: customers' meetings in, private and internal ones out.
import type { CalendarEvent, DeltaPage } from './ports';
import type { Queryable } from '../../core/db/db';
import { contactsByEmail, eventsUnseenSinceWindow, removeMeetings, upsertMeetings, type PageOutcome, type SyncedMeeting } from './store/synced-meetings-store';

export async function applyCalendarPage(tx: Queryable, tenantId: string, userId: string, page: DeltaPage<CalendarEvent>): Promise<PageOutcome> {
  const visible = page.items.filter((e) => !e.isPrivate);
  const contacts = await contactsByEmail(tx, tenantId, [...new Set(visible.flatMap((e) => e.participants))]);
  const meetings: SyncedMeeting[] = [];
  // Private events are never imported; one that turned private, or lost its last customer, leaves the CRM like a deleted one.
  const leaving = [...page.removed, ...page.items.filter((e) => e.isPrivate).map((e) => e.providerId)];
  for (const event of visible) {
    const contactIds = [...new Set(event.participants.map((p) => contacts.get(p)).filter((id): id is string => Boolean(id)))];
    if (contactIds.length === 0) leaving.push(event.providerId);
    else
      meetings.push({
        graphId: event.providerId,
        meetingKey: event.meetingKey,
        subject: event.subject,
        occurredAt: event.startsAt,
        cancelled: event.isCancelled,
        contactIds,
      });
  }
  const written = await upsertMeetings(tx, tenantId, userId, meetings);
  const removed = await removeMeetings(tx, tenantId, userId, leaving);
  return { ...written, removed };
}

/** After a full pass: events this mailbox linked before but did not show in the pass were deleted meanwhile. */
export async function removeUnseenMeetings(tx: Queryable, tenantId: string, userId: string): Promise<number> {
  return removeMeetings(tx, tenantId, userId, await eventsUnseenSinceWindow(tx, tenantId, userId));
}
