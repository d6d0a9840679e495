// The bot's own SQL: who a Teams user is in the CRM, what a message suggests, whether it was saved already.
import type { AppRole } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import { notRestrictedSql } from '../privacy';

export interface CrmUser {
  id: string;
  displayName: string;
  roles: AppRole[];
}

/** The user row the API made at their last sign-in; its roles are those their last Entra ID token carried. */
export async function userByEntraOid(db: Queryable, tenantId: string, oid: string): Promise<CrmUser | null> {
  const rows = await db.query<{ id: string; display_name: string; roles: string[] }>(
    `SELECT u.id, u.display_name, u.roles FROM users u JOIN tenants t ON t.tenant_id = u.tenant_id WHERE u.tenant_id = $1 AND u.entra_oid = $2`,
    [tenantId, oid],
  );
  const row = rows[0];
  return row ? { id: row.id, displayName: row.display_name, roles: row.roles as AppRole[] } : null;
}

export interface SuggestedContact {
  id: string;
  name: string;
  accountId: string | null;
}

export interface NamedAccount {
  id: string;
  name: string;
}

/** The restricted (Art. 18) are left out unless the caller may see them; the erased are gone from contacts anyway. */
const visible = (hideRestricted: boolean) => (hideRestricted ? `AND ${notRestrictedSql('c')}` : '');

const toContact = (row: { id: string; first_name: string; last_name: string; account_id: string | null }): SuggestedContact => ({
  id: row.id,
  name: [row.first_name, row.last_name].filter(Boolean).join(' '),
  accountId: row.account_id,
});

/** Contacts with one of these addresses or full names ("Anna Kunde", as Teams shows the author or a mention). */
export async function contactsMatching(
  db: Queryable,
  tenantId: string,
  match: { emails: readonly string[]; names: readonly string[] },
  hideRestricted: boolean,
): Promise<SuggestedContact[]> {
  if (match.emails.length === 0 && match.names.length === 0) return [];
  const rows = await db.query<{ id: string; first_name: string; last_name: string; account_id: string | null }>(
    `SELECT c.id, c.first_name, c.last_name, c.account_id FROM contacts c
     WHERE c.tenant_id = $1 ${visible(hideRestricted)}
       AND (EXISTS (SELECT 1 FROM contact_emails ce WHERE ce.tenant_id = c.tenant_id AND ce.contact_id = c.id AND ce.email = ANY($2::text[]))
         OR lower(trim(c.first_name || ' ' || c.last_name)) = ANY($3::text[]))
     ORDER BY c.last_name, c.first_name, c.id LIMIT 20`,
    [tenantId, [...match.emails], match.names.map((n) => n.trim().toLowerCase())],
  );
  return rows.map(toContact);
}

/** The people of these accounts, for the dialog's contact list. */
export async function contactsOfAccounts(db: Queryable, tenantId: string, accountIds: readonly string[], hideRestricted: boolean): Promise<SuggestedContact[]> {
  if (accountIds.length === 0) return [];
  const rows = await db.query<{ id: string; first_name: string; last_name: string; account_id: string | null }>(
    `SELECT c.id, c.first_name, c.last_name, c.account_id FROM contacts c
     WHERE c.tenant_id = $1 AND c.account_id = ANY($2::uuid[]) ${visible(hideRestricted)}
     ORDER BY c.last_name, c.first_name, c.id LIMIT 50`,
    [tenantId, [...accountIds]],
  );
  return rows.map(toContact);
}

/**
 * Accounts the message points at: by the domain of an address in it, or named in its text (the longest names first, so
 * "Keller Maschinenbau" wins over "Keller"). Names shorter than 3 characters match too much to mean anything.
 */
export async function accountsPointedAt(db: Queryable, tenantId: string, text: string, domains: readonly string[]): Promise<NamedAccount[]> {
  return db.query<NamedAccount>(
    `SELECT a.id, a.name FROM accounts a
     WHERE a.tenant_id = $1
       AND (a.id IN (SELECT d.account_id FROM account_domains d WHERE d.tenant_id = $1 AND d.domain = ANY($3::text[]))
         OR (length(a.name) >= 3 AND strpos(lower($2), lower(a.name)) > 0))
     ORDER BY length(a.name) DESC, a.id LIMIT 5`,
    [tenantId, text.slice(0, 5000), [...domains]],
  );
}

export async function accountsByIds(db: Queryable, tenantId: string, ids: readonly string[]): Promise<NamedAccount[]> {
  if (ids.length === 0) return [];
  return db.query<NamedAccount>(`SELECT a.id, a.name FROM accounts a WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[]) ORDER BY a.name, a.id`, [
    tenantId,
    [...ids],
  ]);
}

/** Which of these contacts exist in the tenant (an erased one no longer does). */
export async function existingContactIds(db: Queryable, tenantId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.query<{ id: string }>(`SELECT c.id FROM contacts c WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])`, [tenantId, [...ids]]);
  return new Set(rows.map((r) => r.id));
}

export interface CardFigures {
  id: string;
  name: string;
  owner: string | null;
  openPipeline: number;
  /** Open complaints on the account, to be filtered for people the caller may not see. */
  openComplaintIds: string[];
  nextFollowUp: { dueDate: string; title: string } | null;
}

/**
 * What a search card shows of each account, in one query. Follow-ups about a hidden (restricted) contact do not count;
 * complaints are filtered by the caller with the interactions feature's rule.
 */
export async function cardFigures(db: Queryable, tenantId: string, accountIds: readonly string[], hidden: readonly string[]): Promise<CardFigures[]> {
  if (accountIds.length === 0) return [];
  const rows = await db.query<{
    id: string;
    name: string;
    owner: string | null;
    open_pipeline: string | number | null;
    complaint_ids: string[] | null;
    due_date: string | Date | null;
    title: string | null;
  }>(
    `SELECT a.id, a.name, u.display_name AS owner,
       (SELECT sum(o.amount) FROM opportunities o WHERE o.tenant_id = a.tenant_id AND o.account_id = a.id AND o.status = 'open') AS open_pipeline,
       ARRAY(SELECT ia.interaction_id FROM interaction_accounts ia
             WHERE ia.tenant_id = a.tenant_id AND ia.account_id = a.id AND ia.type = 'complaint' AND ia.is_open) AS complaint_ids,
       f.due_date, f.title
     FROM accounts a
     LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.owner_id
     LEFT JOIN LATERAL (
       SELECT to_char(t.due_date, 'YYYY-MM-DD') AS due_date, t.title FROM tasks t
       WHERE t.tenant_id = a.tenant_id AND t.account_id = a.id AND t.status = 'open' AND (t.contact_id IS NULL OR t.contact_id <> ALL($3::uuid[]))
       ORDER BY t.due_date, t.id LIMIT 1) f ON true
     WHERE a.tenant_id = $1 AND a.id = ANY($2::uuid[])`,
    [tenantId, [...accountIds], [...hidden]],
  );
  const byId = new Map(
    rows.map((row) => [
      row.id,
      {
        id: row.id,
        name: row.name,
        owner: row.owner,
        openPipeline: Number(row.open_pipeline ?? 0),
        openComplaintIds: row.complaint_ids ?? [],
        nextFollowUp: row.due_date && row.title !== null ? { dueDate: String(row.due_date), title: row.title } : null,
      },
    ]),
  );
  return accountIds.map((id) => byId.get(id)).filter((f): f is CardFigures => f !== undefined);
}
