// The insights endpoints answer from the tenant's precomputed analysis of the period (issue 15): gathering the facts of
// every account takes seconds on a large tenant, reading one row does not. Every answer says how old its figures are.
//
// Freshness: triggers record which accounts a write touched (migration 0023). A read that finds its analysis stale
// answers the previous figures with their computedAt, marked stale, and starts a refresh in the background when the
// analysis is older than REFRESH_AFTER_MS and nobody else is refreshing it. Only the first read of a period, or of an
// account the analysis does not hold yet, waits for a refresh. The timer refreshes what went stale in between.
//
// A refresh is incremental when it can be: the facts of the changed accounts are gathered again, the others come from
// the stored facts, and all accounts are ranked again from them (ABC classes and champions are ranks among all), so the
// result equals a full computation. It writes the answers of the accounts whose own figures changed and, apart, the
// small ranked parts of those whose ranks moved (answer-parts.ts). It is full when settings changed, when a quarter of
// the accounts changed, or on the first refresh of a UTC day: facts also move with time alone (a planned meeting
// becomes past contact, the contact rhythm's two-year lookback moves on), which no trigger sees.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { AccountInsights, AnalysisFreshness, PeriodRange, TeamInsights } from '@crm/common';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import {
  accountOrder,
  analysisState,
  claimRefresh,
  dropUnreadChanges,
  readServed,
  releaseLease,
  saveRefresh,
  staleAnalyses,
  storedAccounts,
  storedRuleFacts,
  storedSegmentFacts,
  type RefreshWrite,
  type StoredRuleFacts,
  type StoredSegmentFacts,
  type ServedRow,
} from './current-store';
import { digestOf, splitAnswer } from './answer-parts';
import { accountAnswer, analyseGathered, gatherFacts, teamCounts, teamOf, withPossibleDuplicates, type GatheredAccount } from './service';
import { heldTeam, holdTeam, teamBody, type TeamBody } from './team-answer';
import { refreshInBackground } from './background-refresh';
import { HeldPerAnalysis } from './held-per-analysis';

/** A stale analysis younger than this is answered as it is: under steady writes a tenant refreshes at most this often. */
export const REFRESH_AFTER_MS = 10_000;
/** A refresh that has not finished by then is taken for crashed; the large benchmark tenant's full refresh takes seconds. */
const LEASE_SECONDS = 600;
/**
 * The account id the interactions' trigger records for every statement (migration 0035): the team's figures changed (an
 * interaction on no account counts in them), no account's facts did. A refresh then gathers no account again.
 */
const TEAM_ONLY_CHANGE = '00000000-0000-0000-0000-000000000000';

/** Above this share of changed accounts, gathering everything in one pass is cheaper than by account. */
const INCREMENTAL_UP_TO_SHARE = 0.25;
/** How often a read that must wait for another's refresh looks again. */
const WAIT_MS = 200;
/** Every 5 minutes; a refresh of a quiet tenant costs one statement. */
export const INSIGHT_REFRESH_SCHEDULE = '0 */5 * * * *';

export interface ServeOptions {
  now?: Date;
  refreshAfterMs?: number;
}

const utcDay = (instant: string | Date) => new Date(instant).toISOString().slice(0, 10);

export interface RefreshResult {
  full: boolean;
  /** Accounts whose facts were gathered again. */
  gathered: number;
  /** Answers written: accounts whose facts or own figures changed. */
  written: number;
  /** Ranked parts written: accounts whose ABC class, rank or segment changed, mostly because others' figures did. */
  reranked: number;
}

/** Refreshes the analysis of one period now; null when another refresh of it is under way. */
export async function refreshAnalysis(db: Db, tenantId: string, period: string, now = new Date()): Promise<RefreshResult | null> {
  const token = randomUUID();
  const claim = await claimRefresh(db, tenantId, period, token, LEASE_SECONDS);
  if (!claim) return null;
  try {
    const stored = claim.dirtyAll || !claim.fullAt || utcDay(claim.fullAt) !== utcDay(now) ? null : await storedAccounts(db, tenantId, period);
    const changedAccounts = claim.dirtyAccounts.filter((id) => id !== TEAM_ONLY_CHANGE);
    const incremental = stored !== null && stored.size > 0 && changedAccounts.length <= stored.size * INCREMENTAL_UP_TO_SHARE;
    const [gathered, order] = await Promise.all([
      gatherFacts(db, tenantId, period, now, incremental ? changedAccounts : null),
      incremental ? accountOrder(db, tenantId) : null,
    ]);
    const fresh = new Map(gathered.accounts.map((a) => [a.facts.id, a]));
    const accounts: GatheredAccount[] = order
      ? order.flatMap((id) => {
          const account = fresh.get(id) ?? stored?.get(id)?.gathered;
          return account ? [{ facts: account.facts, everBefore: account.everBefore, keyFigures: account.keyFigures }] : [];
        })
      : gathered.accounts;
    const analysed = analyseGathered(gathered.context, accounts, now);
    const team = teamOf(analysed, await teamCounts(db, tenantId, analysed, now, gathered.teamCounted), now);
    const byId = new Map(accounts.map((a) => [a.facts.id, a]));
    const rows: RefreshWrite['rows'] = [];
    const ranks: RefreshWrite['ranks'] = [];
    for (const analysis of analysed.analyses) {
      const accountId = analysis.facts.id;
      const { own, ranked } = splitAnswer(accountAnswer(analysed, analysis, analysed.keyFigures.get(analysis.facts.id)));
      const digest = digestOf(own);
      const before = incremental ? stored?.get(accountId) : undefined;
      const account = byId.get(accountId) as GatheredAccount;
      // Read back from jsonb, stored facts and ranked parts compare equal to recomputed ones that did not change.
      if (!before || before.digest !== digest || !isDeepStrictEqual(before.gathered, account)) rows.push({ accountId, stored: account, answer: own, digest });
      if (!before || !isDeepStrictEqual(before.ranked, ranked)) ranks.push({ accountId, ranked });
    }
    const removed = incremental && stored ? [...stored.keys()].filter((id) => !byId.has(id)) : [];
    const write = { computedAt: now.toISOString(), full: !incremental, team, rows, ranks, removed, folds: claim.folds };
    const saved = await saveRefresh(db, tenantId, period, token, write);
    return saved ? { full: !incremental, gathered: gathered.accounts.length, written: rows.length, reranked: ranks.length } : null;
  } catch (error) {
    await releaseLease(db, tenantId, period, token);
    throw error;
  }
}

interface Served extends ServedRow {
  computedAt: string;
}

/**
 * The analysis to answer from. A stale one is answered as it is, marked stale, and refreshed in the background once it
 * is older than refreshAfterMs and nobody is refreshing it: a read never waits for a refresh of figures it can answer.
 * It waits only when there is nothing to answer: the period's first analysis, or an account the analysis does not hold
 * (one created since: only a fresh analysis can say it does not exist).
 */
async function servedAnalysis(
  db: Db,
  tenantId: string,
  period: string,
  accountId: string | null,
  options: ServeOptions,
  heldRowVersion: string | null = null,
): Promise<Served> {
  const now = options.now ?? new Date();
  const refreshAfterMs = options.refreshAfterMs ?? REFRESH_AFTER_MS;
  let refreshed = false;
  for (;;) {
    const row = await readServed(db, tenantId, period, accountId, heldRowVersion);
    const computed = row?.computedAt ? (row as Served) : null;
    if (computed && refreshed) return computed;
    const stale = computed !== null && (computed.changed || utcDay(computed.computedAt) !== utcDay(now));
    const usable = computed !== null && (accountId === null || computed.answer !== null || !stale);
    if (computed && usable) {
      const oldEnough = now.getTime() - Date.parse(computed.computedAt) >= refreshAfterMs;
      if (stale && oldEnough && !computed.refreshing) refreshInBackground(db, tenantId, () => refreshAnalysis(db, tenantId, period, now));
      return computed;
    }
    if (await refreshAnalysis(db, tenantId, period, now)) {
      refreshed = true;
      continue;
    }
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

const freshness = (served: Served, now: Date): AnalysisFreshness => ({
  computedAt: served.computedAt,
  version: served.version,
  stale: served.changed || utcDay(served.computedAt) !== utcDay(now),
});

/** The team answer as sent, from the serialised document this host holds for the stored analysis when it has it. */
export async function servedTeamAnswer(db: Db, actor: Actor, period: string, options: ServeOptions = {}): Promise<TeamBody> {
  const held = heldTeam(db, actor.tenantId, period);
  const served = await servedAnalysis(db, actor.tenantId, period, null, options, held?.rowVersion ?? null);
  // No document comes back only when the row is still the one `held` was built from.
  const team = served.team ? holdTeam(db, actor.tenantId, period, { ...served, team: served.team }) : held;
  if (!team) throw new Error('the stored analysis has no team figures');
  return teamBody(team, freshness(served, options.now ?? new Date()));
}

export async function servedTeamInsights(db: Db, actor: Actor, period: string, options: ServeOptions = {}): Promise<TeamInsights> {
  return JSON.parse((await servedTeamAnswer(db, actor, period, options)).body) as TeamInsights;
}

export async function servedAccountInsights(db: Db, actor: Actor, accountId: string, period: string, options: ServeOptions = {}): Promise<AccountInsights> {
  const served = await servedAnalysis(db, actor.tenantId, period, accountId, options);
  if (!served.answer) throw notFound('account');
  return { ...(await withPossibleDuplicates(db, actor.tenantId, served.answer)), asOf: freshness(served, options.now ?? new Date()) };
}

/** The accounts a segment list filters, read once per write of the stored analysis. */
interface HeldSegmentAccounts {
  rowVersion: string;
  accounts: Promise<StoredSegmentFacts[]>;
  range: PeriodRange;
  currency: string;
}

/** Tenants times periods one host holds: about 1.5 MB each for the large benchmark tenant's 10,000 accounts. */
const HELD_SEGMENT_ACCOUNTS = 50;
const heldSegmentAccounts = new HeldPerAnalysis<HeldSegmentAccounts>(HELD_SEGMENT_ACCOUNTS);

/**
 * The accounts of the stored analysis for a segment list, with the period and currency it was computed in and how old
 * it is: a list's members are read like the other insights, not computed on each read. A host reads them once per
 * write of the analysis (as the team answer), so until the next refresh they are as of the last one, renames and
 * deletions included, and the answer says so (stale).
 */
export async function servedSegmentAccounts(
  db: Db,
  tenantId: string,
  period: string,
  options: ServeOptions = {},
): Promise<{ accounts: StoredSegmentFacts[]; range: PeriodRange; currency: string; asOf: AnalysisFreshness }> {
  const held = heldSegmentAccounts.get(db, tenantId, period);
  const served = await servedAnalysis(db, tenantId, period, null, options, held?.rowVersion ?? null);
  // No team document comes back only when the row is still the one `held` was read for.
  const entry = served.team ? sharedRead(db, tenantId, period, served.rowVersion, served.team) : held;
  if (!entry) throw new Error('the stored analysis has no team figures');
  const accounts = await entry.accounts;
  return { accounts, range: entry.range, currency: entry.currency, asOf: freshness(served, options.now ?? new Date()) };
}

/**
 * The accounts of this write of the analysis, held before they are read: the callers that meet the same new write
 * meanwhile share the read (16 of them each reading 10,000 accounts stalled every answer for seconds). A failed read is
 * not held, so the next caller reads again.
 */
function sharedRead(db: Db, tenantId: string, period: string, rowVersion: string, team: { range: PeriodRange; currency: string }): HeldSegmentAccounts {
  const current = heldSegmentAccounts.get(db, tenantId, period);
  if (current?.rowVersion === rowVersion) return current;
  const entry = heldSegmentAccounts.hold(db, tenantId, period, { rowVersion, accounts: storedSegmentFacts(db, tenantId, period), range: team.range, currency: team.currency });
  entry.accounts.catch(() => heldSegmentAccounts.drop(db, tenantId, period, entry));
  return entry;
}

/**
 * The accounts of the period's analysis for a job that acts on them (the automation rules): brought up to date first
 * when data changed since or it is from an earlier UTC day, so a run never acts on stale figures, and read from the
 * stored rows rather than gathered again; an analysis already current costs one statement and the read. Waits while
 * another refresh of the tenant holds its lease.
 */
export async function currentAnalysisAccounts(db: Db, tenantId: string, period: string, now = new Date()): Promise<StoredRuleFacts[]> {
  let refreshed = false;
  for (;;) {
    const state = await analysisState(db, tenantId, period);
    const computedAt = state?.computedAt ?? null;
    // After a refresh of its own the run takes what it made, even if writes came in meanwhile: they are the next run's.
    if (computedAt && (refreshed || (!state?.changed && utcDay(computedAt) === utcDay(now)))) return storedRuleFacts(db, tenantId, period);
    if (await refreshAnalysis(db, tenantId, period, now)) refreshed = true;
    else await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
}

/** The timer: refreshes every stale analysis until the deadline, oldest first; drops change rows nobody reads. */
export async function refreshStaleAnalyses(db: Db, now = new Date(), deadline = Number.POSITIVE_INFINITY) {
  const dropped = await dropUnreadChanges(db);
  let full = 0;
  let incremental = 0;
  for (const { tenantId, period } of await staleAnalyses(db, `${utcDay(now)}T00:00:00Z`)) {
    if (Date.now() > deadline) break;
    const result = await refreshAnalysis(db, tenantId, period, now);
    if (result?.full) full += 1;
    else if (result) incremental += 1;
  }
  return { full, incremental, dropped };
}
