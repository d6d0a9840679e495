// Cases, their history and the reads the escalation run makes; every query names the tenant except the run's scan.
import type { Case, CaseListQuery } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { iso, isoOrNull, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { SqlParams } from '../../core/db/sql-builder';
import { notOnlyAboutRestrictedSql } from '../privacy';
import { firstResponseSql } from '../interactions';

/** The case's first response by the interactions' rule: on the case's account or in its message's conversation since it opened. */
const FIRST_RESPONSE = `(${firstResponseSql({ tenant: 'c.tenant_id', accounts: '(SELECT c.account_id)', conversation: 'i.conversation_id', since: 'c.opened_at', until: 'now()' })})`;

const CASE_SELECT = `SELECT c.*, i.subject, i.type, COALESCE(c.first_response_at, ${FIRST_RESPONSE}) AS responded_at,
  COALESCE((SELECT json_agg(json_build_object('at', e.at, 'actorId', e.actor_id, 'kind', e.kind, 'from', e.from_value, 'to', e.to_value) ORDER BY e.seq)
    FROM case_events e WHERE e.tenant_id = c.tenant_id AND e.case_id = c.id), '[]'::json) AS history
  FROM cases c JOIN interactions i ON i.tenant_id = c.tenant_id AND i.id = c.interaction_id`;

const OPEN = `c.status NOT IN ('resolved', 'closed')`;

export function toCase(row: Row, now: Date): Case {
  const history = (typeof row.history === 'string' ? JSON.parse(row.history) : row.history) as Array<Record<string, unknown>>;
  const closed = row.status === 'resolved' || row.status === 'closed';
  const respondedAt = isoOrNull(row.responded_at);
  const firstResponseDue = iso(row.first_response_due);
  const resolutionDue = iso(row.resolution_due);
  return {
    ...versionedFields(row),
    interactionId: str(row, 'interaction_id'),
    subject: str(row, 'subject'),
    type: str(row, 'type') as Case['type'],
    accountId: strOrNull(row, 'account_id'),
    priority: str(row, 'priority') as Case['priority'],
    assigneeId: strOrNull(row, 'assignee_id'),
    status: str(row, 'status') as Case['status'],
    openedAt: iso(row.opened_at),
    firstResponseDue,
    resolutionDue,
    firstResponseAt: respondedAt,
    resolvedAt: isoOrNull(row.resolved_at),
    resolution: strOrNull(row, 'resolution'),
    escalationLevel: Number(row.escalation_level),
    overdue: !closed && (Date.parse(resolutionDue) <= now.getTime() || (!respondedAt && Date.parse(firstResponseDue) <= now.getTime())),
    history: history.map((e) => ({
      at: iso(e.at),
      actorId: (e.actorId as string | null) ?? null,
      kind: e.kind as Case['history'][number]['kind'],
      from: (e.from as string | null) ?? null,
      to: (e.to as string | null) ?? null,
    })),
  };
}

export async function caseInteraction(db: Queryable, tenantId: string, interactionId: string) {
  const rows = await db.query<{ type: string; occurred_at: Date; account_id: string | null }>(
    `SELECT i.type, i.occurred_at, (SELECT ia.account_id FROM interaction_accounts ia WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id ORDER BY ia.account_id LIMIT 1) AS account_id
     FROM interactions i WHERE i.tenant_id = $1 AND i.id = $2`,
    [tenantId, interactionId],
  );
  return rows[0] ?? null;
}

export async function insertCase(
  tx: Queryable,
  tenantId: string,
  c: {
    interactionId: string;
    accountId: string | null;
    priority: string;
    assigneeId: string | null;
    openedAt: Date;
    firstResponseDue: Date;
    resolutionDue: Date;
  },
  actorId: string,
): Promise<{ id: string; created: boolean }> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO cases (tenant_id, interaction_id, account_id, priority, assignee_id, opened_at, first_response_due, resolution_due)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tenant_id, interaction_id) DO NOTHING RETURNING id`,
    [
      tenantId,
      c.interactionId,
      c.accountId,
      c.priority,
      c.assigneeId,
      c.openedAt.toISOString(),
      c.firstResponseDue.toISOString(),
      c.resolutionDue.toISOString(),
    ],
  );
  if (rows[0]) {
    await addEvent(tx, tenantId, rows[0].id, actorId, 'opened', null, c.priority);
    return { id: rows[0].id, created: true };
  }
  const existing = await tx.query<{ id: string }>(`SELECT id FROM cases WHERE tenant_id = $1 AND interaction_id = $2`, [tenantId, c.interactionId]);
  return { id: existing[0]!.id, created: false };
}

export async function addEvent(tx: Queryable, tenantId: string, caseId: string, actorId: string | null, kind: string, from: string | null, to: string | null) {
  await tx.query(`INSERT INTO case_events (tenant_id, case_id, actor_id, kind, from_value, to_value) VALUES ($1, $2, $3, $4, $5, $6)`, [
    tenantId,
    caseId,
    actorId,
    kind,
    from,
    to,
  ]);
}

export async function getCaseRow(db: Queryable, tenantId: string, id: string, lock = false): Promise<Row | null> {
  if (lock) await db.query(`SELECT 1 FROM cases WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, id]);
  return (await db.query(`${CASE_SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]))[0] ?? null;
}

/** The open cases of these interactions (complaints shown in the Outlook pane). */
export async function openCaseRowsOf(db: Queryable, tenantId: string, interactionIds: readonly string[]): Promise<Row[]> {
  return db.query(`${CASE_SELECT} WHERE c.tenant_id = $1 AND c.interaction_id = ANY($2::uuid[]) AND ${OPEN}`, [tenantId, [...interactionIds]]);
}

/** Most urgent first: by the resolution due time. */
export async function listCaseRows(db: Queryable, tenantId: string, query: CaseListQuery & { assigneeId?: string }, now: Date) {
  const params = new SqlParams();
  const where = [`c.tenant_id = ${params.add(tenantId)}`];
  if (query.status) where.push(`c.status = ${params.add(query.status)}`);
  if (query.priority) where.push(`c.priority = ${params.add(query.priority)}`);
  if (query.assigneeId) where.push(`c.assignee_id = ${params.add(query.assigneeId)}`);
  if (query.accountId) where.push(`c.account_id = ${params.add(query.accountId)}`);
  if (query.overdue) {
    const at = params.add(now.toISOString());
    const overdue = `(${OPEN} AND (c.resolution_due <= ${at}::timestamptz OR (COALESCE(c.first_response_at, ${FIRST_RESPONSE}) IS NULL AND c.first_response_due <= ${at}::timestamptz)))`;
    where.push(query.overdue === 'true' ? overdue : `NOT ${overdue}`);
  }
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  if (after) where.push(`(c.resolution_due, c.id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(
    `${CASE_SELECT.replace('FROM cases c', `, to_char(c.resolution_due AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM cases c`)}
     WHERE ${where.join(' AND ')} ORDER BY c.resolution_due, c.id LIMIT ${query.limit + 1}`,
    params.values,
  );
  return pageFrom(rows, query.limit, (row) => [row.cursor_at, row.id]);
}

export async function saveCase(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  next: { priority: string; assigneeId: string | null; status: string; resolution: string | null; firstResponseDue: Date; resolutionDue: Date },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET priority = $4, assignee_id = $5, status = $6, resolution = $7, first_response_due = $8, resolution_due = $9,
       resolved_at = CASE WHEN $6 IN ('resolved', 'closed') THEN COALESCE(resolved_at, now()) ELSE NULL END,
       version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND version = $3 RETURNING id`,
    [
      tenantId,
      id,
      expectedVersion,
      next.priority,
      next.assigneeId,
      next.status,
      next.resolution,
      next.firstResponseDue.toISOString(),
      next.resolutionDue.toISOString(),
    ],
  );
  return rows.length > 0;
}

/** Open cases of every tenant that reached a due time they were not escalated for yet, with whom to tell. */
export async function casesToEscalate(db: Queryable, now: Date, limit: number) {
  return db.query<{
    tenant_id: string;
    id: string;
    interaction_id: string;
    account_id: string | null;
    assignee_id: string | null;
    owner_id: string | null;
    subject: string;
    first_response_due: Date;
    resolution_due: Date;
    responded_at: Date | null;
    escalation_level: number;
  }>(
    `SELECT c.tenant_id, c.id, c.interaction_id, c.account_id, c.assignee_id, a.owner_id, i.subject, c.first_response_due, c.resolution_due,
       COALESCE(c.first_response_at, ${FIRST_RESPONSE}) AS responded_at, c.escalation_level
     FROM cases c JOIN interactions i ON i.tenant_id = c.tenant_id AND i.id = c.interaction_id
     LEFT JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
     WHERE ${OPEN} AND c.escalation_level < 2 AND (c.resolution_due <= $1 OR (c.escalation_level < 1 AND c.first_response_due <= $1))
       -- A complaint only about restricted people waits for the restriction to be lifted (Art. 18).
       AND ${notOnlyAboutRestrictedSql('i')}
     ORDER BY c.resolution_due LIMIT $2`,
    [now.toISOString(), limit],
  );
}

/**
 * Locks a case's complaint before the case: resolving a complaint on its own locks it first and its case second (the
 * interactions' hook), so resolving a case takes the same order and the two can never deadlock.
 */
export async function lockComplaint(tx: Queryable, tenantId: string, interactionId: string): Promise<void> {
  await tx.query(`SELECT 1 FROM interactions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, interactionId]);
}

/** Raises the level only from below: a second run for the same level finds nothing to do. */
export async function raiseLevel(tx: Queryable, tenantId: string, id: string, level: number, respondedAt: Date | null): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET escalation_level = $3, first_response_at = COALESCE(first_response_at, $4), updated_at = now()
     WHERE tenant_id = $1 AND id = $2 AND escalation_level < $3 RETURNING id`,
    [tenantId, id, level, respondedAt?.toISOString() ?? null],
  );
  return rows.length > 0;
}

/** The escalation's follow-up, with an id of its own per case and level so a repeated run adds none. */
export async function insertEscalationTask(
  tx: Queryable,
  tenantId: string,
  t: { id: string; title: string; assigneeId: string | null; accountId: string | null; interactionId: string; dueDate: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO tasks (tenant_id, id, kind, title, due_date, assignee_id, account_id, interaction_id)
     VALUES ($1, $2, 'follow_up', $3, $4, $5, $6, $7) ON CONFLICT (tenant_id, id) DO NOTHING`,
    [tenantId, t.id, t.title, t.dueDate, t.assigneeId, t.accountId, t.interactionId],
  );
}
