// A lead's interactions so far: linked by the lead's address while it waits to become a contact, counted for the score's
// engagement, and carried over to the contact and account a conversion makes. Every statement names the tenant.
import { prepared, type Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';

const LINK_LOGGED = prepared(
  'interactions-link-to-leads',
  `INSERT INTO interaction_leads (tenant_id, lead_id, interaction_id)
   SELECT $1, l.id, $2 FROM leads l WHERE l.tenant_id = $1 AND l.email = ANY($3::text[]) AND l.status <> 'converted'
   ON CONFLICT DO NOTHING`,
);

/** An interaction logged with addresses that are no contact yet belongs to the open leads of those addresses. */
export async function linkToOpenLeads(tx: Queryable, tenantId: string, interactionId: string, emails: readonly string[]): Promise<void> {
  if (emails.length > 0) await tx.query(LINK_LOGGED, [tenantId, interactionId, [...new Set(emails)]]);
}

/** A lead captured (or given an address) later takes over what was logged with its address meanwhile. */
export async function linkPendingToLead(tx: Queryable, tenantId: string, lead: { id: string; email: string }): Promise<void> {
  await tx.query(
    `INSERT INTO interaction_leads (tenant_id, lead_id, interaction_id)
     SELECT $1, $2, p.interaction_id FROM interaction_pending_contacts p WHERE p.tenant_id = $1 AND p.email = $3
     ON CONFLICT DO NOTHING`,
    [tenantId, lead.id, lead.email],
  );
}

/** What the score's engagement is counted from: per lead, its logged interactions, the meetings held and the replies. */
export interface LeadEngagementTally {
  interactions: number;
  meetings: number;
  replies: number;
}

/**
 * A meeting counts once it took place; a reply is anything that came from them (an inbound email or message) or a call,
 * which is a conversation whoever dialled.
 */
export async function engagementOfLeads(db: Queryable, tenantId: string, leadIds: readonly string[], now: Date): Promise<Map<string, LeadEngagementTally>> {
  if (leadIds.length === 0) return new Map();
  const rows = await db.query<{ lead_id: string; interactions: number; meetings: number; replies: number }>(
    `SELECT il.lead_id, count(*)::int AS interactions,
            count(*) FILTER (WHERE i.type = 'meeting' AND i.occurred_at <= $3::timestamptz)::int AS meetings,
            count(*) FILTER (WHERE i.direction = 'inbound' OR i.type = 'call')::int AS replies
     FROM interaction_leads il JOIN interactions i ON i.tenant_id = il.tenant_id AND i.id = il.interaction_id
     WHERE il.tenant_id = $1 AND il.lead_id = ANY($2::uuid[]) GROUP BY il.lead_id`,
    [tenantId, [...new Set(leadIds)], now.toISOString()],
  );
  return new Map(rows.map((r) => [r.lead_id, { interactions: Number(r.interactions), meetings: Number(r.meetings), replies: Number(r.replies) }]));
}

/** The lead's interactions, newest first, a page at a time; the cursor keeps the microseconds. */
export async function leadInteractionIds(db: Queryable, tenantId: string, leadId: string, page: { limit: number; cursor?: string | undefined }) {
  const after = decodeCursor(page.cursor, ['timestamp', 'uuid']);
  const rows = await db.query<{ interaction_id: string; cursor_at: string }>(
    `SELECT il.interaction_id, to_char(i.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at
     FROM interaction_leads il JOIN interactions i ON i.tenant_id = il.tenant_id AND i.id = il.interaction_id
     WHERE il.tenant_id = $1 AND il.lead_id = $2 ${after ? `AND (i.occurred_at, i.id) < ($3::timestamptz, $4::uuid)` : ''}
     ORDER BY i.occurred_at DESC, i.id DESC LIMIT ${page.limit + 1}`,
    after ? [tenantId, leadId, after[0], after[1]] : [tenantId, leadId],
  );
  const paged = pageFrom(rows, page.limit, (row) => [row.cursor_at, row.interaction_id]);
  return { ids: paged.rows.map((r) => r.interaction_id), nextCursor: paged.nextCursor };
}

/**
 * A converted lead's history goes with it: each of its interactions is linked to the contact and the account, beside
 * whatever they were linked to. Links that exist are left alone, so a second conversion adds nothing.
 */
export async function carryLeadInteractions(tx: Queryable, tenantId: string, leadId: string, to: { accountId: string; contactId: string | null }): Promise<void> {
  if (to.contactId) {
    await tx.query(
      `INSERT INTO interaction_contacts (tenant_id, interaction_id, contact_id, occurred_at)
       SELECT il.tenant_id, il.interaction_id, $3, i.occurred_at
       FROM interaction_leads il JOIN interactions i ON i.tenant_id = il.tenant_id AND i.id = il.interaction_id
       WHERE il.tenant_id = $1 AND il.lead_id = $2
       ON CONFLICT DO NOTHING`,
      [tenantId, leadId, to.contactId],
    );
  }
  await tx.query(
    `INSERT INTO interaction_accounts (tenant_id, interaction_id, account_id, occurred_at, type, is_open)
     SELECT il.tenant_id, il.interaction_id, $3, i.occurred_at, i.type, COALESCE(i.status = 'open', false)
     FROM interaction_leads il JOIN interactions i ON i.tenant_id = il.tenant_id AND i.id = il.interaction_id
     WHERE il.tenant_id = $1 AND il.lead_id = $2
     ON CONFLICT DO NOTHING`,
    [tenantId, leadId, to.accountId],
  );
}
