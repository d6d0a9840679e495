// The SQL of automation: the rule document, the facts the rules need beyond the analysis, the follow-up keys that keep a
// rerun from making a follow-up twice, and the runs. Every statement filters by tenant_id, except the daily timer's
// list of tenants, which crosses them by design.
import { AutomationRun, StoredAutomationRules, type AutomationFollowUp, type AutomationRules } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { iso, isoOrNull, str, strOrNull, type Row } from '../../core/db/rows';
import { notOnlyAboutRestrictedSql } from '../privacy';
import type { OpenComplaintFacts, OpenOpportunityFacts, UnansweredFacts } from './rules';

export interface StoredRules {
  rules: AutomationRules;
  version: number;
  updatedAt: string;
}

export async function readRules(db: Queryable, tenantId: string): Promise<StoredRules | null> {
  const rows = await db.query(`SELECT rules, version, updated_at FROM automation_rules WHERE tenant_id = $1`, [tenantId]);
  const row = rows[0];
  // Parsed through the stored reading: defaults for fields saved before they existed, unknown keys dropped.
  return row ? { rules: StoredAutomationRules.parse(row.rules) as AutomationRules, version: Number(row.version), updatedAt: iso(row.updated_at) } : null;
}

/** Saves the document if its version is still the one read (0: none stored yet); false when someone else saved first. */
export async function saveRules(tx: Queryable, tenantId: string, expectedVersion: number, rules: AutomationRules, actorId: string): Promise<boolean> {
  const json = JSON.stringify(rules);
  const rows =
    expectedVersion === 0
      ? await tx.query(
          `INSERT INTO automation_rules (tenant_id, rules, updated_by) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING RETURNING 1`,
          [tenantId, json, actorId],
        )
      : await tx.query(
          `UPDATE automation_rules SET rules = $3, updated_by = $4, updated_at = now(), version = version + 1 WHERE tenant_id = $1 AND version = $2 RETURNING 1`,
          [tenantId, expectedVersion, json, actorId],
        );
  return rows.length > 0;
}

export async function isTenantUser(db: Queryable, tenantId: string, userId: string): Promise<boolean> {
  return (await db.query(`SELECT 1 FROM users WHERE tenant_id = $1 AND id = $2`, [tenantId, userId])).length > 0;
}

/** Tenants whose admin switched the daily run on. */
export async function tenantsWithDailyRun(db: Queryable): Promise<string[]> {
  const rows = await db.query(`SELECT tenant_id FROM automation_rules WHERE (rules->>'dailyRun')::boolean ORDER BY tenant_id`);
  return rows.map((row) => str(row, 'tenant_id'));
}

export async function accountOwners(db: Queryable, tenantId: string): Promise<Map<string, string | null>> {
  const rows = await db.query(`SELECT id, owner_id FROM accounts WHERE tenant_id = $1`, [tenantId]);
  return new Map(rows.map((row) => [str(row, 'id'), strOrNull(row, 'owner_id')]));
}

// Processing of a restricted person stops (Art. 18): nothing is followed up that is only about restricted people.
const NOT_ONLY_ABOUT_RESTRICTED = notOnlyAboutRestrictedSql('i');
const REAL = `j.type <> 'note' AND j.direction IS DISTINCT FROM 'internal' AND j.status IS DISTINCT FROM 'cancelled'`;

/**
 * Outbound emails and meetings that happened `days` to `days + lookbackDays` ago on an account, after which nothing
 * answered: for an email, no inbound interaction on any of its accounts; for a meeting, no real interaction at all.
 * The lookback keeps a first run from following up on years of history.
 */
export async function unansweredInteractions(db: Queryable, tenantId: string, now: Date, days: number, lookbackDays: number): Promise<UnansweredFacts[]> {
  const rows = await db.query(
    `SELECT DISTINCT ON (i.id) i.id, i.type, i.occurred_at, ia.account_id, a.name AS account_name, COALESCE(i.created_by, a.owner_id) AS assignee_id
     FROM interactions i
     JOIN interaction_accounts ia ON ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id
     JOIN accounts a ON a.tenant_id = ia.tenant_id AND a.id = ia.account_id
     WHERE i.tenant_id = $1 AND i.status IS DISTINCT FROM 'cancelled'
       AND ((i.type = 'email' AND i.direction = 'outbound') OR i.type = 'meeting')
       AND i.occurred_at <= $2::timestamptz - make_interval(days => $3) AND i.occurred_at > $2::timestamptz - make_interval(days => $3 + $4)
       AND ${NOT_ONLY_ABOUT_RESTRICTED}
       AND NOT EXISTS (
         SELECT 1 FROM interaction_accounts mine
         JOIN interaction_accounts later ON later.tenant_id = mine.tenant_id AND later.account_id = mine.account_id
         JOIN interactions j ON j.tenant_id = later.tenant_id AND j.id = later.interaction_id
         WHERE mine.tenant_id = i.tenant_id AND mine.interaction_id = i.id AND j.id <> i.id
           AND later.occurred_at > i.occurred_at AND later.occurred_at <= $2 AND ${REAL}
           AND (i.type = 'meeting' OR j.direction = 'inbound')
       )
     ORDER BY i.id, lower(a.name), a.id`,
    [tenantId, now.toISOString(), days, lookbackDays],
  );
  return rows.map((row) => ({
    interactionId: str(row, 'id'),
    type: str(row, 'type') as UnansweredFacts['type'],
    occurredAt: iso(row.occurred_at),
    accountId: str(row, 'account_id'),
    accountName: str(row, 'account_name'),
    assigneeId: strOrNull(row, 'assignee_id'),
  }));
}

export async function openOpportunities(db: Queryable, tenantId: string): Promise<OpenOpportunityFacts[]> {
  const rows = await db.query(`SELECT id, name, account_id, owner_id, stage, stage_since FROM opportunities WHERE tenant_id = $1 AND status = 'open' ORDER BY id`, [
    tenantId,
  ]);
  return rows.map((row) => ({
    id: str(row, 'id'),
    name: str(row, 'name'),
    accountId: str(row, 'account_id'),
    ownerId: strOrNull(row, 'owner_id'),
    stage: str(row, 'stage'),
    stageSince: iso(row.stage_since),
  }));
}

/** Complaints open now that were received before the cutoff, with their first account by name. */
export async function overdueComplaints(db: Queryable, tenantId: string, now: Date, days: number): Promise<Array<Omit<OpenComplaintFacts, 'ownerManagerId'>>> {
  const rows = await db.query(
    `SELECT i.id, i.occurred_at, first.account_id, COALESCE(first.name, '') AS account_name, first.owner_id
     FROM interactions i
     LEFT JOIN LATERAL (
       SELECT a.id AS account_id, a.name, a.owner_id FROM interaction_accounts ia JOIN accounts a ON a.tenant_id = ia.tenant_id AND a.id = ia.account_id
       WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id ORDER BY lower(a.name), a.id LIMIT 1
     ) first ON true
     WHERE i.tenant_id = $1 AND i.type = 'complaint' AND i.status = 'open' AND i.occurred_at < $2::timestamptz - make_interval(days => $3)
       AND ${NOT_ONLY_ABOUT_RESTRICTED}
     ORDER BY i.occurred_at, i.id`,
    [tenantId, now.toISOString(), days],
  );
  return rows.map((row) => ({
    interactionId: str(row, 'id'),
    occurredAt: iso(row.occurred_at),
    accountId: strOrNull(row, 'account_id'),
    accountName: str(row, 'account_name'),
    ownerId: strOrNull(row, 'owner_id'),
  }));
}

/** True when this run holds the key; false when a follow-up for the rule, record and period exists already. */
export async function claimFollowUp(tx: Queryable, tenantId: string, runId: string, followUp: AutomationFollowUp): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO automation_follow_ups (tenant_id, rule, record_id, period, task_id, run_id, account_id, assignee_id, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) ON CONFLICT DO NOTHING RETURNING task_id`,
    [tenantId, followUp.rule, followUp.recordId, followUp.period, followUp.taskId, runId, followUp.accountId, followUp.assigneeId, JSON.stringify(followUp.reason)],
  );
  return rows.length > 0;
}

export interface StoredFollowUp extends AutomationFollowUp {
  snoozedUntil: string | null;
  snoozeReason: string | null;
  snoozedBy: string | null;
}

const toFollowUp = (row: Row): StoredFollowUp => ({
  taskId: str(row, 'task_id'),
  rule: str(row, 'rule') as AutomationFollowUp['rule'],
  recordId: str(row, 'record_id'),
  period: str(row, 'period'),
  assigneeId: strOrNull(row, 'assignee_id'),
  accountId: strOrNull(row, 'account_id'),
  reason: row.reason as AutomationFollowUp['reason'],
  snoozedUntil: row.snoozed_until === null || row.snoozed_until === undefined ? null : str(row, 'snoozed_until'),
  snoozeReason: strOrNull(row, 'snooze_reason'),
  snoozedBy: strOrNull(row, 'snoozed_by'),
});

export async function followUpOfTask(db: Queryable, tenantId: string, taskId: string): Promise<StoredFollowUp | null> {
  const rows = await db.query(`SELECT *, to_char(snoozed_until, 'YYYY-MM-DD') AS snoozed_until FROM automation_follow_ups WHERE tenant_id = $1 AND task_id = $2`, [
    tenantId,
    taskId,
  ]);
  return rows[0] ? toFollowUp(rows[0]) : null;
}

/** Which of these tasks a rule made, and which rule: one probe of automation_follow_ups by its tenant and task. */
export async function rulesOfTasks(db: Queryable, tenantId: string, taskIds: readonly string[]): Promise<Map<string, AutomationFollowUp['rule']>> {
  if (taskIds.length === 0) return new Map();
  const rows = await db.query(`SELECT task_id, rule FROM automation_follow_ups WHERE tenant_id = $1 AND task_id = ANY($2::uuid[])`, [tenantId, [...taskIds]]);
  return new Map(rows.map((row) => [str(row, 'task_id'), str(row, 'rule') as AutomationFollowUp['rule']]));
}

export async function snoozeFollowUp(tx: Queryable, tenantId: string, taskId: string, until: string, reason: string, userId: string): Promise<void> {
  await tx.query(`UPDATE automation_follow_ups SET snoozed_until = $3, snooze_reason = $4, snoozed_by = $5 WHERE tenant_id = $1 AND task_id = $2`, [
    tenantId,
    taskId,
    until,
    reason,
    userId,
  ]);
}

export async function insertRun(db: Queryable, tenantId: string, run: AutomationRun): Promise<void> {
  await db.query(`INSERT INTO automation_runs (tenant_id, id, trigger, created_by, started_at, finished_at, rules) VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`, [
    tenantId,
    run.id,
    run.trigger,
    run.createdBy,
    run.startedAt,
    run.finishedAt,
    JSON.stringify(run.rules),
  ]);
}

/** Newest first. */
export async function listRuns(db: Queryable, tenantId: string, query: { limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const rows = await db.query(
    `SELECT id, trigger, created_by, started_at, finished_at, rules, to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS started_key
     FROM automation_runs WHERE tenant_id = $1 AND ($2::timestamptz IS NULL OR (started_at, id) < ($2::timestamptz, $3::uuid))
     ORDER BY started_at DESC, id DESC LIMIT ${query.limit + 1}`,
    [tenantId, after?.[0] ?? null, after?.[1] ?? null],
  );
  const page = pageFrom(rows, query.limit, (row) => [row.started_key, row.id]);
  return {
    items: page.rows.map((row) =>
      AutomationRun.parse({
        id: str(row, 'id'),
        trigger: str(row, 'trigger'),
        createdBy: strOrNull(row, 'created_by'),
        startedAt: iso(row.started_at),
        finishedAt: isoOrNull(row.finished_at),
        rules: row.rules,
      }),
    ),
    nextCursor: page.nextCursor,
  };
}
