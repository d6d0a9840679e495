// Accounts and their email domains (one account per domain and tenant, for matching senders).
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '@crm/common';
import { conflict } from '../../core/errors';
import type { Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { likePattern } from '../../core/db/rows';
import { json, setClause, SqlParams } from '../../core/db/sql-builder';
import { updateVersioned, type UpdateOutcome } from '../../core/db/versioned';
import { toAccount } from './rows';

const SELECT = `SELECT a.*, u.display_name AS owner_name FROM accounts a
  LEFT JOIN users u ON u.tenant_id = a.tenant_id AND u.id = a.owner_id`;

const columns = {
  name: { column: 'name' },
  domains: { column: 'domains' },
  parentAccountId: { column: 'parent_account_id' },
  industry: { column: 'industry' },
  segment: { column: 'segment' },
  rating: { column: 'rating' },
  ownerId: { column: 'owner_id' },
  address: { column: 'address', encode: json },
  customFields: { column: 'custom_fields', encode: json },
};

async function claimDomains(tx: Queryable, tenantId: string, accountId: string, domains: readonly string[]): Promise<void> {
  if (domains.length === 0) return;
  const unique = [...new Set(domains)];
  const claimed = await tx.query<{ domain: string }>(
    `INSERT INTO account_domains (tenant_id, domain, account_id) SELECT $1, d, $2 FROM unnest($3::text[]) AS d
     ON CONFLICT (tenant_id, domain) DO NOTHING RETURNING domain`,
    [tenantId, accountId, unique],
  );
  if (claimed.length === unique.length) return;
  const taken = unique.find((d) => !claimed.some((c) => c.domain === d))!;
  const owner = await tx.query<{ id: string; name: string }>(
    `SELECT a.id, a.name FROM account_domains d JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.account_id
     WHERE d.tenant_id = $1 AND d.domain = $2`,
    [tenantId, taken],
  );
  throw conflict(`the domain ${taken} already belongs to account "${owner[0]?.name ?? '?'}"`, 'domains', { existingId: owner[0]?.id });
}

export async function getAccount(db: Queryable, tenantId: string, id: string): Promise<Account | null> {
  const rows = await db.query(`${SELECT} WHERE a.tenant_id = $1 AND a.id = $2`, [tenantId, id]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** Inserts unless the client-chosen id exists already; returns the stored account and whether it is new. */
export async function insertAccount(tx: Queryable, tenantId: string, input: AccountCreate): Promise<{ account: Account; created: boolean }> {
  const inserted = await tx.query<{ id: string }>(
    `INSERT INTO accounts (tenant_id, id, name, domains, parent_account_id, industry, segment, rating, owner_id, address, custom_fields)
     VALUES ($1, COALESCE($2, gen_random_uuid()), $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [
      tenantId,
      input.id ?? null,
      input.name,
      [...new Set(input.domains)],
      input.parentAccountId ?? null,
      input.industry ?? null,
      input.segment ?? null,
      input.rating ?? null,
      input.ownerId ?? null,
      json(input.address ?? null),
      json(input.customFields),
    ],
  );
  const id = inserted[0]?.id ?? input.id!;
  if (inserted[0]) await claimDomains(tx, tenantId, id, input.domains);
  return { account: (await getAccount(tx, tenantId, id))!, created: Boolean(inserted[0]) };
}

/**
 * New accounts with ids the caller chose, one statement for the accounts and one for their domains (an import's batch).
 * A domain another account holds, or an id already used, is a conflict as for one account: the caller's transaction
 * (or savepoint) then holds half a batch and must roll it back.
 */
export async function insertAccounts(tx: Queryable, tenantId: string, inputs: readonly (AccountCreate & { id: string })[]): Promise<void> {
  if (inputs.length === 0) return;
  const rows = inputs.map((input) => ({
    id: input.id,
    name: input.name,
    domains: [...new Set(input.domains)],
    parent_account_id: input.parentAccountId ?? null,
    industry: input.industry ?? null,
    segment: input.segment ?? null,
    rating: input.rating ?? null,
    owner_id: input.ownerId ?? null,
    address: input.address ?? null,
    custom_fields: input.customFields,
  }));
  const inserted = await tx.query(
    `INSERT INTO accounts (tenant_id, id, name, domains, parent_account_id, industry, segment, rating, owner_id, address, custom_fields)
     SELECT $1, id, name, domains, parent_account_id, industry, segment, rating, owner_id, address, custom_fields
     FROM jsonb_to_recordset($2::jsonb) AS t(id uuid, name text, domains text[], parent_account_id uuid, industry text, segment text, rating text,
       owner_id uuid, address jsonb, custom_fields jsonb)
     ON CONFLICT (tenant_id, id) DO NOTHING RETURNING id`,
    [tenantId, JSON.stringify(rows)],
  );
  if (inserted.length !== rows.length) throw conflict('an account with one of these ids exists already');
  const claims = rows.flatMap((row) => row.domains.map((domain) => ({ domain, id: row.id })));
  if (claims.length === 0) return;
  const claimed = await tx.query<{ domain: string }>(
    `INSERT INTO account_domains (tenant_id, domain, account_id) SELECT $1, d, a FROM unnest($2::text[], $3::uuid[]) AS t(d, a)
     ON CONFLICT (tenant_id, domain) DO NOTHING RETURNING domain`,
    [tenantId, claims.map((claim) => claim.domain), claims.map((claim) => claim.id)],
  );
  if (claimed.length === claims.length) return;
  const got = new Set(claimed.map((row) => row.domain));
  const taken = claims.find((claim) => !got.has(claim.domain))!.domain;
  throw conflict(`the domain ${taken} already belongs to another account`, 'domains');
}

export async function listAccounts(db: Queryable, tenantId: string, query: AccountListQuery) {
  const params = new SqlParams();
  const where = [`a.tenant_id = ${params.add(tenantId)}`];
  if (query.q) {
    const pattern = params.add(likePattern(query.q.toLowerCase()));
    where.push(`(lower(a.name) LIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(a.domains) d WHERE d LIKE ${pattern}))`);
  }
  if (query.ownerId) where.push(`a.owner_id = ${params.add(query.ownerId)}`);
  if (query.segment) where.push(`a.segment = ${params.add(query.segment)}`);
  if (query.industry) where.push(`a.industry = ${params.add(query.industry)}`);
  if (query.domain) where.push(`a.id = (SELECT account_id FROM account_domains WHERE tenant_id = a.tenant_id AND domain = ${params.add(query.domain)})`);
  const after = decodeCursor(query.cursor, ['text', 'uuid']);
  if (after) where.push(`(lower(a.name), a.id) > (${params.add(after[0])}, ${params.add(after[1])}::uuid)`);
  const rows = await db.query(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY lower(a.name), a.id LIMIT ${query.limit + 1}`, params.values);
  const page = pageFrom(rows, query.limit, (row) => [String(row.name).toLowerCase(), row.id]);
  return { items: page.rows.map(toAccount), nextCursor: page.nextCursor };
}

export async function updateAccount(
  tx: Queryable,
  tenantId: string,
  id: string,
  expectedVersion: number,
  patch: AccountPatch,
): Promise<UpdateOutcome<Account>> {
  const params = new SqlParams();
  const normalized = patch.domains ? { ...patch, domains: [...new Set(patch.domains)] } : patch;
  const outcome = await updateVersioned(tx, 'accounts', tenantId, id, expectedVersion, setClause(normalized, columns, params), params);
  if (outcome.status !== 'ok') return outcome;
  if (normalized.domains) {
    await tx.query(`DELETE FROM account_domains WHERE tenant_id = $1 AND account_id = $2`, [tenantId, id]);
    await claimDomains(tx, tenantId, id, normalized.domains);
  }
  return { status: 'ok', value: (await getAccount(tx, tenantId, id))!, fields: outcome.fields };
}
