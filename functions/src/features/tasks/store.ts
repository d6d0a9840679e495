// Tasks and follow-ups with due dates, assignees and the records they concern.
import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { toTask } from './rows';

export async function getTask(db: Queryable, tenantId: string, id: string): Promise<Task | null> {
  const rows = await db.query(`SELECT * FROM tasks WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] ? toTask(rows[0]) : null;
}

export async function insertTask(
  tx: Queryable,
  tenantId: string,
  createdBy: string | null,
  input: TaskCreate & { assigneeId: string | null },
): Promise<{ task: Task; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO tasks (tenant_id, id, kind, title, description, due_date, assignee_id, account_id, contact_id, opportunity_id, interaction_id, created_by, origin)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.kind,
      input.title,
      input.description ?? null,
      input.dueDate,
      input.assigneeId,
      input.accountId ?? null,
      input.contactId ?? null,
      input.opportunityId ?? null,
      input.interactionId ?? null,
      createdBy,
      input.origin ? JSON.stringify(input.origin) : null,
    ],
  );
  const id = inserted[0]?.id ?? input.id!;
  return { task: (await getTask(tx, tenantId, id))!, created: Boolean(inserted[0]) };
}

export async function listTasks(db: Queryable, tenantId: string, query: TaskListQuery & { assigneeId?: string }) {
  const params = new SqlParams();
  const where = [`tenant_id = ${params.add(tenantId)}`];
  if (query.assigneeId) where.push(`assignee_id = ${params.add(query.assigneeId)}`);
  if (query.accountId) where.push(`account_id = ${params.add(query.accountId)}`);
  if (query.contactId) where.push(`contact_id = ${params.add(query.contactId)}`);
  if (query.opportunityId) where.push(`opportunity_id = ${params.add(query.opportunityId)}`);
  if (query.status) where.push(`status = ${params.add(query.status)}`);
  if (query.dueBefore) where.push(`due_date < ${params.add(query.dueBefore)}`);
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  if (after) where.push(`(due_date, id) > (${params.add(after[0])}::date, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(`SELECT * FROM tasks WHERE ${where.join(' AND ')} ORDER BY due_date, id LIMIT ${query.limit + 1}`, params.values);
  const page = pageFrom(rows, query.limit, (row) => [row.due_date, row.id]);
  return { items: page.rows.map(toTask), nextCursor: page.nextCursor };
}

const columns = {
  title: { column: 'title' },
  description: { column: 'description' },
  dueDate: { column: 'due_date' },
  assigneeId: { column: 'assignee_id' },
  status: { column: 'status' },
};

export async function updateTask(tx: Queryable, tenantId: string, id: string, expectedVersion: number, patch: TaskPatch): Promise<UpdateOutcome<Task>> {
  const params = new SqlParams();
  const set = setClause(patch, columns, params);
  if (patch.status) {
    set.sql = [set.sql, `completed_at = CASE WHEN ${params.add(patch.status)} = 'done' THEN COALESCE(completed_at, now()) ELSE NULL END`].join(', ');
  }
  const outcome = await updateVersioned(tx, 'tasks', tenantId, id, expectedVersion, set, params);
  if (outcome.status !== 'ok') return outcome;
  return { status: 'ok', value: (await getTask(tx, tenantId, id))!, fields: outcome.fields };
}

/**
 * Follow-ups created from an email of one of these addresses before it belonged to a contact: they now concern the
 * contact (and, when they had no account, the contact's). Returns their ids.
 */
export async function linkTasksToSender(tx: Queryable, tenantId: string, contactId: string, accountId: string | null, emails: readonly string[]) {
  const rows = await tx.query<{ id: string }>(
    `UPDATE tasks SET contact_id = $2, account_id = COALESCE(account_id, $3), version = version + 1, updated_at = now()
     WHERE tenant_id = $1 AND contact_id IS NULL AND origin IS NOT NULL AND origin->>'from' = ANY($4::text[]) RETURNING id`,
    [tenantId, contactId, accountId, emails],
  );
  return rows.map((row) => row.id);
}
