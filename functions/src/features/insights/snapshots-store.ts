// Monthly snapshots of the team figures: written once per tenant and month, read as a trend.
import { TeamInsights, type InsightSnapshot } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { iso, str, type Row } from '../../core/db/rows';

/** The tenants that have no snapshot of the month yet; the timer acts across tenants, as the sync timers do. */
export async function tenantsWithoutSnapshot(db: Queryable, month: string): Promise<string[]> {
  const rows = await db.query(
    `SELECT t.tenant_id FROM tenants t
     WHERE NOT EXISTS (SELECT 1 FROM insight_snapshots s WHERE s.tenant_id = t.tenant_id AND s.month = $1)
     ORDER BY t.tenant_id`,
    [month],
  );
  return rows.map((row) => str(row, 'tenant_id'));
}

/** False when another run wrote the month first: the first snapshot stays. */
export async function insertSnapshot(db: Queryable, tenantId: string, month: string, figures: TeamInsights): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO insight_snapshots (tenant_id, month, figures) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, month) DO NOTHING RETURNING month`,
    [tenantId, month, JSON.stringify(figures)],
  );
  return rows.length > 0;
}

/** The snapshots of the months from `from` to `to` ("YYYY-MM", both inclusive), oldest first: what goals' histories read. */
export async function snapshotsBetween(db: Queryable, tenantId: string, from: string, to: string) {
  const rows = await db.query(
    `SELECT to_char(month, 'YYYY-MM') AS month, figures, taken_at FROM insight_snapshots
     WHERE tenant_id = $1 AND month >= $2::date AND month <= $3::date ORDER BY month`,
    [tenantId, `${from}-01`, `${to}-01`],
  );
  return rows.map(toSnapshot);
}

/** The latest `months` snapshots, oldest first. */
export async function latestSnapshots(db: Queryable, tenantId: string, months: number) {
  const rows = await db.query(
    `SELECT to_char(month, 'YYYY-MM') AS month, figures, taken_at FROM insight_snapshots WHERE tenant_id = $1 ORDER BY month DESC LIMIT $2`,
    [tenantId, months],
  );
  return rows.reverse().map(toSnapshot);
}

// Parsed, not cast: a snapshot is read back through the same contract it was written with.
const toSnapshot = (row: Row): InsightSnapshot => ({ month: str(row, 'month'), takenAt: iso(row.taken_at), figures: TeamInsights.parse(row.figures) });
