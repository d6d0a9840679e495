// One page of a mailbox's calendar into meeting interactions: customers' meetings in, private and internal ones out.
import type { CalendarEvent, DeltaPage } from './ports';
import type { Queryable } from '../../core/db/db';
import { recordUnreadable } from './store/sync-state-store';
import {
  contactsByEmail,
  erasePrivateMeetings,
  eventsUnseenSinceWindow,
  removeMeetings,
  upsertMeetings,
  type PageOutcome,
  type SyncedMeeting,
} from './store/synced-meetings-store';

export async function applyCalendarPage(tx: Queryable, tenantId: string, userId: string, page: DeltaPage<CalendarEvent>): Promise<PageOutcome> {
  const visible = page.items.filter((e) => !e.isPrivate);
  const contacts = await contactsByEmail(tx, tenantId, [...new Set(visible.flatMap((e) => e.participants))]);
  const meetings: SyncedMeeting[] = [];
  // Deleted events, and those that lost their last customer, leave this mailbox; private ones leave the CRM altogether.
  const leaving = [...page.removed];
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
  const erased = await erasePrivateMeetings(
    tx,
    tenantId,
    userId,
    page.items.filter((e) => e.isPrivate).map((e) => ({ graphId: e.providerId, meetingKey: e.meetingKey })),
  );
  const removed = await removeMeetings(tx, tenantId, userId, leaving);
  await recordUnreadable(
    tx,
    { tenantId, userId, resource: 'calendar' },
    [...page.items.map((e) => e.providerId), ...page.removed],
    page.unreadable ?? [],
  );
  return { ...written, removed: removed + erased };
}

/** After a full pass: events inside its window that this mailbox linked before but the pass did not show were deleted meanwhile. */
export async function removeUnseenMeetings(tx: Queryable, tenantId: string, userId: string): Promise<number> {
  return removeMeetings(tx, tenantId, userId, await eventsUnseenSinceWindow(tx, tenantId, userId));
}
