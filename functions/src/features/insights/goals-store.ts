// Goals as stored: a target on a team key figure, versioned for If-Match.
import type { GoalCreate, GoalListQuery, GoalMetric, GoalPatch } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { str, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';

export interface StoredGoal {
  id: string;
  etag: string;
  createdAt: string;
  updatedAt: string;
  title: string;
  description: string | null;
  metric: GoalMetric;
  startValue: number;
  targetValue: number;
  startDate: string;
  deadline: string;
  createdBy: string | null;
}

const toGoal = (row: Row): StoredGoal => ({
  ...versionedFields(row),
  title: str(row, 'title'),
  description: strOrNull(row, 'description'),
  metric: str(row, 'metric') as GoalMetric,
  startValue: Number(row.start_value),
  targetValue: Number(row.target_value),
  startDate: str(row, 'start_date'),
  deadline: str(row, 'deadline'),
  createdBy: strOrNull(row, 'created_by'),
});

export async function getGoal(db: Queryable, tenantId: string, id: string): Promise<StoredGoal | null> {
  const rows = await db.query(`SELECT * FROM goals WHERE tenant_id = $1 AND id = $2`, [tenantId, id]);
  return rows[0] ? toGoal(rows[0]) : null;
}

export async function insertGoal(tx: Queryable, tenantId: string, createdBy: string, input: GoalCreate): Promise<{ goal: StoredGoal; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO goals (tenant_id, id, title, description, metric, start_value, target_value, start_date, deadline, created_by)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.title,
      input.description ?? null,
      input.metric,
      input.startValue,
      input.targetValue,
      input.startDate,
      input.deadline,
      createdBy,
    ],
  );
  const id = inserted[0]?.id ?? input.id ?? '';
  const goal = await getGoal(tx, tenantId, id);
  if (!goal) throw new Error('the goal just written is not readable');
  return { goal, created: Boolean(inserted[0]) };
}

export async function listGoals(db: Queryable, tenantId: string, query: GoalListQuery) {
  const params = new SqlParams();
  const where = [`tenant_id = ${params.add(tenantId)}`];
  const after = decodeCursor(query.cursor, ['date', 'uuid']);
  if (after) where.push(`(deadline, id) > (${params.add(after[0])}::date, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(`SELECT * FROM goals WHERE ${where.join(' AND ')} ORDER BY deadline, id LIMIT ${query.limit + 1}`, params.values);
  const page = pageFrom(rows, query.limit, (row) => [row.deadline, row.id]);
  return { items: page.rows.map(toGoal), nextCursor: page.nextCursor };
}

const columns = {
  title: { column: 'title' },
  description: { column: 'description' },
  startValue: { column: 'start_value' },
  targetValue: { column: 'target_value' },
  startDate: { column: 'start_date' },
  deadline: { column: 'deadline' },
};

export async function updateGoal(tx: Queryable, tenantId: string, id: string, expectedVersion: number, patch: GoalPatch): Promise<UpdateOutcome<StoredGoal>> {
  const params = new SqlParams();
  const outcome = await updateVersioned(tx, 'goals', tenantId, id, expectedVersion, setClause(patch, columns, params), params);
  if (outcome.status !== 'ok') return outcome;
  const goal = await getGoal(tx, tenantId, id);
  return goal ? { status: 'ok', value: goal, fields: outcome.fields } : { status: 'missing' };
}
