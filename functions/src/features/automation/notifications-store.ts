// The SQL of activity feed notifications: queued with the follow-up, claimed by the sending timer across tenants (like
// the webhook worker), then settled per tenant; and each user's switch.
import type { Queryable } from '../../core/db/db';
import { iso, str, strOrNull } from '../../core/db/rows';

export async function queueNotification(tx: Queryable, tenantId: string, taskId: string, userId: string, activityType: string): Promise<void> {
  await tx.query(`INSERT INTO activity_notifications (tenant_id, task_id, user_id, activity_type) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`, [
    tenantId,
    taskId,
    userId,
    activityType,
  ]);
}

/**
 * Queues a notification for each open follow-up that fell due before `cutoff` (a day) and no rule made (those were
 * notified when made), once per follow-up and assignee. Only those due in the week before: an upgrade or a long outage
 * does not flood the feed with follow-ups overdue for months. A follow-up about a restricted person (Art. 18) is left
 * out, as the rules leave it out. Across tenants, like the sender that claims them.
 */
export async function queueOverdueFollowUps(db: Queryable, cutoff: string, activityType: string): Promise<number> {
  const rows = await db.query(
    `INSERT INTO activity_notifications (tenant_id, task_id, user_id, activity_type)
     SELECT t.tenant_id, t.id, t.assignee_id, $2 FROM tasks t
     WHERE t.status = 'open' AND t.kind = 'follow_up' AND t.assignee_id IS NOT NULL
       AND t.due_date < $1::date AND t.due_date >= $1::date - 7
       AND NOT EXISTS (SELECT 1 FROM automation_follow_ups f WHERE f.tenant_id = t.tenant_id AND f.task_id = t.id)
       AND (t.contact_id IS NULL OR NOT EXISTS (
         SELECT 1 FROM contact_restrictions r WHERE r.tenant_id = t.tenant_id AND r.contact_id = t.contact_id AND r.lifted_at IS NULL))
     ON CONFLICT DO NOTHING
     RETURNING id`,
    [cutoff, activityType],
  );
  return rows.length;
}

export interface ClaimedNotification {
  tenantId: string;
  id: string;
  activityType: string;
  attempts: number;
  createdAt: string;
  userObjectId: string;
  /** Null when the user never switched; then they get notifications. */
  activityFeed: boolean | null;
  taskTitle: string | null;
  taskStatus: string | null;
  accountId: string | null;
  reason: { de: string; en: string } | null;
  rule: string | null;
  subject: string | null;
  /** The task's due date (YYYY-MM-DD). */
  dueDate: string | null;
}

/** Claims due notifications for the lease, so a second worker skips them; the oldest first. */
export async function claimDue(db: Queryable, limit: number, leaseSeconds: number): Promise<ClaimedNotification[]> {
  const rows = await db.query(
    `WITH due AS (
       SELECT tenant_id, id FROM activity_notifications WHERE status = 'pending' AND next_attempt_at <= now()
       ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
     ), claimed AS (
       UPDATE activity_notifications n SET next_attempt_at = now() + make_interval(secs => $2), updated_at = now()
       FROM due WHERE n.tenant_id = due.tenant_id AND n.id = due.id
       RETURNING n.tenant_id, n.id, n.task_id, n.user_id, n.activity_type, n.attempts, n.created_at
     )
     SELECT c.*, u.entra_oid, s.activity_feed, t.title, t.status AS task_status, t.account_id, t.due_date::text AS due_date, f.reason, f.rule, a.name AS account_name
     FROM claimed c
     JOIN users u ON u.tenant_id = c.tenant_id AND u.id = c.user_id
     LEFT JOIN user_notification_settings s ON s.tenant_id = c.tenant_id AND s.user_id = c.user_id
     LEFT JOIN tasks t ON t.tenant_id = c.tenant_id AND t.id = c.task_id
     LEFT JOIN automation_follow_ups f ON f.tenant_id = c.tenant_id AND f.task_id = c.task_id
     LEFT JOIN accounts a ON a.tenant_id = t.tenant_id AND a.id = t.account_id
     ORDER BY c.tenant_id, c.created_at`,
    [limit, leaseSeconds],
  );
  return rows.map((row) => ({
    tenantId: str(row, 'tenant_id'),
    id: str(row, 'id'),
    activityType: str(row, 'activity_type'),
    attempts: Number(row.attempts),
    createdAt: iso(row.created_at),
    userObjectId: str(row, 'entra_oid'),
    activityFeed: row.activity_feed === null || row.activity_feed === undefined ? null : Boolean(row.activity_feed),
    taskTitle: strOrNull(row, 'title'),
    taskStatus: strOrNull(row, 'task_status'),
    accountId: strOrNull(row, 'account_id'),
    reason: (row.reason as ClaimedNotification['reason'] | undefined) ?? null,
    rule: strOrNull(row, 'rule'),
    subject: strOrNull(row, 'account_name'),
    dueDate: strOrNull(row, 'due_date'),
  }));
}

export type Settlement =
  | { status: 'sent' }
  | { status: 'skipped' | 'failed'; error: string }
  | { status: 'retry'; error: string; afterSeconds: number };

export async function settle(db: Queryable, tenantId: string, id: string, outcome: Settlement): Promise<void> {
  if (outcome.status === 'retry') {
    await db.query(
      `UPDATE activity_notifications SET attempts = attempts + 1, last_error = $3, next_attempt_at = now() + make_interval(secs => $4), updated_at = now()
       WHERE tenant_id = $1 AND id = $2`,
      [tenantId, id, outcome.error, outcome.afterSeconds],
    );
    return;
  }
  await db.query(
    `UPDATE activity_notifications SET status = $3, attempts = attempts + CASE WHEN $3 = 'skipped' THEN 0 ELSE 1 END, last_error = $4,
       sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE NULL END, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, id, outcome.status, outcome.status === 'sent' ? null : outcome.error],
  );
}

export async function notificationCounts(db: Queryable, tenantId: string): Promise<Map<string, number>> {
  const rows = await db.query(`SELECT status, count(*)::int AS n FROM activity_notifications WHERE tenant_id = $1 GROUP BY status`, [tenantId]);
  return new Map(rows.map((row) => [str(row, 'status'), Number(row.n)]));
}

export async function latestFailures(db: Queryable, tenantId: string, limit: number) {
  const rows = await db.query(
    `SELECT task_id, user_id, activity_type, attempts, last_error, updated_at FROM activity_notifications
     WHERE tenant_id = $1 AND status = 'failed' ORDER BY updated_at DESC, id LIMIT $2`,
    [tenantId, limit],
  );
  return rows.map((row) => ({
    taskId: str(row, 'task_id'),
    userId: str(row, 'user_id'),
    activityType: str(row, 'activity_type'),
    attempts: Number(row.attempts),
    error: strOrNull(row, 'last_error'),
    at: iso(row.updated_at),
  }));
}

export async function readSwitch(db: Queryable, tenantId: string, userId: string): Promise<boolean> {
  const rows = await db.query(`SELECT activity_feed FROM user_notification_settings WHERE tenant_id = $1 AND user_id = $2`, [tenantId, userId]);
  return rows[0] ? Boolean(rows[0].activity_feed) : true;
}

export async function writeSwitch(db: Queryable, tenantId: string, userId: string, activityFeed: boolean): Promise<void> {
  await db.query(
    `INSERT INTO user_notification_settings (tenant_id, user_id, activity_feed) VALUES ($1, $2, $3)
     ON CONFLICT (tenant_id, user_id) DO UPDATE SET activity_feed = EXCLUDED.activity_feed, updated_at = now()`,
    [tenantId, userId, activityFeed],
  );
}
