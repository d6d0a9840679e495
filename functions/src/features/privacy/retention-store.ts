// The SQL of retention: the policy document, the runs, the records a preview found due, and the anonymisation and
// deletion of each data class. Every statement filters by tenant_id. Whether a record is due is one SQL condition per
// class (`due`), used both to list it in the preview and again when the run changes it, so a record that stopped being
// due in between (restricted since, touched again) is skipped instead of changed.
import type { RetentionDataClass, RetentionPolicySetting } from '@crm/common';
import type { Queryable } from '../../core/db/db';
import type { Row } from '../../core/db/rows';

export interface StoredPolicies {
  policies: RetentionPolicySetting[];
  daily_run: boolean;
  version: number;
  updated_at: Date;
}

const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

export async function readPolicies(db: Queryable, tenantId: string): Promise<StoredPolicies | null> {
  const rows = await db.query<StoredPolicies>(`SELECT policies, daily_run, version, updated_at FROM retention_policies WHERE tenant_id = $1`, [tenantId]);
  const row = rows[0];
  return row ? { ...row, policies: parsed(row.policies), version: Number(row.version) } : null;
}

/** Saves the document if its version is still the one read (0: none stored yet); false when someone else saved first. */
export async function savePolicies(
  tx: Queryable,
  tenantId: string,
  expectedVersion: number,
  policies: readonly RetentionPolicySetting[],
  dailyRun: boolean,
  actorId: string,
): Promise<boolean> {
  const json = JSON.stringify(policies);
  const rows =
    expectedVersion === 0
      ? await tx.query(
          `INSERT INTO retention_policies (tenant_id, policies, daily_run, updated_by) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id) DO NOTHING RETURNING 1`,
          [tenantId, json, dailyRun, actorId],
        )
      : await tx.query(
          `UPDATE retention_policies SET policies = $3, daily_run = $4, updated_by = $5, updated_at = now(), version = version + 1
           WHERE tenant_id = $1 AND version = $2 RETURNING 1`,
          [tenantId, expectedVersion, json, dailyRun, actorId],
        );
  return rows.length > 0;
}

/** Tenants whose officer switched the nightly run on. Crosses tenants by design, like the sync timer's claim. */
export async function tenantsWithDailyRun(db: Queryable): Promise<string[]> {
  return (await db.query<{ tenant_id: string }>(`SELECT tenant_id FROM retention_policies WHERE daily_run ORDER BY tenant_id`)).map((r) => r.tenant_id);
}

const RESTRICTED = (contact: string) =>
  `EXISTS (SELECT 1 FROM contact_restrictions r WHERE r.tenant_id = $1 AND r.contact_id = ${contact} AND r.lifted_at IS NULL)`;

const INTERACTION_OF_RESTRICTED = `EXISTS (
  SELECT 1 FROM interaction_contacts ic JOIN contact_restrictions r ON r.tenant_id = ic.tenant_id AND r.contact_id = ic.contact_id AND r.lifted_at IS NULL
  WHERE ic.tenant_id = $1 AND ic.interaction_id = i.id)`;

export const INTERACTION_TYPES = {
  email_meeting_interactions: ['email', 'meeting'],
  note_chat_web_form_interactions: ['note', 'chat', 'web_form'],
} as const;

const typeList = (dataClass: keyof typeof INTERACTION_TYPES) => INTERACTION_TYPES[dataClass].map((t) => `'${t}'`).join(', ');

/** Interactions of the class (its types are constants of this file, not input) that are due. */
const interactionsDue = (dataClass: keyof typeof INTERACTION_TYPES) =>
  `i.tenant_id = $1 AND i.type IN (${typeList(dataClass)}) AND i.occurred_at < $2 AND i.anonymised_at IS NULL AND NOT ${INTERACTION_OF_RESTRICTED}`;

/** The table, alias and due condition of each class kept as records ($1 tenant, $2 cutoff). */
const targets = {
  inactive_contacts: {
    from: 'contacts c',
    id: 'c.id',
    due: `c.tenant_id = $1 AND c.anonymised_at IS NULL AND c.created_at < $2 AND c.updated_at < $2
      AND NOT ${RESTRICTED('c.id')}
      AND NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.tenant_id = $1 AND ic.contact_id = c.id AND ic.occurred_at >= $2)
      AND NOT EXISTS (SELECT 1 FROM opportunity_contacts oc JOIN opportunities o ON o.tenant_id = oc.tenant_id AND o.id = oc.opportunity_id
                      WHERE oc.tenant_id = $1 AND oc.contact_id = c.id
                        AND (o.status = 'open' OR (o.status = 'won' AND coalesce(o.closed_at, o.updated_at) >= $2)))
      AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.tenant_id = $1 AND t.contact_id = c.id AND (t.status = 'open' OR t.updated_at >= $2))
      AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = $1 AND k.contact_id = c.id AND k.captured_at >= $2)`,
    sample: `trim(c.first_name || ' ' || c.last_name)`,
    date: 'c.updated_at',
  },
  consents: {
    from: 'consents k JOIN contacts c ON c.tenant_id = k.tenant_id AND c.id = k.contact_id',
    id: 'k.id',
    due: `k.tenant_id = $1 AND c.anonymised_at < $2 AND NOT ${RESTRICTED('k.contact_id')}`,
    sample: `k.channel || ' / ' || k.purpose || ': ' || k.action`,
    date: 'c.anonymised_at',
  },
  erasedProofs: {
    from: 'erased_consent_proofs p JOIN erasures e ON e.tenant_id = p.tenant_id AND e.id = p.erasure_id',
    id: 'p.id',
    due: `p.tenant_id = $1 AND e.erased_at < $2`,
    sample: `p.channel || ' / ' || p.purpose || ': ' || p.action`,
    date: 'e.erased_at',
  },
} as const;

interface Target {
  from: string;
  id: string;
  due: string;
  sample: string;
  date: string;
}

const targetsOf = (dataClass: Exclude<RetentionDataClass, 'read_audit'>): Target[] =>
  dataClass === 'inactive_contacts'
    ? [targets.inactive_contacts]
    : dataClass === 'consent_proofs'
      ? [targets.consents, targets.erasedProofs]
      : [{ from: 'interactions i', id: 'i.id', due: interactionsDue(dataClass), sample: `i.type || ': ' || i.subject`, date: 'i.occurred_at' }];

/** Every table a preview scans or a run's batches change, the run's own items last. */
const RUN_TABLES = [
  'contacts',
  'contact_emails',
  'contact_restrictions',
  'interactions',
  'interaction_contacts',
  'interaction_loggers',
  'interaction_pending_contacts',
  'interaction_leads',
  'opportunity_contacts',
  'tasks',
  'sync_conflicts',
  'graph_items',
  'consents',
  'erasures',
  'erased_consent_proofs',
  'read_audit',
] as const;

/**
 * Brings the planner's statistics of the tables retention works on up to date (ANALYZE reads a bounded sample, not
 * the tables). Without them, which embedded PGlite never gathers on its own and a server's autovacuum gathers only
 * some time after a bulk load, the planner took the million old emails for a handful: it looked the batch's ids up
 * through the interactions_by_occurred range, and the links to drop through a scan of the tenant's links, so every
 * batch read all old records again and a run grew with the square of its size. Outside any transaction, so its lock
 * (which only other ANALYZE, VACUUM and schema changes wait for) is held no longer than the statement.
 */
export async function refreshStatistics(db: Queryable, what: 'tables' | 'items'): Promise<void> {
  await db.exec(`ANALYZE ${what === 'tables' ? RUN_TABLES.join(', ') : 'retention_run_items'}`);
}

/** Lists every record of the class that is due as an item of the run; answers how many. One statement, no row locks. */
export async function planItems(tx: Queryable, tenantId: string, runId: string, dataClass: Exclude<RetentionDataClass, 'read_audit'>, cutoff: Date): Promise<number> {
  let planned = 0;
  for (const target of targetsOf(dataClass)) {
    const rows = await tx.query<{ n: number }>(
      `WITH added AS (
         INSERT INTO retention_run_items (tenant_id, run_id, data_class, record_id)
         SELECT $1, $3, $4, ${target.id} FROM ${target.from} WHERE ${target.due} RETURNING 1)
       SELECT count(*)::int AS n FROM added`,
      [tenantId, cutoff.toISOString(), runId, dataClass],
    );
    planned += Number(rows[0]!.n);
  }
  return planned;
}

/** The oldest few records a preview listed, with a label, for the officer to check before running it. */
export async function sampleItems(db: Queryable, tenantId: string, runId: string, dataClass: Exclude<RetentionDataClass, 'read_audit'>, limit: number) {
  const samples: { id: string; label: string; date: Date }[] = [];
  for (const target of targetsOf(dataClass)) {
    const rows = await db.query<{ id: string; label: string; date: Date }>(
      `SELECT ${target.id} AS id, ${target.sample} AS label, ${target.date} AS date
       FROM ${target.from} JOIN retention_run_items x ON x.tenant_id = $1 AND x.run_id = $2 AND x.data_class = $3 AND x.record_id = ${target.id}
       WHERE ${target.id.split('.')[0]}.tenant_id = $1 ORDER BY ${target.date}, ${target.id} LIMIT $4`,
      [tenantId, runId, dataClass, limit],
    );
    samples.push(...rows);
  }
  return samples.sort((a, b) => new Date(a.date).getTime() - new Date(b.date).getTime()).slice(0, limit);
}

/**
 * The next records of the class the run has not handled yet, in id order, after the last one this worker handled (null
 * at the start or on resuming: every batch before dropped its ids, so the first left is where to go on). Starting after
 * that id keeps the scan from walking the index entries of the batches already dropped, which stay until a vacuum.
 */
export async function nextItems(
  tx: Queryable,
  tenantId: string,
  runId: string,
  dataClass: RetentionDataClass,
  limit: number,
  after: string | null,
): Promise<string[]> {
  const rows = await tx.query<{ record_id: string }>(
    `SELECT record_id FROM retention_run_items WHERE tenant_id = $1 AND run_id = $2 AND data_class = $3 ${after ? 'AND record_id > $5' : ''}
     ORDER BY record_id LIMIT $4`,
    after ? [tenantId, runId, dataClass, limit, after] : [tenantId, runId, dataClass, limit],
  );
  return rows.map((r) => r.record_id);
}

/**
 * Drops a batch nextItems answered (ids in ascending order). The id range is what keeps this one index range: the
 * preview fills the table in one statement and nothing analyses it before the run, so the planner expects one row per
 * run and class and, given only `record_id = ANY(...)`, applies that as a filter over every item still left, which
 * made each batch cost as much as the records remaining (measured: 199,500 rows filtered to drop 500 of 200,000).
 */
export async function dropItems(tx: Queryable, tenantId: string, runId: string, dataClass: RetentionDataClass, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.query(
    `DELETE FROM retention_run_items WHERE tenant_id = $1 AND run_id = $2 AND data_class = $3
       AND record_id BETWEEN $5::uuid AND $6::uuid AND record_id = ANY($4::uuid[])`,
    [tenantId, runId, dataClass, [...ids], ids[0], ids[ids.length - 1]],
  );
}

const count = async (tx: Queryable, sql: string, params: readonly unknown[]): Promise<number> =>
  Number((await tx.query<{ n: number }>(sql, params))[0]?.n ?? 0);

/**
 * Anonymises the listed contacts that are still due, locking each only for this batch's transaction. The row stays
 * with its account, owner and buying role; everything naming or reaching the person goes.
 */
export async function anonymiseContacts(tx: Queryable, tenantId: string, ids: readonly string[], cutoff: Date): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE contacts c SET first_name = '', last_name = '[anonymised]', emails = '{}', phones = '[]', job_title = NULL,
       communication_preferences = '{}', custom_fields = '{}', anonymised_at = now(), version = c.version + 1, updated_at = now()
     WHERE c.id = ANY($3::uuid[]) AND ${targets.inactive_contacts.due}
     RETURNING c.id`,
    [tenantId, cutoff.toISOString(), [...ids]],
  );
  const done = rows.map((r) => r.id);
  if (done.length > 0) {
    const params = [tenantId, done];
    await tx.query(`DELETE FROM contact_emails WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`, params);
    await tx.query(`DELETE FROM tasks WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[]) AND status <> 'open'`, params);
    await tx.query(`DELETE FROM sync_conflicts WHERE tenant_id = $1 AND contact_id = ANY($2::uuid[])`, params);
    await tx.query(`DELETE FROM graph_items WHERE tenant_id = $1 AND kind IN ('contact', 'crm_folder_contact') AND record_id = ANY($2::uuid[])`, params);
  }
  return done.length;
}

/** Anonymises or deletes the listed interactions of the class that are still due. */
export async function retireInteractions(
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
  cutoff: Date,
  dataClass: keyof typeof INTERACTION_TYPES,
  action: RetentionPolicySetting['action'],
): Promise<number> {
  const base = [tenantId, cutoff.toISOString(), [...ids]];
  const due = interactionsDue(dataClass);
  const rows =
    action === 'delete'
      ? await tx.query<{ id: string }>(`DELETE FROM interactions i WHERE i.id = ANY($3::uuid[]) AND ${due} RETURNING i.id`, base)
      : await tx.query<{ id: string }>(
          `UPDATE interactions i SET subject = '', summary = NULL, resolution = NULL, internet_message_id = NULL, ical_uid = NULL,
             teams_message_id = NULL, conversation_id = NULL, teams_origin = NULL, anonymised_at = now(), version = i.version + 1, updated_at = now()
           WHERE i.id = ANY($3::uuid[]) AND ${due}
           RETURNING i.id`,
          base,
        );
  const done = rows.map((r) => r.id);
  if (done.length > 0) {
    const params = [tenantId, done];
    await tx.query(`DELETE FROM graph_items WHERE tenant_id = $1 AND kind = 'event' AND record_id = ANY($2::uuid[])`, params);
    if (action === 'anonymise') {
      await tx.query(`DELETE FROM interaction_contacts WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[])`, params);
      await tx.query(`DELETE FROM interaction_loggers WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[])`, params);
      await tx.query(`DELETE FROM interaction_pending_contacts WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[])`, params);
      // The lead it was linked to by address is a person too; an anonymised interaction names no one.
      await tx.query(`DELETE FROM interaction_leads WHERE tenant_id = $1 AND interaction_id = ANY($2::uuid[])`, params);
    }
  }
  return done.length;
}

/** Deletes the listed consent entries and erasure proofs that are still due. */
export async function deleteConsentProofs(tx: Queryable, tenantId: string, ids: readonly string[], cutoff: Date): Promise<number> {
  const params = [tenantId, cutoff.toISOString(), [...ids]];
  const ledger = await count(
    tx,
    `WITH gone AS (DELETE FROM consents k USING contacts c WHERE c.tenant_id = k.tenant_id AND c.id = k.contact_id AND k.id = ANY($3::uuid[]) AND ${targets.consents.due} RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    params,
  );
  const proofs = await count(
    tx,
    `WITH gone AS (DELETE FROM erased_consent_proofs p USING erasures e WHERE e.tenant_id = p.tenant_id AND e.id = p.erasure_id AND p.id = ANY($3::uuid[]) AND ${targets.erasedProofs.due} RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
    params,
  );
  return ledger + proofs;
}

export interface RunRow {
  id: string;
  status: 'planned' | 'running' | 'paused' | 'completed';
  trigger: 'manual' | 'daily';
  as_of: Date;
  policies: (RetentionPolicySetting & { cutoff: string })[];
  policies_version: number;
  counts: Record<string, { planned: number; done: number; skipped: number }>;
  created_by: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  cursor_at?: string;
}

const RUN_COLUMNS = `id, status, trigger, as_of, policies, policies_version, counts, created_by, created_at, started_at, finished_at`;

const runRow = (row: Row): RunRow => {
  const r = row as unknown as RunRow;
  return { ...r, policies: parsed(r.policies), counts: parsed(r.counts), policies_version: Number(r.policies_version) };
};

export async function insertRun(
  tx: Queryable,
  tenantId: string,
  run: { trigger: RunRow['trigger']; asOf: Date; policies: RunRow['policies']; policiesVersion: number; createdBy: string | null },
): Promise<string> {
  const rows = await tx.query<{ id: string }>(
    `INSERT INTO retention_runs (tenant_id, trigger, as_of, policies, policies_version, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [tenantId, run.trigger, run.asOf.toISOString(), JSON.stringify(run.policies), run.policiesVersion, run.createdBy],
  );
  return rows[0]!.id;
}

export async function saveCounts(tx: Queryable, tenantId: string, runId: string, counts: RunRow['counts']): Promise<void> {
  await tx.query(`UPDATE retention_runs SET counts = $3 WHERE tenant_id = $1 AND id = $2`, [tenantId, runId, JSON.stringify(counts)]);
}

export async function readRun(db: Queryable, tenantId: string, runId: string): Promise<RunRow | null> {
  const rows = await db.query(`SELECT ${RUN_COLUMNS} FROM retention_runs WHERE tenant_id = $1 AND id = $2`, [tenantId, runId]);
  return rows[0] ? runRow(rows[0]) : null;
}

/**
 * Takes the run for this worker until the lease passes: a planned or paused run, or a running one whose worker died
 * (its lease passed). Null when another worker holds it or it is completed.
 */
export async function claimRun(db: Queryable, tenantId: string, runId: string, leaseSeconds: number): Promise<RunRow | null> {
  const rows = await db.query(
    `UPDATE retention_runs SET status = 'running', started_at = coalesce(started_at, now()), lease_until = now() + make_interval(secs => $3)
     WHERE tenant_id = $1 AND id = $2 AND (status IN ('planned', 'paused') OR (status = 'running' AND lease_until < now()))
     RETURNING ${RUN_COLUMNS}`,
    [tenantId, runId, leaseSeconds],
  );
  return rows[0] ? runRow(rows[0]) : null;
}

/** One batch's account of itself, in the batch's transaction, extending the lease. */
export async function recordBatch(tx: Queryable, tenantId: string, runId: string, counts: RunRow['counts'], leaseSeconds: number): Promise<void> {
  await tx.query(`UPDATE retention_runs SET counts = $3, lease_until = now() + make_interval(secs => $4) WHERE tenant_id = $1 AND id = $2`, [
    tenantId,
    runId,
    JSON.stringify(counts),
    leaseSeconds,
  ]);
}

export async function releaseRun(db: Queryable, tenantId: string, runId: string, status: 'paused' | 'completed'): Promise<void> {
  await db.query(
    `UPDATE retention_runs SET status = $3, lease_until = NULL, finished_at = CASE WHEN $3 = 'completed' THEN now() ELSE NULL END
     WHERE tenant_id = $1 AND id = $2`,
    [tenantId, runId, status],
  );
}

/** Runs newest first, keyset-paged by (created_at, id). */
export async function listRuns(db: Queryable, tenantId: string, limit: number, after: readonly [string, string] | null): Promise<RunRow[]> {
  const rows = await db.query(
    `SELECT ${RUN_COLUMNS}, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at FROM retention_runs
     WHERE tenant_id = $1 ${after ? 'AND (created_at, id) < ($3::timestamptz, $4::uuid)' : ''}
     ORDER BY created_at DESC, id DESC LIMIT $2`,
    after ? [tenantId, limit, after[0], after[1]] : [tenantId, limit],
  );
  return rows.map(runRow);
}

/** Unfinished runs of a tenant (oldest first): the nightly timer resumes them before it plans a new one. */
export async function unfinishedRuns(db: Queryable, tenantId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `SELECT id FROM retention_runs WHERE tenant_id = $1 AND status IN ('paused', 'running') ORDER BY created_at, id`,
    [tenantId],
  );
  return rows.map((r) => r.id);
}

/** When the nightly timer last planned a run for the tenant, so a host restart (which fires every timer) plans no second one. */
export async function lastDailyRunAt(db: Queryable, tenantId: string): Promise<Date | null> {
  const rows = await db.query<{ at: Date | null }>(`SELECT max(created_at) AS at FROM retention_runs WHERE tenant_id = $1 AND trigger = 'daily'`, [tenantId]);
  return rows[0]?.at ? new Date(rows[0].at) : null;
}

export async function countReadAuditBefore(db: Queryable, tenantId: string, cutoff: Date): Promise<number> {
  return count(db, `SELECT count(*)::int AS n FROM read_audit WHERE tenant_id = $1 AND at < $2`, [tenantId, cutoff.toISOString()]);
}
