// Reads behind the Teams account tab: everything about one account, each part through a tenant-prefixed index.
import type { Contact, ConsentEntry, InteractionSummary, Opportunity, Task } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { consentHistoryOf } from '../consents';
import { CONTACT_SELECT, toContact } from '../contacts';
import { OPPORTUNITY_SELECT, toOpportunity } from '../opportunities';
import { isoOrNull, toInteractionSummary } from '../../core/db/rows';
import { toTask } from '../tasks';

export interface AccountActivity {
  lastContactAt: string | null;
  interactionCount: number;
}

export async function openOpportunitiesOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<Opportunity[]> {
  const rows = await db.query(
    `${OPPORTUNITY_SELECT} WHERE o.tenant_id = $1 AND o.account_id = $2 AND o.status = 'open' ORDER BY o.expected_close NULLS LAST, o.id`,
    [tenantId, accountId],
  );
  return rows.map(toOpportunity);
}

export async function contactsOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<{ contacts: Contact[]; consents: ConsentEntry[] }> {
  const rows = await db.query(`${CONTACT_SELECT} WHERE c.tenant_id = $1 AND c.account_id = $2 ORDER BY lower(c.last_name), lower(c.first_name), c.id`, [
    tenantId,
    accountId,
  ]);
  const contacts = rows.map(toContact);
  return {
    contacts,
    consents: await consentHistoryOf(
      db,
      tenantId,
      contacts.map((c) => c.id),
    ),
  };
}

export async function openTasksOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<Task[]> {
  const rows = await db.query(`SELECT * FROM tasks WHERE tenant_id = $1 AND account_id = $2 AND status = 'open' ORDER BY due_date, id`, [tenantId, accountId]);
  return rows.map(toTask);
}

export async function openComplaintsOfAccount(db: Queryable, tenantId: string, accountId: string): Promise<InteractionSummary[]> {
  const rows = await db.query(
    `SELECT i.id, i.type, i.direction, i.occurred_at, i.subject, i.status, i.source FROM interaction_accounts ia
     JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
     WHERE ia.tenant_id = $1 AND ia.account_id = $2 AND ia.type = 'complaint' AND ia.is_open
     ORDER BY i.occurred_at, i.id`,
    [tenantId, accountId],
  );
  return rows.map(toInteractionSummary);
}

/** More than a tab shows at once; Graph sync may bring in a whole year of a series. */
export const UPCOMING_LIMIT = 10;

export async function upcomingOfAccount(db: Queryable, tenantId: string, accountId: string, now: Date): Promise<InteractionSummary[]> {
  const rows = await db.query(
    `SELECT i.id, i.type, i.direction, i.occurred_at, i.subject, i.status, i.source FROM interaction_accounts ia
     JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
     WHERE ia.tenant_id = $1 AND ia.account_id = $2 AND ia.occurred_at > $3
     ORDER BY ia.occurred_at, ia.interaction_id LIMIT ${UPCOMING_LIMIT}`,
    [tenantId, accountId, now.toISOString()],
  );
  return rows.map(toInteractionSummary);
}

/** The last contact and the count are of what has happened by `now`, as on the timeline; a planned meeting is not contact. */
export async function activityOfAccount(db: Queryable, tenantId: string, accountId: string, now: Date): Promise<AccountActivity> {
  const rows = await db.query<{ last_at: unknown; n: number }>(
    `SELECT max(occurred_at) AS last_at, count(*)::int AS n
     FROM interaction_accounts WHERE tenant_id = $1 AND account_id = $2 AND occurred_at <= $3`,
    [tenantId, accountId, now.toISOString()],
  );
  return { lastContactAt: isoOrNull(rows[0]?.last_at), interactionCount: Number(rows[0]?.n ?? 0) };
}
