// The SQL of revenue lists: the periods the CRM has for the list's accounts, the commit's set-wise write of
// account_revenue (source 'import') and the undo's read and restore. Every statement filters by tenant_id.
import type { Queryable } from '../../core/db/db';
import { periodKey, type StoredPeriod } from './revenue-rows';

const REVENUE_COLUMNS = `id, account_id, period_kind, to_char(period_start, 'YYYY-MM-DD') AS period_start, revenue::text AS revenue, cost::text AS cost,
  source, import_id`;

export interface RevenueRow {
  id: string;
  account_id: string;
  period_kind: 'year' | 'month';
  period_start: string;
  revenue: string;
  cost: string | null;
  source: string;
  import_id: string | null;
}

const keyOf = (row: RevenueRow) => periodKey(row.account_id, { kind: row.period_kind, start: row.period_start });

/** The periods stored for these accounts, by account and period. */
export async function storedPeriods(db: Queryable, tenantId: string, accountIds: readonly string[]): Promise<Map<string, StoredPeriod>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db.query<RevenueRow>(`SELECT ${REVENUE_COLUMNS} FROM account_revenue WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`, [
    tenantId,
    accountIds,
  ]);
  return new Map(rows.map((row) => [keyOf(row), { id: row.id, revenue: row.revenue, cost: row.cost }]));
}

export interface RevenueWrite {
  row: number;
  accountId: string;
  periodKind: 'year' | 'month';
  periodStart: string;
  revenue: string;
  cost: string | null;
}

/** The periods a batch writes as they are now, locked until the batch's transaction ends. */
export async function lockPeriods(tx: Queryable, tenantId: string, writes: readonly RevenueWrite[]): Promise<Map<string, RevenueRow>> {
  if (writes.length === 0) return new Map();
  const rows = await tx.query<RevenueRow>(
    `SELECT ${REVENUE_COLUMNS} FROM account_revenue r
     WHERE tenant_id = $1 AND (account_id, period_kind, period_start) IN (SELECT * FROM unnest($2::uuid[], $3::text[], $4::date[]))
     FOR UPDATE`,
    [tenantId, writes.map((w) => w.accountId), writes.map((w) => w.periodKind), writes.map((w) => w.periodStart)],
  );
  return new Map(rows.map((row) => [keyOf(row), row]));
}

/**
 * Writes the periods in one statement: new ones are inserted, stored ones take the list's revenue and, where the list
 * has one, its cost. A row whose account was deleted since the preview is left out; the answer names the rows written.
 */
export async function upsertRevenue(tx: Queryable, tenantId: string, importId: string, writes: readonly RevenueWrite[]) {
  if (writes.length === 0) return new Map<number, string>();
  const rows = await tx.query<{ row_number: number; id: string }>(
    `WITH input AS (
       SELECT * FROM jsonb_to_recordset($3::jsonb) AS t(row_number int, account_id uuid, period_kind text, period_start date, revenue numeric, cost numeric)
     ), written AS (
       INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, cost, source, import_id)
       SELECT $1, i.account_id, i.period_kind, i.period_start, i.revenue, i.cost, 'import', $2
       FROM input i JOIN accounts a ON a.tenant_id = $1 AND a.id = i.account_id
       ON CONFLICT (tenant_id, account_id, period_kind, period_start) DO UPDATE SET
         revenue = EXCLUDED.revenue, cost = COALESCE(EXCLUDED.cost, account_revenue.cost), source = 'import', import_id = $2, updated_at = now()
       RETURNING id, account_id, period_kind, period_start
     )
     SELECT i.row_number, w.id FROM written w JOIN input i ON i.account_id = w.account_id AND i.period_kind = w.period_kind AND i.period_start = w.period_start`,
    [
      tenantId,
      importId,
      JSON.stringify(
        writes.map((w) => ({
          row_number: w.row,
          account_id: w.accountId,
          period_kind: w.periodKind,
          period_start: w.periodStart,
          revenue: w.revenue,
          cost: w.cost,
        })),
      ),
    ],
  );
  return new Map(rows.map((row) => [row.row_number, row.id]));
}

export interface RevenueUndoState {
  id: string;
  row_number: number;
  change: 'created' | 'updated';
  before: { prior: Pick<RevenueRow, 'revenue' | 'cost' | 'source' | 'import_id'> | null } | null;
  gone: boolean;
  /** Written since by someone else (another import), or the figures differ from what this import wrote. */
  changed: boolean;
}

/** The periods the import wrote, as they are now (the undo holds the import's row locked). */
export async function revenueUndoState(tx: Queryable, tenantId: string, importId: string): Promise<RevenueUndoState[]> {
  return tx.query<RevenueUndoState>(
    `SELECT x.entity_id AS id, x.row_number, x.change, x.before, r.id IS NULL AS gone,
       (r.id IS NOT NULL AND (r.import_id IS DISTINCT FROM $2::uuid OR r.revenue <> (x.before -> 'wrote' ->> 'revenue')::numeric
         OR r.cost IS DISTINCT FROM (x.before -> 'wrote' ->> 'cost')::numeric)) AS changed
     FROM import_changes x LEFT JOIN account_revenue r ON r.tenant_id = x.tenant_id AND r.id = x.entity_id
     WHERE x.tenant_id = $1 AND x.import_id = $2 AND x.entity = 'revenue'
     ORDER BY x.row_number`,
    [tenantId, importId],
  );
}

export async function deleteRevenue(tx: Queryable, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await tx.query(`DELETE FROM account_revenue WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenantId, ids]);
}

/** Puts back the figures (and who wrote them) a period had before the import replaced them. */
export async function restoreRevenue(
  tx: Queryable,
  tenantId: string,
  rows: readonly { id: string; revenue: string; cost: string | null; source: string; import_id: string | null }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE account_revenue r SET revenue = t.revenue, cost = t.cost, source = t.source, import_id = t.import_id, updated_at = now()
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, revenue numeric, cost numeric, source text, import_id uuid)
     WHERE r.tenant_id = $1 AND r.id = t.id`,
    [tenantId, JSON.stringify(rows)],
  );
}
