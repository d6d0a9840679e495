// Retention with anonymisation: policies per data class, a preview that lists what is due, and a run that does exactly
// that in short batches, resumable after an interruption, on request and every night.
//
// A preview writes the run row (policies, the instant periods count back from) and the id of every due record; the run
// works through those ids in batches of its own transactions, each changing only records still due (the same SQL
// condition), dropping the batch's ids and saving the counts with it. So the run never touches a record its preview did
// not list, a record restricted in between is skipped and counted as such, and an interrupted run resumes with the ids
// left. Locks are row locks of one batch, held for one short transaction.
import type { RetentionDataClass, RetentionPolicies, RetentionPoliciesUpdate, RetentionPolicySetting, RetentionPreview, RetentionRun } from '@crm/common';
import type { Actor } from '../../core/actor';
import { deleteReadAuditBefore } from '../../core/audit/read-audit';
import type { Db, Queryable } from '../../core/db/db';
import { decodeCursor, pageFrom } from '../../core/db/paging';
import { inTransaction } from '../../core/db/pg-errors';
import { conflict, DomainError, notFound, staleVersion } from '../../core/errors';
import { completePolicies, describePolicies, retentionCutoff } from './retention-policies';
import {
  anonymiseContacts,
  claimRun,
  countReadAuditBefore,
  deleteConsentProofs,
  dropItems,
  insertRun,
  lastDailyRunAt,
  listRuns,
  nextItems,
  planItems,
  readPolicies,
  readRun,
  recordBatch,
  refreshStatistics,
  releaseRun,
  retireInteractions,
  sampleItems,
  saveCounts,
  savePolicies,
  tenantsWithDailyRun,
  unfinishedRuns,
  type RunRow,
} from './retention-store';

const SAMPLE_SIZE = 5;
/** A nightly run is planned at most once in this long, however often the timer fires. */
const DAILY_GAP_MS = 20 * 3600_000;
const LEASE_SECONDS = 120;
/** Records per batch transaction: short enough to hold row locks for well under a second. */
export const RETENTION_BATCH = 500;

const etagOf = (version: number) => `"${version}"`;

export async function retentionPolicies(db: Db, tenantId: string, language: 'de' | 'en' = 'en'): Promise<RetentionPolicies> {
  const stored = await readPolicies(db, tenantId);
  return {
    policies: describePolicies(completePolicies(stored?.policies ?? null), true, language),
    dailyRun: stored?.daily_run ?? false,
    saved: stored !== null,
    updatedAt: stored ? new Date(stored.updated_at).toISOString() : null,
    etag: etagOf(stored?.version ?? 0),
  };
}

/** Replaces the policies; If-Match names the version read ("0" before the first save). */
export async function updateRetentionPolicies(
  db: Db,
  actor: Actor,
  expectedVersion: number,
  update: RetentionPoliciesUpdate,
  language: 'de' | 'en' = 'en',
): Promise<RetentionPolicies> {
  const saved = await inTransaction(db, (tx) =>
    savePolicies(tx, actor.tenantId, expectedVersion, completePolicies(update.policies), update.dailyRun, actor.userId),
  );
  if (!saved) throw staleVersion('retention policies');
  return retentionPolicies(db, actor.tenantId, language);
}

type RunPolicy = RetentionPolicySetting & { cutoff: string };

function toRun(row: RunRow): RetentionRun {
  const policies = row.policies.map((p) => ({
    dataClass: p.dataClass,
    action: p.action,
    cutoff: p.cutoff,
    ...(row.counts[p.dataClass] ?? { planned: 0, done: 0, skipped: 0 }),
  }));
  const planned = policies.reduce((sum, p) => sum + p.planned, 0);
  const handled = policies.reduce((sum, p) => sum + p.done + p.skipped, 0);
  const iso = (value: Date | null) => (value ? new Date(value).toISOString() : null);
  return {
    runId: row.id,
    status: row.status,
    trigger: row.trigger,
    asOf: new Date(row.as_of).toISOString(),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
    policies,
    progress: row.status === 'completed' || planned === 0 ? 100 : Math.min(100, Math.floor((handled / planned) * 100)),
  };
}

/** Lists what a run would do now, as a planned run: counts per policy and the oldest few records of each. */
export async function previewRetention(
  db: Db,
  tenantId: string,
  createdBy: string | null,
  trigger: RetentionRun['trigger'] = 'manual',
): Promise<RetentionPreview> {
  const stored = await readPolicies(db, tenantId);
  const asOf = new Date();
  const policies: RunPolicy[] = completePolicies(stored?.policies ?? null)
    .filter((p) => p.enabled)
    .map((p) => ({ ...p, cutoff: retentionCutoff(asOf, p).toISOString() }));
  await refreshStatistics(db, 'tables');
  const runId = await inTransaction(db, async (tx) => {
    const id = await insertRun(tx, tenantId, { trigger, asOf, policies, policiesVersion: stored?.version ?? 0, createdBy });
    const counts: RunRow['counts'] = {};
    for (const policy of policies) {
      const cutoff = new Date(policy.cutoff);
      const planned =
        policy.dataClass === 'read_audit' ? await countReadAuditBefore(tx, tenantId, cutoff) : await planItems(tx, tenantId, id, policy.dataClass, cutoff);
      counts[policy.dataClass] = { planned, done: 0, skipped: 0 };
    }
    await saveCounts(tx, tenantId, id, counts);
    return id;
  });
  await refreshStatistics(db, 'items');
  const samples = [];
  for (const policy of policies) {
    if (policy.dataClass === 'read_audit') continue;
    const records = await sampleItems(db, tenantId, runId, policy.dataClass, SAMPLE_SIZE);
    samples.push({ dataClass: policy.dataClass, records: records.map((r) => ({ id: r.id, label: r.label, date: new Date(r.date).toISOString() })) });
  }
  return { ...toRun((await readRun(db, tenantId, runId))!), samples };
}

export interface RunOptions {
  batchSize?: number;
  /** Stop (paused, resumable) after the batch that passes this instant (ms since epoch). */
  deadline?: number;
  /** Stop (paused, resumable) after the current batch. */
  signal?: AbortSignal;
  /** Called after every committed batch with the run's state: the progress a caller shows or logs. */
  onBatch?: (run: RetentionRun) => void;
  /** Wraps each batch's transaction, for a benchmark to see the statements a batch issues (bench/src/retention-explain.ts). */
  statements?: (tx: Queryable) => Queryable;
}

/**
 * One batch of a class: what changed and how many listed records were no longer due. Answers where the next batch of
 * the class starts (the last record id handled; '' for the read audit, which has no ids), or null when none was left.
 */
async function runBatch(
  db: Db,
  tenantId: string,
  run: RunRow,
  policy: RunPolicy,
  batchSize: number,
  after: string | null,
  statements: RunOptions['statements'],
): Promise<string | null> {
  const cutoff = new Date(policy.cutoff);
  const counts = run.counts[policy.dataClass]!;
  return inTransaction(db, async (batchTx) => {
    const tx = statements ? statements(batchTx) : batchTx;
    let handled: number;
    let done: number;
    let last = '';
    const { dataClass } = policy;
    if (dataClass === 'read_audit') {
      // Entries carry the time of the read, so none older than the cutoff appear after the preview counted them; fewer
      // deleted than asked means the rest went otherwise, and they count as skipped.
      const remaining = counts.planned - counts.done - counts.skipped;
      handled = Math.min(batchSize, remaining);
      done = handled > 0 ? await deleteReadAuditBefore(tx, tenantId, cutoff, handled) : 0;
      if (done === 0) handled = remaining;
    } else {
      const ids = await nextItems(tx, tenantId, run.id, dataClass, batchSize, after);
      handled = ids.length;
      last = ids[ids.length - 1] ?? '';
      done = await applyPolicy(tx, tenantId, ids, cutoff, dataClass, policy.action);
      await dropItems(tx, tenantId, run.id, dataClass, ids);
    }
    if (handled === 0) return null;
    counts.done += done;
    counts.skipped += handled - done;
    await recordBatch(tx, tenantId, run.id, run.counts, LEASE_SECONDS);
    return last;
  });
}

const applyPolicy = (
  tx: Queryable,
  tenantId: string,
  ids: readonly string[],
  cutoff: Date,
  dataClass: Exclude<RetentionDataClass, 'read_audit'>,
  action: RetentionPolicySetting['action'],
): Promise<number> => {
  if (ids.length === 0) return Promise.resolve(0);
  switch (dataClass) {
    case 'inactive_contacts':
      return anonymiseContacts(tx, tenantId, ids, cutoff);
    case 'consent_proofs':
      return deleteConsentProofs(tx, tenantId, ids, cutoff);
    default:
      return retireInteractions(tx, tenantId, ids, cutoff, dataClass, action);
  }
};

/**
 * Carries out a previewed run, or resumes a paused one (or one whose worker died), batch by batch until done or told to
 * stop. A completed run answers as it is. A run not started yet is refused once the policies changed after its preview.
 */
export async function runRetention(db: Db, tenantId: string, runId: string, options: RunOptions = {}): Promise<RetentionRun> {
  const existing = await readRun(db, tenantId, runId);
  if (!existing) throw notFound('retention run');
  if (existing.status === 'completed') return toRun(existing);
  if (existing.status === 'planned') {
    const current = await readPolicies(db, tenantId);
    if ((current?.version ?? 0) !== existing.policies_version) {
      throw conflict('The retention policies changed after this preview; preview again to see what a run would do now.', 'runId');
    }
  }
  const run = await claimRun(db, tenantId, runId, LEASE_SECONDS);
  if (!run) throw conflict('This retention run is being carried out right now; follow its progress under GET /api/privacy/retention/runs/{id}.', 'runId');
  const batchSize = options.batchSize ?? RETENTION_BATCH;
  for (const policy of run.policies) {
    let after: string | null = null;
    for (;;) {
      const last = await runBatch(db, tenantId, run, policy, batchSize, after, options.statements);
      if (last === null) break;
      after = last || null;
      options.onBatch?.(toRun(run));
      if (options.signal?.aborted || (options.deadline !== undefined && Date.now() > options.deadline)) {
        await releaseRun(db, tenantId, runId, 'paused');
        return toRun((await readRun(db, tenantId, runId))!);
      }
    }
  }
  await releaseRun(db, tenantId, runId, 'completed');
  return toRun((await readRun(db, tenantId, runId))!);
}

export async function retentionRun(db: Db, tenantId: string, runId: string): Promise<RetentionRun> {
  const row = await readRun(db, tenantId, runId);
  if (!row) throw notFound('retention run');
  return toRun(row);
}

export async function retentionRuns(db: Db, tenantId: string, query: { limit: number; cursor?: string }) {
  const after = decodeCursor(query.cursor, ['timestamp', 'uuid']);
  const rows = await listRuns(db, tenantId, query.limit + 1, after);
  const page = pageFrom(rows, query.limit, (row) => [row.cursor_at, row.id]);
  return { items: page.rows.map(toRun), nextCursor: page.nextCursor };
}

/**
 * The nightly timer: per tenant that switched it on, resume what an earlier night left unfinished, then preview and run
 * anew. Stops (paused) at the deadline; the next night resumes there.
 */
export async function runDailyRetention(db: Db, options: { deadline: number; log: (message: string) => void }): Promise<void> {
  for (const tenantId of await tenantsWithDailyRun(db)) {
    if (Date.now() > options.deadline) return;
    const runs = [...(await unfinishedRuns(db, tenantId))];
    const last = await lastDailyRunAt(db, tenantId);
    if (runs.length === 0 && (!last || Date.now() - last.getTime() > DAILY_GAP_MS)) runs.push((await previewRetention(db, tenantId, null, 'daily')).runId);
    for (const runId of runs) {
      const claimed = await runRetention(db, tenantId, runId, { deadline: options.deadline }).catch((error: unknown) => {
        // Another worker holds it (the other host, a manual run): it finishes it.
        if (error instanceof DomainError && error.kind === 'conflict') return null;
        throw error;
      });
      if (claimed) options.log(`retention run ${runId}: ${claimed.status}, ${claimed.progress} %`);
    }
  }
}
