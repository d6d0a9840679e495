// Reads behind the Teams personal tab: one user's open follow-ups, open deals and owned accounts with their last contact.
import type { Opportunity, Task } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { OPPORTUNITY_SELECT, toOpportunity } from '../opportunities';
import { iso, isoOrNull, str, strOrNull } from '../../core/db/rows';
import { toTask } from '../tasks';

/** More than any person keeps open at once; the tab is a to-do list, not an archive. */
export const MY_TASKS_LIMIT = 200;

export interface OwnedAccountRow {
  id: string;
  name: string;
  industry: string | null;
  segment: string | null;
  createdAt: string;
  lastContactAt: string | null;
}

export async function openTasksOf(
  db: Queryable,
  tenantId: string,
  userId: string,
): Promise<{ tasks: Array<Task & { accountName: string | null }>; total: number }> {
  const rows = await db.query(
    `SELECT t.*, a.name AS account_name, count(*) OVER () AS total FROM tasks t
     LEFT JOIN accounts a ON a.tenant_id = t.tenant_id AND a.id = t.account_id
     WHERE t.tenant_id = $1 AND t.assignee_id = $2 AND t.status = 'open'
     ORDER BY t.due_date, t.id LIMIT ${MY_TASKS_LIMIT}`,
    [tenantId, userId],
  );
  return { tasks: rows.map((row) => ({ ...toTask(row), accountName: strOrNull(row, 'account_name') })), total: Number(rows[0]?.total ?? 0) };
}

export async function openOpportunitiesOf(db: Queryable, tenantId: string, userId: string): Promise<Opportunity[]> {
  const rows = await db.query(
    `${OPPORTUNITY_SELECT} WHERE o.tenant_id = $1 AND o.owner_id = $2 AND o.status = 'open' ORDER BY o.expected_close NULLS LAST, o.id`,
    [tenantId, userId],
  );
  return rows.map(toOpportunity);
}

/**
 * The latest interaction per account that has happened by `now` (planned meetings are not contact) comes from its
 * timeline index, one index probe per account.
 */
export async function ownedAccounts(db: Queryable, tenantId: string, userId: string, now: Date): Promise<OwnedAccountRow[]> {
  const rows = await db.query(
    `SELECT a.id, a.name, a.industry, a.segment, a.created_at,
       (SELECT ia.occurred_at FROM interaction_accounts ia WHERE ia.tenant_id = a.tenant_id AND ia.account_id = a.id
          AND ia.occurred_at <= $3
        ORDER BY ia.occurred_at DESC LIMIT 1) AS last_contact_at
     FROM accounts a WHERE a.tenant_id = $1 AND a.owner_id = $2 ORDER BY lower(a.name), a.id`,
    [tenantId, userId, now.toISOString()],
  );
  return rows.map((row) => ({
    id: str(row, 'id'),
    name: str(row, 'name'),
    industry: strOrNull(row, 'industry'),
    segment: strOrNull(row, 'segment'),
    createdAt: iso(row.created_at),
    lastContactAt: isoOrNull(row.last_contact_at),
  }));
}
