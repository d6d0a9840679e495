// Lookups the contact sync needs: accounts by domain, likely duplicates by name, and the contacts of a user's accounts.
import type { Contact } from '@crm/common';
import type { Queryable } from '../../../core/db/db';
import { CONTACT_SELECT, toContact } from '../../contacts';

export async function accountByDomain(db: Queryable, tenantId: string, domain: string): Promise<string | null> {
  const rows = await db.query<{ account_id: string }>(`SELECT account_id FROM account_domains WHERE tenant_id = $1 AND domain = $2`, [tenantId, domain]);
  return rows[0]?.account_id ?? null;
}

/** A contact of the same name at the same account (or with no account): most likely the same person. */
export async function sameNameContact(db: Queryable, tenantId: string, accountId: string | null, firstName: string, lastName: string): Promise<Contact | null> {
  const rows = await db.query(
    `${CONTACT_SELECT} WHERE c.tenant_id = $1 AND c.account_id IS NOT DISTINCT FROM $2::uuid AND lower(c.last_name) = lower($3) AND lower(c.first_name) = lower($4) LIMIT 1`,
    [tenantId, accountId, lastName, firstName],
  );
  return rows[0] ? toContact(rows[0]) : null;
}

/** Contacts with an email address at the accounts a user owns: what goes into that user's CRM contact folder. */
export async function contactsOfOwnedAccounts(db: Queryable, tenantId: string, userId: string): Promise<Contact[]> {
  const rows = await db.query(`${CONTACT_SELECT} WHERE c.tenant_id = $1 AND a.owner_id = $2 AND cardinality(c.emails) > 0 ORDER BY c.id`, [tenantId, userId]);
  return rows.map(toContact);
}

export async function contactsById(db: Queryable, tenantId: string, ids: readonly string[]): Promise<Map<string, Contact>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query(`${CONTACT_SELECT} WHERE c.tenant_id = $1 AND c.id = ANY($2::uuid[])`, [tenantId, [...ids]]);
  return new Map(rows.map((r) => [String(r.id), toContact(r)]));
}
