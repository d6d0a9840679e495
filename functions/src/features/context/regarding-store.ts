// The pane's "regarding" type-ahead: accounts, open opportunities and open complaints of one tenant whose name (or their
// account's name) contains the text, in one statement.
import type { RegardingRecord } from '@crm/common';
import { prepared, type Queryable } from '../../core/db/db';
import { iso, likePattern } from '../../core/db/rows';

// Each part reads one tenant's rows only; open complaints come from the partial index of open links per account.
const REGARDING_SQL = prepared(
  'regarding-search',
  /* sql */ `
(SELECT 'account' AS kind, a.id, a.name, a.id AS account_id, a.name AS account_name, NULL::timestamptz AS occurred_at, 0 AS part
 FROM accounts a WHERE a.tenant_id = $1 AND lower(a.name) LIKE $2
 ORDER BY lower(a.name), a.id LIMIT $3)
UNION ALL
(SELECT 'opportunity', o.id, o.name, o.account_id, a.name, NULL::timestamptz, 1
 FROM opportunities o JOIN accounts a ON a.tenant_id = o.tenant_id AND a.id = o.account_id
 WHERE o.tenant_id = $1 AND o.status = 'open' AND (lower(o.name) LIKE $2 OR lower(a.name) LIKE $2)
 ORDER BY lower(o.name), o.id LIMIT $3)
UNION ALL
(SELECT 'complaint', i.id, i.subject, first.account_id, first.name, i.occurred_at, 2
 FROM interactions i
 LEFT JOIN LATERAL (
   SELECT ia.account_id, a.name FROM interaction_accounts ia JOIN accounts a ON a.tenant_id = ia.tenant_id AND a.id = ia.account_id
   WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id ORDER BY a.name, a.id LIMIT 1) first ON true
 WHERE i.tenant_id = $1 AND i.type = 'complaint' AND i.status = 'open' AND i.retained_until IS NULL AND i.anonymised_at IS NULL
   AND (lower(i.subject) LIKE $2 OR EXISTS (
     SELECT 1 FROM interaction_accounts ia JOIN accounts a ON a.tenant_id = ia.tenant_id AND a.id = ia.account_id
     WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id AND lower(a.name) LIKE $2))
 ORDER BY i.occurred_at DESC, i.id LIMIT $3)
ORDER BY part`,
);

interface RegardingRow {
  kind: RegardingRecord['kind'];
  id: string;
  name: string;
  account_id: string | null;
  account_name: string | null;
  occurred_at: unknown;
}

export async function searchRegardingRows(db: Queryable, tenantId: string, q: string, limit: number): Promise<RegardingRecord[]> {
  const rows = await db.query<RegardingRow>(REGARDING_SQL, [tenantId, likePattern(q.toLowerCase()), limit]);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    accountId: r.account_id,
    accountName: r.account_name,
    occurredAt: r.occurred_at === null ? null : iso(r.occurred_at),
  }));
}
