// Test kit of the insights' database tests: one imported revenue row of an account, as the import writes it.
import type { Queryable } from '../../core/db/db';

export const insertRevenue = (db: Queryable, tenantId: string, accountId: string, kind: 'year' | 'month', start: string, amount: number) =>
  db.query(`INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, $3, $4, $5, 'api')`, [
    tenantId,
    accountId,
    kind,
    start,
    amount,
  ]);
