// Meetings from mailbox calendars, a page at a time: one interaction per meeting key, linked to every mailbox that has it.
import type { Queryable } from '../../../core/db/db';

export interface SyncedMeeting {
  graphId: string;
  meetingKey: string;
  subject: string;
  occurredAt: Date;
  cancelled: boolean;
  contactIds: string[];
}

export interface PageOutcome {
  created: number;
  updated: number;
  removed: number;
}

const INPUT = `input AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(key text, graph_id text, subject text, occurred_at timestamptz, cancelled boolean, contact_ids uuid[]))`;

/**
 * Writes one page of meetings for one mailbox in set-based statements (a page is up to a few hundred
 * events). Natural keys make every statement safe to repeat: a page replayed after a crash changes nothing.
 */
export async function upsertMeetings(
  tx: Queryable,
  tenantId: string,
  userId: string,
  meetings: readonly SyncedMeeting[],
): Promise<Omit<PageOutcome, 'removed'>> {
  if (meetings.length === 0) return { created: 0, updated: 0 };
  // The same meeting can appear twice in one page (an update after a create); the last one is current.
  const byKey = new Map(meetings.map((m) => [m.meetingKey, m]));
  const input = JSON.stringify(
    [...byKey.values()].map((m) => ({
      key: m.meetingKey,
      graph_id: m.graphId,
      subject: m.subject,
      occurred_at: m.occurredAt.toISOString(),
      cancelled: m.cancelled,
      contact_ids: m.contactIds,
    })),
  );
  const params = [tenantId, input, userId];
  // Inserting in key order makes every writer take its row locks in the same order, so two mailboxes'
  // pages with the same meetings wait for each other instead of deadlocking (the runner retries the rest).
  const inserted = await tx.query<{ id: string }>(
    `WITH ${INPUT}
     INSERT INTO interactions (tenant_id, type, occurred_at, subject, source, ical_uid, status, created_by)
     SELECT $1, 'meeting', occurred_at, subject, 'graph-sync', key, CASE WHEN cancelled THEN 'cancelled' END, $3 FROM input ORDER BY key
     ON CONFLICT DO NOTHING RETURNING id`,
    params,
  );
  const updated = await tx.query<{ id: string }>(
    `WITH ${INPUT}
     UPDATE interactions i SET subject = x.subject, occurred_at = x.occurred_at,
       status = CASE WHEN x.cancelled THEN 'cancelled' WHEN i.status = 'cancelled' THEN NULL ELSE i.status END,
       version = i.version + 1, updated_at = now()
     FROM input x
     WHERE i.tenant_id = $1 AND i.ical_uid = x.key AND $3::uuid IS NOT NULL
       AND (i.subject <> x.subject OR i.occurred_at <> x.occurred_at OR (x.cancelled <> (i.status IS NOT DISTINCT FROM 'cancelled')))
     RETURNING i.id`,
    params,
  );
  // Everything else in one statement: it runs after the two above, so its snapshot has every meeting of the page.
  await tx.query(
    `WITH ${INPUT},
     meetings AS (
       SELECT i.id, i.occurred_at, i.type, x.graph_id, x.contact_ids FROM input x JOIN interactions i ON i.tenant_id = $1 AND i.ical_uid = x.key),
     contact_links AS (
       INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
       SELECT $1, m.id, c, m.occurred_at FROM meetings m, unnest(m.contact_ids) AS c ON CONFLICT DO NOTHING),
     account_links AS (
       INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type, is_open)
       SELECT DISTINCT $1::uuid, m.id, ct.account_id, m.occurred_at, m.type, false
       FROM meetings m JOIN contacts ct ON ct.tenant_id = $1 AND ct.id = ANY(m.contact_ids) AND ct.account_id IS NOT NULL
       ON CONFLICT DO NOTHING),
     -- Moved meetings move on every timeline they are already on.
     moved_on_accounts AS (
       UPDATE interaction_accounts ia SET occurred_at = m.occurred_at FROM meetings m
       WHERE m.id = ANY($4::uuid[]) AND ia.tenant_id = $1 AND ia.interaction_id = m.id),
     moved_on_contacts AS (
       UPDATE interaction_contacts ic SET occurred_at = m.occurred_at FROM meetings m
       WHERE m.id = ANY($4::uuid[]) AND ic.tenant_id = $1 AND ic.interaction_id = m.id),
     loggers AS (
       INSERT INTO interaction_loggers (tenant_id, interaction_id, user_id) SELECT $1, m.id, $3 FROM meetings m ON CONFLICT DO NOTHING),
     items AS (
       INSERT INTO graph_items (tenant_id, user_id, kind, graph_id, record_id) SELECT $1, $3, 'event', m.graph_id, m.id FROM meetings m
       ON CONFLICT (tenant_id, user_id, kind, graph_id) DO UPDATE SET record_id = EXCLUDED.record_id, synced_at = now()),
     audit AS (
       INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields)
       SELECT $1, $3, 'sync', 'interaction', id, '{}' FROM unnest($5::uuid[]) AS id)
     SELECT 1`,
    [...params, updated.map((r) => r.id), [...inserted, ...updated].map((r) => r.id)],
  );
  return { created: inserted.length, updated: updated.length };
}

/**
 * A mailbox no longer shows these events (deleted, turned private, no customer left on them): the
 * mailbox's link goes, and a synced meeting no mailbox shows any more is marked cancelled.
 */
export async function removeMeetings(tx: Queryable, tenantId: string, userId: string, graphIds: readonly string[]): Promise<number> {
  if (graphIds.length === 0) return 0;
  const gone = await tx.query<{ record_id: string }>(
    `DELETE FROM graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = 'event' AND graph_id = ANY($3::text[]) RETURNING record_id`,
    [tenantId, userId, [...graphIds]],
  );
  if (gone.length === 0) return 0;
  const ids = [...new Set(gone.map((r) => r.record_id))];
  await tx.query(
    `DELETE FROM interaction_loggers l USING interactions i
     WHERE l.tenant_id = $1 AND l.user_id = $2 AND l.interaction_id = ANY($3::uuid[]) AND i.tenant_id = $1 AND i.id = l.interaction_id AND i.source = 'graph-sync'`,
    [tenantId, userId, ids],
  );
  const cancelled = await tx.query<{ id: string }>(
    `UPDATE interactions i SET status = 'cancelled', version = version + 1, updated_at = now()
     WHERE i.tenant_id = $1 AND i.id = ANY($2::uuid[]) AND i.type = 'meeting' AND i.status IS DISTINCT FROM 'cancelled'
       AND NOT EXISTS (SELECT 1 FROM graph_items g WHERE g.tenant_id = $1 AND g.kind = 'event' AND g.record_id = i.id)
     RETURNING i.id`,
    [tenantId, ids],
  );
  if (cancelled.length > 0) {
    await tx.query(
      `INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields)
       SELECT $1, $2, 'sync', 'interaction', id, '{status}' FROM unnest($3::uuid[]) AS id`,
      [tenantId, userId, cancelled.map((r) => r.id)],
    );
  }
  return cancelled.length;
}

/** Contacts by any of their email addresses, for matching attendees (lower-case, trimmed). */
export async function contactsByEmail(db: Queryable, tenantId: string, emails: readonly string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db.query<{ email: string; contact_id: string }>(
    `SELECT email, contact_id FROM contact_emails WHERE tenant_id = $1 AND email = ANY($2::text[])`,
    [tenantId, [...emails]],
  );
  return new Map(rows.map((r) => [r.email, r.contact_id]));
}

/**
 * Graph ids of events a mailbox linked before its current full pass started, that the pass has not refreshed, and whose
 * meeting lies inside the pass's window: only those were deleted meanwhile. A meeting before the window (it aged out as
 * the window moved) or after it is simply not part of the view any more and stays as it was; so does an event the pass
 * could not read.
 */
export async function eventsUnseenSinceWindow(db: Queryable, tenantId: string, userId: string): Promise<string[]> {
  const rows = await db.query<{ graph_id: string }>(
    `SELECT g.graph_id FROM graph_items g
     JOIN mailbox_sync s ON s.tenant_id = g.tenant_id AND s.user_id = g.user_id AND s.resource = 'calendar'
     JOIN interactions i ON i.tenant_id = g.tenant_id AND i.id = g.record_id
     WHERE g.tenant_id = $1 AND g.user_id = $2 AND g.kind = 'event' AND g.synced_at < s.window_started_at
       AND i.occurred_at >= s.window_from AND i.occurred_at < s.window_to AND NOT (s.unreadable ? g.graph_id)`,
    [tenantId, userId],
  );
  return rows.map((r) => r.graph_id);
}

/**
 * Events that turned private (or confidential) in this mailbox leave the CRM: the mailbox's link and logger go, and a
 * synced meeting no other mailbox shows is deleted with its timeline links, subject and summary. The audit entry names
 * the reason field only, never the content. A meeting another mailbox still shows as a normal event stays, as theirs.
 * Meetings are also found by their key, so one an earlier version only unlinked and marked cancelled is erased too.
 */
export async function erasePrivateMeetings(
  tx: Queryable,
  tenantId: string,
  userId: string,
  events: readonly { graphId: string; meetingKey: string }[],
): Promise<number> {
  if (events.length === 0) return 0;
  const unlinked = await tx.query<{ record_id: string }>(
    `DELETE FROM graph_items WHERE tenant_id = $1 AND user_id = $2 AND kind = 'event' AND graph_id = ANY($3::text[]) RETURNING record_id`,
    [tenantId, userId, events.map((e) => e.graphId)],
  );
  const byKey = await tx.query<{ id: string }>(
    `SELECT id FROM interactions WHERE tenant_id = $1 AND ical_uid = ANY($2::text[]) AND type = 'meeting' AND source = 'graph-sync'`,
    [tenantId, events.map((e) => e.meetingKey)],
  );
  const ids = [...new Set([...unlinked.map((r) => r.record_id), ...byKey.map((r) => r.id)])];
  if (ids.length === 0) return 0;
  await tx.query(`DELETE FROM interaction_loggers WHERE tenant_id = $1 AND user_id = $2 AND interaction_id = ANY($3::uuid[])`, [tenantId, userId, ids]);
  // Timeline, contact, opportunity and logger rows go with the interaction (ON DELETE CASCADE); tasks keep their own text.
  const erased = await tx.query<{ id: string }>(
    `DELETE FROM interactions i
     WHERE i.tenant_id = $1 AND i.id = ANY($2::uuid[]) AND i.type = 'meeting' AND i.source = 'graph-sync'
       AND NOT EXISTS (SELECT 1 FROM graph_items g WHERE g.tenant_id = $1 AND g.kind = 'event' AND g.record_id = i.id)
     RETURNING i.id`,
    [tenantId, ids],
  );
  if (erased.length > 0) {
    await tx.query(
      `INSERT INTO audit_log (tenant_id, actor_id, action, entity, entity_id, changed_fields)
       SELECT $1, $2, 'delete', 'interaction', id, '{sensitivity}' FROM unnest($3::uuid[]) AS id`,
      [tenantId, userId, erased.map((r) => r.id)],
    );
  }
  return erased.length;
}
