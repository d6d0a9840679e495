// The stored possible-duplicate counts (migration 0032): the account pairs as ids, each account's fingerprint, and the
// contacts' count with its digest and per account (0037). Every statement filters by tenant_id.
import type { Db, Queryable } from '../../core/db/db';

export interface StoredCounts {
  minScore: number;
  contactsDigest: string;
  contactsCount: number;
  generation: number;
  /** Account id -> the fingerprint it had when its pairs were stored. */
  fingerprints: Map<string, string>;
  accountPairs: number;
}

/** What a refresh stores: all pairs and fingerprints afresh, or those of the changed accounts only. */
export interface CountsWrite {
  minScore: number;
  contactsDigest: string;
  contactsCount: number;
  /** Per account, how many of its contacts are in a pair: written when the contacts were counted again, else null. */
  pairedContacts: Map<string, number> | null;
  accounts:
    | { kind: 'all'; fingerprints: Map<string, string>; pairs: Array<readonly [string, string]> }
    | { kind: 'changed'; changed: string[]; fingerprints: Map<string, string>; pairs: Array<readonly [string, string]> }
    | { kind: 'unchanged' };
}

export async function storedCounts(db: Db, tenantId: string): Promise<StoredCounts | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ min_score: number; contacts_digest: string; contacts_count: number; generation: string }>(
      `SELECT min_score, contacts_digest, contacts_count, generation FROM duplicate_counts WHERE tenant_id = $1`,
      [tenantId],
    );
    if (!row) return null;
    const inputs = await tx.query<{ account_id: string; fingerprint: string }>(
      `SELECT account_id, fingerprint FROM duplicate_account_inputs WHERE tenant_id = $1`,
      [tenantId],
    );
    const [pairs] = await tx.query<{ n: string }>(`SELECT count(*) AS n FROM duplicate_account_pairs WHERE tenant_id = $1`, [tenantId]);
    return {
      minScore: Number(row.min_score),
      contactsDigest: row.contacts_digest,
      contactsCount: Number(row.contacts_count),
      generation: Number(row.generation),
      fingerprints: new Map(inputs.map((r) => [r.account_id, r.fingerprint])),
      accountPairs: Number(pairs!.n),
    };
  });
}

/** How many stored pairs hold one of the accounts. */
export async function storedPairsTouching(db: Queryable, tenantId: string, ids: readonly string[]): Promise<number> {
  const [row] = await db.query<{ n: string }>(
    `SELECT count(*) AS n FROM duplicate_account_pairs WHERE tenant_id = $1 AND (first_id = ANY($2::uuid[]) OR second_id = ANY($2::uuid[]))`,
    [tenantId, [...ids]],
  );
  return Number(row!.n);
}

/**
 * The threshold the stored pairs were counted at (null: never counted), how many of them hold the account, and how
 * many of its contacts are in a pair.
 */
export async function storedPairsOfAccount(
  db: Queryable,
  tenantId: string,
  accountId: string,
): Promise<{ minScore: number | null; pairs: number; pairedContacts: number }> {
  const [row] = await db.query<{ min_score: number | null; n: string; contacts: number | null }>(
    `SELECT (SELECT min_score FROM duplicate_counts WHERE tenant_id = $1) AS min_score,
       (SELECT count(*) FROM duplicate_account_pairs WHERE tenant_id = $1 AND (first_id = $2 OR second_id = $2)) AS n,
       (SELECT paired_contacts FROM duplicate_contact_accounts WHERE tenant_id = $1 AND account_id = $2) AS contacts`,
    [tenantId, accountId],
  );
  return { minScore: row!.min_score === null ? null : Number(row!.min_score), pairs: Number(row!.n), pairedContacts: Number(row!.contacts ?? 0) };
}

/**
 * Stores a refresh's counts if nobody stored others since `generation` was read (null: nothing was stored then);
 * false when another refresh was first, whose state then stands. Rows of accounts deleted meanwhile are left out: their
 * pairs went with them.
 */
export async function saveCounts(db: Db, tenantId: string, generation: number | null, write: CountsWrite): Promise<boolean> {
  return db.transaction(async (tx) => {
    const values = [tenantId, write.minScore, write.contactsDigest, write.contactsCount];
    if (generation === null) {
      const inserted = await tx.query(
        `INSERT INTO duplicate_counts (tenant_id, min_score, contacts_digest, contacts_count) VALUES ($1, $2, $3, $4)
         ON CONFLICT (tenant_id) DO NOTHING RETURNING tenant_id`,
        values,
      );
      if (inserted.length === 0) return false;
    } else {
      const updated = await tx.query(
        `UPDATE duplicate_counts SET min_score = $2, contacts_digest = $3, contacts_count = $4, generation = generation + 1, counted_at = now()
         WHERE tenant_id = $1 AND generation = $5 RETURNING tenant_id`,
        [...values, generation],
      );
      if (updated.length === 0) return false;
    }
    if (write.pairedContacts) {
      await tx.query(`DELETE FROM duplicate_contact_accounts WHERE tenant_id = $1`, [tenantId]);
      await tx.query(
        `INSERT INTO duplicate_contact_accounts (tenant_id, account_id, paired_contacts)
         SELECT $1, c.id, c.n FROM unnest($2::uuid[], $3::int[]) AS c(id, n) JOIN accounts a ON a.tenant_id = $1 AND a.id = c.id`,
        [tenantId, [...write.pairedContacts.keys()], [...write.pairedContacts.values()]],
      );
    }
    const { accounts } = write;
    if (accounts.kind === 'unchanged') return true;
    if (accounts.kind === 'all') {
      await tx.query(`DELETE FROM duplicate_account_pairs WHERE tenant_id = $1`, [tenantId]);
      await tx.query(`DELETE FROM duplicate_account_inputs WHERE tenant_id = $1`, [tenantId]);
    } else {
      await tx.query(
        `DELETE FROM duplicate_account_pairs WHERE tenant_id = $1 AND (first_id = ANY($2::uuid[]) OR second_id = ANY($2::uuid[]))`,
        [tenantId, accounts.changed],
      );
      await tx.query(`DELETE FROM duplicate_account_inputs WHERE tenant_id = $1 AND account_id = ANY($2::uuid[])`, [tenantId, accounts.changed]);
    }
    await tx.query(
      `INSERT INTO duplicate_account_inputs (tenant_id, account_id, fingerprint)
       SELECT $1, i.id, i.fingerprint FROM unnest($2::uuid[], $3::text[]) AS i(id, fingerprint)
       JOIN accounts a ON a.tenant_id = $1 AND a.id = i.id`,
      [tenantId, [...accounts.fingerprints.keys()], [...accounts.fingerprints.values()]],
    );
    await tx.query(
      `INSERT INTO duplicate_account_pairs (tenant_id, first_id, second_id)
       SELECT $1, p.first_id, p.second_id FROM unnest($2::uuid[], $3::uuid[]) AS p(first_id, second_id)
       JOIN accounts a ON a.tenant_id = $1 AND a.id = p.first_id
       JOIN accounts b ON b.tenant_id = $1 AND b.id = p.second_id
       ON CONFLICT DO NOTHING`,
      [tenantId, accounts.pairs.map((p) => p[0]), accounts.pairs.map((p) => p[1])],
    );
    return true;
  });
}
