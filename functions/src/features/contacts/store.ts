// Contacts and their normalised email addresses (unique per tenant, so a sender matches one person).
import type { Contact, ContactCreate, ContactListQuery, ContactPatch } from '@crm/common';
import { conflict } from '../../core/errors';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { likePattern } from '../../core/db/rows';
import { json, setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { CONTACT_SELECT, toContact } from './rows';

const columns = {
  firstName: { column: 'first_name' },
  lastName: { column: 'last_name' },
  emails: { column: 'emails' },
  phones: { column: 'phones', encode: json },
  jobTitle: { column: 'job_title' },
  buyingRole: { column: 'buying_role' },
  accountId: { column: 'account_id' },
  ownerId: { column: 'owner_id' },
  communicationPreferences: { column: 'communication_preferences', encode: json },
  customFields: { column: 'custom_fields', encode: json },
};

async function claimEmails(tx: Queryable, tenantId: string, contactId: string, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  const claimed = await tx.query<{ email: string }>(
    `INSERT INTO contact_emails (tenant_id, email, contact_id) SELECT $1, e, $2 FROM unnest($3::text[]) AS e
     ON CONFLICT (tenant_id, email) DO NOTHING RETURNING email`,
    [tenantId, contactId, emails],
  );
  if (claimed.length === emails.length) return;
  const taken = emails.find((e) => !claimed.some((c) => c.email === e))!;
  const owner = await tx.query<{ contact_id: string }>(`SELECT contact_id FROM contact_emails WHERE tenant_id = $1 AND email = $2`, [tenantId, taken]);
  throw conflict(`a contact with the email ${taken} already exists`, 'emails', { existingId: owner[0]?.contact_id });
}

export async function getContact(db: Queryable, tenantId: string, id: string): Promise<Contact | null> {
  const rows = await db.query(`${CONTACT_SELECT} WHERE c.tenant_id = $1 AND c.id = $2`, [tenantId, id]);
  return rows[0] ? toContact(rows[0]) : null;
}

export async function insertContact(tx: Queryable, tenantId: string, input: ContactCreate): Promise<{ contact: Contact; created: boolean }> {
  const emails = [...new Set(input.emails)];
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO contacts (tenant_id, id, account_id, first_name, last_name, emails, phones, job_title, buying_role, owner_id, communication_preferences, custom_fields)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.accountId ?? null,
      input.firstName,
      input.lastName,
      emails,
      json(input.phones),
      input.jobTitle ?? null,
      input.buyingRole ?? null,
      input.ownerId ?? null,
      json(input.communicationPreferences),
      json(input.customFields),
    ],
  );
  const id = inserted[0]?.id ?? input.id!;
  if (inserted[0]) await claimEmails(tx, tenantId, id, emails);
  return { contact: (await getContact(tx, tenantId, id))!, created: Boolean(inserted[0]) };
}

/**
 * New contacts with ids the caller chose, one statement for the contacts and one for their addresses (an import's
 * batch). An address another contact holds, or an id already used, is a conflict as for one contact: the caller's
 * transaction (or savepoint) then holds half a batch and must roll it back.
 */
export async function insertContacts(tx: Queryable, tenantId: string, inputs: readonly (ContactCreate & { id: string })[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => ({
    id: input.id,
    account_id: input.accountId ?? null,
    first_name: input.firstName,
    last_name: input.lastName,
    emails: [...new Set(input.emails)],
    phones: input.phones,
    job_title: input.jobTitle ?? null,
    buying_role: input.buyingRole ?? null,
    owner_id: input.ownerId ?? null,
    communication_preferences: input.communicationPreferences,
    custom_fields: input.customFields,
  }));
  const inserted = await tx.query(
    `INSERT INTO contacts (tenant_id, id, account_id, first_name, last_name, emails, phones, job_title, buying_role, owner_id, communication_preferences, custom_fields)
     SELECT $1, id, account_id, first_name, last_name, emails, phones, job_title, buying_role, owner_id, communication_preferences, custom_fields
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, account_id uuid, first_name text, last_name text, emails text[], phones jsonb, job_title text,
       buying_role text, owner_id uuid, communication_preferences jsonb, custom_fields jsonb)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [tenantId, JSON.stringify(rows)],
  );
  if (inserted.length !== rows.length) throw conflict('a contact with one of these ids exists already');
  const claims = rows.flatMap((row) => row.emails.map((email) => ({ email, id: row.id })));
  if (claims.length === 0) return;
  const claimed = await tx.query<{ email: string }>(
    `INSERT INTO contact_emails (tenant_id, email, contact_id) SELECT $1, e, c FROM unnest($2::text[], $3::uuid[]) AS t(e, c)
     ON CONFLICT (tenant_id, email) DO NOTHING RETURNING email`,
    [tenantId, claims.map((claim) => claim.email), claims.map((claim) => claim.id)],
  );
  if (claimed.length !== claims.length) throw conflict('one of the email addresses already belongs to another contact', 'emails');
}

/** hiddenSql: a condition on alias c that drops contacts the caller may not see (restricted processing). */
export async function listContacts(db: Queryable, tenantId: string, query: ContactListQuery, hiddenSql?: string) {
  const params = new SqlParams();
  const where = [`c.tenant_id = ${params.add(tenantId)}`];
  if (hiddenSql) where.push(hiddenSql);
  if (query.q) {
    const pattern = params.add(likePattern(query.q.toLowerCase()));
    where.push(
      `(lower(c.first_name || ' ' || c.last_name) LIKE ${pattern} OR lower(c.last_name) LIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(c.emails) e WHERE e LIKE ${pattern}))`,
    );
  }
  if (query.accountId) where.push(`c.account_id = ${params.add(query.accountId)}`);
  if (query.ownerId) where.push(`c.owner_id = ${params.add(query.ownerId)}`);
  if (query.buyingRole) where.push(`c.buying_role = ${params.add(query.buyingRole)}`);
  if (query.email) where.push(`c.id = (SELECT contact_id FROM contact_emails WHERE tenant_id = c.tenant_id AND email = ${params.add(query.email)})`);
  const after = decodeCursor(query.cursor, ['text', 'text', 'uuid']);
  if (after) {
    where.push(`(lower(c.last_name), lower(c.first_name), c.id) > (${params.add(after[0])}, ${params.add(after[1])}, ${params.add(after[2])}::uuid)`);
  }
  const rows = await db.query(
    `${CONTACT_SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(c.last_name), lower(c.first_name), c.id LIMIT ${query.limit + 1}`,
    params.values,
  );
  const page = pageFrom(rows, query.limit, (row) => [String(row.last_name).toLowerCase(), String(row.first_name).toLowerCase(), row.id]);
  return { items: page.rows.map(toContact), nextCursor: page.nextCursor };
}

export async function updateContact(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  patch: ContactPatch,
): Promise<UpdateOutcome<Contact>> {
  const params = new SqlParams();
  const normalized = patch.emails ? { ...patch, emails: [...new Set(patch.emails)] } : patch;
  const outcome = await updateVersioned(tx, 'contacts', tenantId, id, expectedVersion, setClause(normalized, columns, params), params);
  if (outcome.status !== 'ok') return outcome;
  if (normalized.emails) {
    await tx.query(`DELETE FROM contact_emails WHERE tenant_id = $1 AND contact_id = $2`, [tenantId, id]);
    await claimEmails(tx, tenantId, id, normalized.emails);
  }
  return { status: 'ok', value: (await getContact(tx, tenantId, id))!, fields: outcome.fields };
}
