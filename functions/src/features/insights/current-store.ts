// The precomputed current analysis per tenant and period (migration 0023): its head row, one row per account, and the
// change rows the triggers append. Not the monthly insight_snapshots (snapshots-store.ts).
import type { AccountInsights, ChurnRisk, TeamInsights } from '@crm/common';
import { prepared, type Db, type Queryable } from '../../core/db/db';
import { iso, isoOrNull, str, strOrNull } from '../../core/db/rows';
import type { OwnPart, RankedPart } from './answer-parts';
import type { GatheredAccount } from './service';

/** The second key of the tenant's advisory lock (the first is the tenant's hash), apart from other features' locks. */
const FOLD_LOCK_CLASS = 15;
/** A batch of account rows written in one statement: a few MB of JSON. */
const WRITE_BATCH = 1000;

/** Of a head row h: data it depends on changed since it was computed (a change row not folded yet, or a dirty set). */
const CHANGED_SINCE = `(h.dirty_all OR cardinality(h.dirty_accounts) > 0 OR EXISTS (SELECT 1 FROM insight_changes c WHERE c.tenant_id = h.tenant_id))`;

// One statement per read: the head, whether anything changed since (a change row not folded yet, or a dirty set), a
// refresh under way, and the account's answer when asked for one, its ranked parts laid over its own (migration 0029;
// an answer stored before holds both and has no ranked row). The team document comes only when the caller does not
// hold it already: $4 is the head row's xmin the caller serialised it from (every write of the head gives a new one), so
// a read of a team answer cached for that row reads the head's few columns and not the document. Exported as the
// benchmark's baseline (bench/).
export const SERVED_ANALYSIS_SQL = prepared(
  'insight-analysis-served',
  `SELECT h.computed_at, h.version, h.lease_until > now() AS refreshing, h.xmin::text AS row_version,
     CASE WHEN $3::uuid IS NULL AND h.xmin::text IS DISTINCT FROM $4::text THEN h.team END AS team,
     a.answer || COALESCE(r.ranked, '{}') AS answer,
     ${CHANGED_SINCE} AS changed
   FROM insight_analyses h
   LEFT JOIN insight_account_analyses a ON a.tenant_id = h.tenant_id AND a.period = h.period AND a.account_id = $3
   LEFT JOIN insight_account_ranks r ON r.tenant_id = a.tenant_id AND r.period = a.period AND r.account_id = a.account_id
   WHERE h.tenant_id = $1 AND h.period = $2`,
);

export interface ServedRow {
  /** Null while the first refresh has not finished. */
  computedAt: string | null;
  version: number;
  /** Which write of the head row this is (its xmin): a team answer serialised from it holds while it is the same. */
  rowVersion: string;
  refreshing: boolean;
  changed: boolean;
  /** Null for an account's read, and for a team read that named this row's rowVersion as held. */
  team: TeamInsights | null;
  answer: AccountInsights | null;
}

export async function readServed(
  db: Queryable,
  tenantId: string,
  period: string,
  accountId: string | null,
  heldRowVersion: string | null = null,
): Promise<ServedRow | null> {
  const [row] = await db.query(SERVED_ANALYSIS_SQL, [tenantId, period, accountId, heldRowVersion]);
  if (!row) return null;
  return {
    computedAt: isoOrNull(row.computed_at),
    version: Number(row.version),
    rowVersion: str(row, 'row_version'),
    refreshing: row.refreshing === true,
    changed: row.changed === true,
    team: (row.team as TeamInsights | null) ?? null,
    answer: (row.answer as AccountInsights | null) ?? null,
  };
}

export interface Claim {
  dirtyAll: boolean;
  dirtyAccounts: string[];
  folds: number;
  fullAt: string | null;
}

/**
 * Takes the refresh of one period, or null when a refresh of the tenant is under way (of any period: one at a time per
 * tenant, so a tenant's refreshes never compete for the database with each other). First folds the tenant's change rows into every
 * period's dirty set, under the tenant's advisory lock so two folds never interleave; the rows are deleted only here,
 * in the transaction that records them, so a crash loses none.
 */
export async function claimRefresh(db: Db, tenantId: string, period: string, token: string, leaseSeconds: number): Promise<Claim | null> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock($1, hashtext($2))`, [FOLD_LOCK_CLASS, tenantId]);
    await tx.query(`INSERT INTO insight_analyses (tenant_id, period) VALUES ($1, $2) ON CONFLICT (tenant_id, period) DO NOTHING`, [tenantId, period]);
    const changes = await tx.query(`DELETE FROM insight_changes WHERE tenant_id = $1 RETURNING account_id`, [tenantId]);
    if (changes.length > 0) {
      const accounts = [...new Set(changes.flatMap((c) => (c.account_id === null ? [] : [str(c, 'account_id')])))];
      await tx.query(
        `UPDATE insight_analyses SET dirty_all = dirty_all OR $2, folds = folds + 1,
           dirty_accounts = ARRAY(SELECT DISTINCT a FROM unnest(dirty_accounts || $3::uuid[]) a)
         WHERE tenant_id = $1`,
        [tenantId, changes.some((c) => c.account_id === null), accounts],
      );
    }
    const [claimed] = await tx.query(
      `UPDATE insight_analyses SET lease_token = $3, lease_until = now() + make_interval(secs => $4)
       WHERE tenant_id = $1 AND period = $2 AND (lease_until IS NULL OR lease_until < now())
         AND NOT EXISTS (SELECT 1 FROM insight_analyses o WHERE o.tenant_id = $1 AND o.period <> $2 AND o.lease_until >= now())
       RETURNING dirty_all, dirty_accounts, folds, full_at`,
      [tenantId, period, token, leaseSeconds],
    );
    if (!claimed) return null;
    return {
      dirtyAll: claimed.dirty_all === true,
      dirtyAccounts: (claimed.dirty_accounts as string[]).map(String),
      folds: Number(claimed.folds),
      fullAt: isoOrNull(claimed.full_at),
    };
  });
}

/** Gives a failed refresh's lease back at once, so the next reader need not wait for it to run out. */
export async function releaseLease(db: Queryable, tenantId: string, period: string, token: string): Promise<void> {
  await db.query(`UPDATE insight_analyses SET lease_token = NULL, lease_until = NULL WHERE tenant_id = $1 AND period = $2 AND lease_token = $3`, [
    tenantId,
    period,
    token,
  ]);
}

export interface StoredAccount {
  gathered: GatheredAccount;
  /** Of the account's own answer (answer-parts.ts); null for one stored before migration 0029. */
  digest: string | null;
  ranked: RankedPart | null;
}

/** What a refresh compares its new answers with: the facts and the ranked parts, not the answers themselves. */
export async function storedAccounts(db: Queryable, tenantId: string, period: string): Promise<Map<string, StoredAccount>> {
  const rows = await db.query(
    `SELECT a.account_id, a.facts, a.answer_digest, r.ranked FROM insight_account_analyses a
     LEFT JOIN insight_account_ranks r ON r.tenant_id = a.tenant_id AND r.period = a.period AND r.account_id = a.account_id
     WHERE a.tenant_id = $1 AND a.period = $2`,
    [tenantId, period],
  );
  return new Map(
    rows.map((row) => [
      str(row, 'account_id'),
      { gathered: row.facts as GatheredAccount, digest: strOrNull(row, 'answer_digest'), ranked: (row.ranked as RankedPart | null) ?? null },
    ]),
  );
}

/** What a segment list's filter and its members read of an account, as the stored analysis holds it. */
export interface StoredSegmentFacts {
  id: string;
  name: string;
  industry: string | null;
  ownerId: string | null;
  revenueCents: number;
  previousRevenueCents: number;
  lastContactAt: string | null;
  abcClass: string | null;
  segment: string | null;
}

// The stored analysis's accounts that still exist (s), with their current names (acc) and ranked parts (k.abc_class,
// k.segment): from insight_account_ranks (r), or from the answer where it was stored before migration 0029.
const STORED_ACCOUNTS_FROM = `FROM insight_account_analyses s
   JOIN accounts acc ON acc.tenant_id = s.tenant_id AND acc.id = s.account_id
   LEFT JOIN LATERAL (
     SELECT r.account_id, r.abc_class, r.segment FROM insight_account_ranks r
     WHERE r.tenant_id = s.tenant_id AND r.period = s.period AND r.account_id = s.account_id LIMIT 1
   ) r ON true
   CROSS JOIN LATERAL (
     SELECT CASE WHEN r.account_id IS NULL THEN s.answer_abc_class ELSE r.abc_class END AS abc_class,
       CASE WHEN r.account_id IS NULL THEN s.answer_segment ELSE r.segment END AS segment
   ) k
   WHERE s.tenant_id = $1 AND s.period = $2
   ORDER BY lower(acc.name), acc.id`;

// Exported as the benchmark's baseline (bench/), like SERVED_ANALYSIS_SQL.
export const SEGMENT_FACTS_SQL = prepared(
  'insight-segment-facts',
  `SELECT s.account_id AS id, acc.name, acc.industry, acc.owner_id, s.revenue_cents, s.previous_revenue_cents, s.last_contact_at, k.abc_class, k.segment
   ${STORED_ACCOUNTS_FROM}`,
);

/**
 * The stored analysis's accounts that still exist, by name as the analysis orders them, with their current names:
 * the columns migration 0033 generates from the stored documents, not the documents (a segment list reads all
 * accounts). The ranked parts come from insight_account_ranks, or from the answer where it was stored before migration
 * 0029: one primary-key probe per account (the LIMIT keeps the planner from making it a join), as a join was planned as
 * a nested loop over all the period's ranks per account while the statistics had not seen a refresh's rows (8.2 s for
 * 10,000 accounts on the large benchmark tenant).
 */
export async function storedSegmentFacts(db: Queryable, tenantId: string, period: string): Promise<StoredSegmentFacts[]> {
  const rows = await db.query<{
    id: string;
    name: string;
    industry: string | null;
    owner_id: string | null;
    revenue_cents: string | null;
    previous_revenue_cents: string | null;
    last_contact_at: string | null;
    abc_class: string | null;
    segment: string | null;
  }>(SEGMENT_FACTS_SQL, [tenantId, period]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    industry: r.industry,
    ownerId: r.owner_id,
    revenueCents: Number(r.revenue_cents ?? 0),
    previousRevenueCents: Number(r.previous_revenue_cents ?? 0),
    lastContactAt: r.last_contact_at,
    abcClass: r.abc_class,
    segment: r.segment,
  }));
}

/** When the period's analysis was computed and whether anything changed since; null before its first refresh began. */
export async function analysisState(db: Queryable, tenantId: string, period: string): Promise<{ computedAt: string | null; changed: boolean } | null> {
  const [row] = await db.query(`SELECT h.computed_at, ${CHANGED_SINCE} AS changed FROM insight_analyses h WHERE h.tenant_id = $1 AND h.period = $2`, [
    tenantId,
    period,
  ]);
  return row ? { computedAt: isoOrNull(row.computed_at), changed: row.changed === true } : null;
}

/** What the automation rules act on, per account of the stored analysis (rules/service.ts of automation). */
export interface StoredRuleFacts {
  id: string;
  name: string;
  createdAt: string;
  lastContactAt: string | null;
  medianGapDays: number | null;
  abcClass: string | null;
  segment: string | null;
  /** Only for the accounts at risk, whose follow-up names the factors: the answers' risk documents are read for them alone. */
  churnRisk: ChurnRisk | null;
}

/**
 * Every account of the stored analysis that still exists, by name, with its current name: the facts and ranked parts as
 * the segment lists read them (SEGMENT_FACTS_SQL), the creation time and rhythm from the stored facts.
 */
export async function storedRuleFacts(db: Queryable, tenantId: string, period: string): Promise<StoredRuleFacts[]> {
  const rows = await db.query(
    `SELECT s.account_id AS id, acc.name, s.facts #>> '{facts,createdAt}' AS created_at, s.last_contact_at,
       (s.facts #>> '{facts,medianGapDays}')::float8 AS median_gap_days, k.abc_class, k.segment,
       CASE WHEN k.segment = 'at_risk' THEN s.answer -> 'churnRisk' END AS churn_risk
     ${STORED_ACCOUNTS_FROM}`,
    [tenantId, period],
  );
  return rows.map((row) => ({
    id: str(row, 'id'),
    name: str(row, 'name'),
    createdAt: iso(row.created_at),
    lastContactAt: isoOrNull(row.last_contact_at),
    medianGapDays: row.median_gap_days === null ? null : Number(row.median_gap_days),
    abcClass: strOrNull(row, 'abc_class'),
    segment: strOrNull(row, 'segment'),
    churnRisk: (row.churn_risk as ChurnRisk | null) ?? null,
  }));
}

/** The tenant's account ids in the order the full analysis reads them (accounts_by_name, an index-only scan). */
export async function accountOrder(db: Queryable, tenantId: string): Promise<string[]> {
  const rows = await db.query(`SELECT id FROM accounts WHERE tenant_id = $1 ORDER BY lower(name), id`, [tenantId]);
  return rows.map((row) => str(row, 'id'));
}

export interface RefreshWrite {
  computedAt: string;
  full: boolean;
  team: TeamInsights;
  /** Answer rows to insert or replace: accounts whose facts or own figures changed. */
  rows: Array<{ accountId: string; stored: GatheredAccount; answer: OwnPart; digest: string }>;
  /** Ranked rows to insert or replace: accounts whose ranked parts changed. */
  ranks: Array<{ accountId: string; ranked: RankedPart }>;
  /** Accounts gone since the last refresh (a full refresh replaces all rows instead). */
  removed: string[];
  /** The fold count the claim saw: a fold since then may have marked accounts this refresh read before they changed. */
  folds: number;
}

/** Writes a refresh in one transaction, if its lease is still its own; false when it ran out and another took over. */
export async function saveRefresh(db: Db, tenantId: string, period: string, token: string, write: RefreshWrite): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [mine] = await tx.query(`SELECT 1 FROM insight_analyses WHERE tenant_id = $1 AND period = $2 AND lease_token = $3 FOR UPDATE`, [
      tenantId,
      period,
      token,
    ]);
    if (!mine) return false;
    for (const table of ['insight_account_analyses', 'insight_account_ranks']) {
      if (write.full) await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND period = $2`, [tenantId, period]);
      else if (write.removed.length > 0)
        await tx.query(`DELETE FROM ${table} WHERE tenant_id = $1 AND period = $2 AND account_id = ANY($3::uuid[])`, [tenantId, period, write.removed]);
    }
    for (let i = 0; i < write.rows.length; i += WRITE_BATCH) {
      const batch = write.rows.slice(i, i + WRITE_BATCH).map((r) => ({ id: r.accountId, facts: r.stored, answer: r.answer, digest: r.digest }));
      await tx.query(
        `INSERT INTO insight_account_analyses (tenant_id, period, account_id, facts, answer, answer_digest)
         SELECT $1, $2, x.id, x.facts, x.answer, x.digest FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, facts jsonb, answer jsonb, digest text)
         ON CONFLICT (tenant_id, period, account_id) DO UPDATE SET facts = EXCLUDED.facts, answer = EXCLUDED.answer, answer_digest = EXCLUDED.answer_digest`,
        [tenantId, period, JSON.stringify(batch)],
      );
    }
    for (let i = 0; i < write.ranks.length; i += WRITE_BATCH) {
      const batch = write.ranks.slice(i, i + WRITE_BATCH).map((r) => ({ id: r.accountId, ranked: r.ranked }));
      await tx.query(
        `INSERT INTO insight_account_ranks (tenant_id, period, account_id, ranked)
         SELECT $1, $2, x.id, x.ranked FROM jsonb_to_recordset($3::jsonb) AS x(id uuid, ranked jsonb)
         ON CONFLICT (tenant_id, period, account_id) DO UPDATE SET ranked = EXCLUDED.ranked`,
        [tenantId, period, JSON.stringify(batch)],
      );
    }
    await tx.query(
      `UPDATE insight_analyses SET team = $3, computed_at = $4, full_at = CASE WHEN $5 THEN $4::timestamptz ELSE full_at END,
         version = version + 1, lease_token = NULL, lease_until = NULL,
         dirty_all = CASE WHEN folds = $6 THEN false ELSE dirty_all END,
         dirty_accounts = CASE WHEN folds = $6 THEN '{}' ELSE dirty_accounts END
       WHERE tenant_id = $1 AND period = $2`,
      [tenantId, period, JSON.stringify(write.team), write.computedAt, write.full, write.folds],
    );
    return true;
  });
}

/**
 * The analyses a refresh timer should bring up to date: changed since, or computed before `dayStart`, and no refresh
 * under way; the oldest first. Read across tenants by design, as the other timers do.
 */
export async function staleAnalyses(db: Queryable, dayStart: string): Promise<Array<{ tenantId: string; period: string }>> {
  const rows = await db.query(
    `SELECT h.tenant_id, h.period FROM insight_analyses h
     WHERE (h.lease_until IS NULL OR h.lease_until < now())
       AND (h.computed_at IS NULL OR h.computed_at < $1 OR h.dirty_all OR cardinality(h.dirty_accounts) > 0
            OR EXISTS (SELECT 1 FROM insight_changes c WHERE c.tenant_id = h.tenant_id))
     ORDER BY h.computed_at NULLS FIRST, h.tenant_id, h.period`,
    [dayStart],
  );
  return rows.map((row) => ({ tenantId: str(row, 'tenant_id'), period: str(row, 'period') }));
}

/**
 * Change rows of tenants that have no analysis: nobody reads them, and a first refresh gathers everything anyway.
 * Rows of a transaction still open are invisible here and stay, so a tenant's first analysis misses none.
 */
export async function dropUnreadChanges(db: Queryable): Promise<number> {
  const rows = await db.query(
    `DELETE FROM insight_changes c WHERE NOT EXISTS (SELECT 1 FROM insight_analyses h WHERE h.tenant_id = c.tenant_id) RETURNING 1`,
  );
  return rows.length;
}
