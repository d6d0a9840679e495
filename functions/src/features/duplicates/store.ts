// The records the duplicate rules compare, pg_trgm's similar name keys, and the merges with what their undo needs.
// Every statement filters by tenant_id.
import type { Queryable } from '../../core/db/db';
import { notRestrictedSql } from '../privacy';
import { SIMILAR_NAME_THRESHOLD } from '../imports';
import type { AccountRecord, ContactRecord, DomainLink } from './pairs';

export async function accountRecords(db: Queryable, tenantId: string): Promise<AccountRecord[]> {
  const rows = await db.query<{ id: string; version: number; name: string; customer_number: string | null; domains: string[] }>(
    `SELECT id, version, name, custom_fields ->> 'customerNumber' AS customer_number, domains FROM accounts WHERE tenant_id = $1`,
    [tenantId],
  );
  return rows.map((r) => ({ id: r.id, version: Number(r.version), name: r.name, customerNumber: r.customer_number, domains: r.domains }));
}

/** Accounts whose contacts write from a domain registered on another account. */
export async function domainLinks(db: Queryable, tenantId: string): Promise<DomainLink[]> {
  const rows = await db.query<{ account_id: string; domain_account_id: string; domain: string }>(
    `SELECT DISTINCT c.account_id, d.account_id AS domain_account_id, d.domain
     FROM contact_emails e
     JOIN contacts c ON c.tenant_id = e.tenant_id AND c.id = e.contact_id
     JOIN account_domains d ON d.tenant_id = e.tenant_id AND d.domain = split_part(e.email, '@', 2)
     WHERE e.tenant_id = $1 AND c.account_id IS NOT NULL AND c.account_id <> d.account_id`,
    [tenantId],
  );
  return rows.map((r) => ({ accountId: r.account_id, domainAccountId: r.domain_account_id, domain: r.domain }));
}

/** The keys in a temporary table with a trigram index, for pg_trgm's % at the import's threshold. */
async function nameKeysTable(tx: Queryable, keys: readonly string[]) {
  await tx.query(`CREATE TEMPORARY TABLE duplicate_name_keys (key text PRIMARY KEY) ON COMMIT DROP`);
  await tx.query(`INSERT INTO duplicate_name_keys (key) SELECT DISTINCT k FROM unnest($1::text[]) AS k WHERE k <> ''`, [[...keys]]);
  await tx.query(`CREATE INDEX ON duplicate_name_keys USING gin (key gin_trgm_ops)`);
  await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(SIMILAR_NAME_THRESHOLD)]);
}

/**
 * Pairs of distinct name keys at pg_trgm similarity >= the import's threshold. The keys are folded in TypeScript (the
 * import's rules), so they go into a temporary table with a trigram index for the % self-join; the GIN index keeps it
 * from comparing every key with every other.
 */
export async function similarKeyPairs(tx: Queryable, keys: readonly string[]): Promise<Array<readonly [string, string]>> {
  if (keys.length < 2) return [];
  await nameKeysTable(tx, keys);
  const rows = await tx.query<{ a: string; b: string }>(
    `SELECT x.key AS a, y.key AS b FROM duplicate_name_keys x JOIN duplicate_name_keys y ON x.key < y.key AND x.key % y.key`,
  );
  return rows.map((r) => [r.a, r.b] as const);
}

/** The pairs of similarKeyPairs that hold one of `probes`: one index probe per probe, not the whole self-join. */
export async function similarKeyPairsOf(tx: Queryable, keys: readonly string[], probes: readonly string[]): Promise<Array<readonly [string, string]>> {
  if (keys.length < 2 || probes.length === 0) return [];
  await nameKeysTable(tx, keys);
  const rows = await tx.query<{ a: string; b: string }>(
    `SELECT DISTINCT x.key AS a, y.key AS b FROM unnest($1::text[]) AS x(key) JOIN duplicate_name_keys y ON y.key <> x.key AND y.key % x.key
     WHERE x.key <> ''`,
    [[...probes]],
  );
  return rows.map((r) => [r.a, r.b] as const);
}

/** Restricted persons (Art. 18) are read-only, so they are neither listed nor merged. */
export async function contactRecords(db: Queryable, tenantId: string): Promise<ContactRecord[]> {
  const rows = await db.query<{
    id: string;
    version: number;
    first_name: string;
    last_name: string;
    emails: string[];
    account_id: string | null;
    account_name: string | null;
  }>(
    `SELECT c.id, c.version, c.first_name, c.last_name, c.emails, c.account_id, a.name AS account_name FROM contacts c
     LEFT JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
     WHERE c.tenant_id = $1 AND ${notRestrictedSql('c')}`,
    [tenantId],
  );
  return rows.map((r) => ({
    id: r.id,
    version: Number(r.version),
    firstName: r.first_name,
    lastName: r.last_name,
    emails: r.emails,
    accountId: r.account_id,
    accountName: r.account_name,
  }));
}
