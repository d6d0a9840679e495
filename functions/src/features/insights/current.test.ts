// The precomputed current analysis against a fresh computation on PGlite and PostgreSQL: the answers are the same after
// the first refresh, after incremental ones (a write on one account re-ranks the others) and after full ones; writes
// make it stale through the triggers; a refresh under way or crashed leaves the previous figures with their age.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { logInteraction } from '../interactions';
import { createOpportunity } from '../opportunities';
import { currentAnalysisAccounts, refreshAnalysis, refreshStaleAnalyses, servedAccountInsights, servedSegmentAccounts, servedTeamInsights } from './current';
import { claimRefresh, readServed, releaseLease, SEGMENT_FACTS_SQL } from './current-store';
import type { Db } from '../../core/db/db';
import { backgroundRefreshesDone } from './background-refresh';
import { accountInsights, analyseTenant, teamInsights } from './service';
import { sql } from '../../core/db/migrations/0034-account-key-figures';

const NOW = new Date('2026-12-01T12:00:00Z');
const LATER = new Date('2026-12-01T12:05:00Z');
const NEXT_DAY = new Date('2026-12-02T08:00:00Z');
const PERIOD = 'last-12-months';
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const withoutAge = <T extends { asOf?: unknown }>({ asOf: _asOf, ...rest }: T) => rest;

describeEachDatabase('current analysis', (getDb) => {
  let anna: Actor;
  const ids: Record<string, string> = {};

  const revenue = (account: string, start: string, amount: number) =>
    getDb().query(`INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'month', $3, $4, 'api')`, [
      anna.tenantId,
      ids[account] ?? '',
      start,
      amount,
    ]);
  const addAccount = async (name: string) => {
    ids[name] = (await createAccount(getDb(), anna, AccountCreate.parse({ name }))).value.id;
  };
  /** The served answers of every account and the team's, each beside the fresh computation at the same instant. */
  const compare = async (now: Date) => {
    const team = await servedTeamInsights(getDb(), anna, PERIOD, { now });
    expect(withoutAge(team)).toEqual(await teamInsights(getDb(), anna, PERIOD, now));
    for (const id of Object.values(ids)) {
      const served = await servedAccountInsights(getDb(), anna, id, PERIOD, { now });
      expect(withoutAge(served)).toEqual(await accountInsights(getDb(), anna, id, PERIOD, now));
    }
    return team;
  };

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    for (const name of ['Amsel', 'Buche', 'Chrom', 'Distel', 'Erle']) await addAccount(name);
    await revenue('Amsel', '2026-03-01', 50_000);
    await revenue('Buche', '2026-04-01', 30_000);
    await revenue('Buche', '2025-04-01', 90_000);
    await revenue('Chrom', '2026-05-01', 10_000);
    await revenue('Distel', '2025-02-01', 8_000);
    const contact = (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids.Amsel, lastName: 'Amann' }))).value.id;
    for (const days of [300, 200, 100])
      await logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids.Amsel], contactIds: [contact], type: 'meeting', subject: 'Termin', occurredAt: daysBefore(NOW, days) }));
    await logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids.Buche], type: 'complaint', subject: 'Bruch', occurredAt: daysBefore(NOW, 20) }));
  });

  it('answers the first read with what a fresh computation answers, saying when it was computed', async () => {
    const team = await compare(NOW);
    expect(team.asOf).toEqual({ computedAt: NOW.toISOString(), version: 1, stale: false });
    // Three customers: A up to rank ceil(0.3) = 1, B up to ceil(0.9) = 1.
    expect(team.abc.map((c) => c.accounts)).toEqual([1, 0, 2]);
  });

  it('goes stale with a write, answers the previous figures until the refresh, which gathers only the changed account', async () => {
    const before = await servedAccountInsights(getDb(), anna, ids.Chrom ?? '', PERIOD, { now: LATER });
    await revenue('Chrom', '2026-06-01', 100_000);
    // Younger than refreshAfterMs: the previous figures, marked stale.
    const previous = await servedAccountInsights(getDb(), anna, ids.Chrom ?? '', PERIOD, { now: LATER, refreshAfterMs: 3_600_000 });
    expect(previous.abc).toEqual(before.abc);
    expect(previous.asOf).toEqual({ computedAt: NOW.toISOString(), version: 1, stale: true });

    const result = await refreshAnalysis(getDb(), anna.tenantId, PERIOD, LATER);
    // Chrom's 110,000 now ranks first: Amsel and Buche move down a class although their facts did not change.
    // Only Chrom's own answer is written again; the others' move in their ranked parts alone.
    expect(result).toMatchObject({ full: false, gathered: 1, written: 1 });
    expect(result?.reranked).toBeGreaterThanOrEqual(3);
    const team = await compare(LATER);
    expect(team.asOf).toEqual({ computedAt: LATER.toISOString(), version: 2, stale: false });
    expect((await servedAccountInsights(getDb(), anna, ids.Chrom ?? '', PERIOD, { now: LATER })).abc.class).toBe('A');
  });

  it('answers a stale read at once with the stored figures marked stale, and refreshes them in the background', async () => {
    const before = await servedAccountInsights(getDb(), anna, ids.Buche ?? '', PERIOD, { now: LATER });
    await revenue('Buche', '2026-07-01', 20_000);
    // Old enough to be refreshed: the read does not wait for that, it answers what is stored and says it is being updated.
    const stale = await servedAccountInsights(getDb(), anna, ids.Buche ?? '', PERIOD, { now: LATER, refreshAfterMs: 0 });
    expect(withoutAge(stale)).toEqual(withoutAge(before));
    expect(stale.asOf).toEqual({ ...before.asOf, stale: true });
    await backgroundRefreshesDone(getDb());
    const after = await servedAccountInsights(getDb(), anna, ids.Buche ?? '', PERIOD, { now: LATER });
    expect(after.abc.revenue).toBe(50_000);
    expect(after.asOf).toEqual({ computedAt: LATER.toISOString(), version: (before.asOf?.version ?? 0) + 1, stale: false });
    await compare(LATER);
  });

  it('sees writes to every fact it reads: interactions (also on no account), their contacts, complaints resolved, consents, contacts, opportunities', async () => {
    const changed = async () => (await readServed(getDb(), anna.tenantId, PERIOD, null))?.changed;
    const refreshed = async () => (await refreshAnalysis(getDb(), anna.tenantId, PERIOD, LATER))?.full;
    expect(await changed()).toBe(false);
    const contact = (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids.Erle, lastName: 'Ernst' }))).value.id;
    expect([await changed(), await refreshed(), await changed()]).toEqual([true, false, false]);
    await logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids.Erle], contactIds: [contact], type: 'call', subject: 'Anruf', occurredAt: daysBefore(NOW, 3) }));
    expect([await changed(), await refreshed()]).toEqual([true, false]);
    await getDb().query(`UPDATE interactions SET status = 'resolved', resolved_at = $2 WHERE tenant_id = $1 AND type = 'complaint'`, [anna.tenantId, daysBefore(NOW, 2)]);
    expect([await changed(), await refreshed()]).toEqual([true, false]);
    await getDb().query(
      `INSERT INTO consents (tenant_id, contact_id, channel, purpose, legal_basis, action, source, captured_at) VALUES ($1, $2, 'email', 'newsletter', 'consent', 'objected', 'Anruf', $3)`,
      [anna.tenantId, contact, daysBefore(NOW, 1)],
    );
    expect([await changed(), await refreshed()]).toEqual([true, false]);
    await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId: ids.Erle, name: 'Anlage', stage: 'proposal', amount: 5_000 }));
    expect([await changed(), await refreshed()]).toEqual([true, false]);
    // A request on no account and no contact counts in the team's response time only: stale, and no account gathered.
    const requests = async () => (await servedTeamInsights(getDb(), anna, PERIOD, { now: LATER })).responseTime?.requests;
    const before = await requests();
    await logInteraction(getDb(), anna, InteractionCreate.parse({ type: 'email', direction: 'inbound', subject: 'Anfrage', occurredAt: daysBefore(NOW, 1) }));
    expect(await changed()).toBe(true);
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, LATER)).toMatchObject({ full: false, gathered: 0 });
    expect([await changed(), await requests()]).toEqual([false, (before ?? 0) + 1]);
    await compare(LATER);
  });

  it('recomputes every account after a settings change and on the first refresh of a new day', async () => {
    await getDb().query(`UPDATE tenants SET settings = settings || '{"insights": {"revenueSource": "both"}}'::jsonb WHERE tenant_id = $1`, [anna.tenantId]);
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, LATER)).toMatchObject({ full: true, gathered: 5 });
    await compare(LATER);
    // Nothing changed, but a day went by: days since contact moved, and a read says the figures are yesterday's.
    const served = await servedTeamInsights(getDb(), anna, PERIOD, { now: NEXT_DAY, refreshAfterMs: Number.MAX_SAFE_INTEGER });
    expect(served.asOf).toMatchObject({ computedAt: LATER.toISOString(), stale: true });
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)).toMatchObject({ full: true });
    await compare(NEXT_DAY);
  });

  it('waits for the refresh when asked for an account created since, instead of answering not found', async () => {
    await addAccount('Fichte');
    const served = await servedAccountInsights(getDb(), anna, ids.Fichte ?? '', PERIOD, { now: NEXT_DAY, refreshAfterMs: Number.MAX_SAFE_INTEGER });
    expect(served.name).toBe('Fichte');
    expect(served.asOf?.stale).toBe(false);
  });

  it('never refreshes one period twice at once, and a crashed refresh leaves the previous figures', async () => {
    const results = await Promise.all([0, 1, 2].map(() => refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)));
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    const { version } = (await readServed(getDb(), anna.tenantId, PERIOD, null)) ?? { version: 0 };
    // A refresh that took its lease and never wrote: the old figures stay and are answered, stale, while the lease runs.
    expect(await claimRefresh(getDb(), anna.tenantId, PERIOD, '00000000-0000-4000-8000-000000000001', 600)).not.toBeNull();
    await revenue('Erle', '2026-07-01', 1_000);
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)).toBeNull();
    const during = await servedTeamInsights(getDb(), anna, PERIOD, { now: NEXT_DAY, refreshAfterMs: 0 });
    expect(during.asOf).toMatchObject({ version, stale: true });
    // Once the lease ran out, the next refresh takes over, and the change made meanwhile is in it.
    await getDb().query(`UPDATE insight_analyses SET lease_until = now() - interval '1 second' WHERE tenant_id = $1`, [anna.tenantId]);
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)).not.toBeNull();
    expect((await servedAccountInsights(getDb(), anna, ids.Erle ?? '', PERIOD, { now: NEXT_DAY })).abc.revenue).toBe(1_000);
    await compare(NEXT_DAY);
  });

  it("refreshes stale analyses on the timer, each period apart, and drops the changes of tenants nobody reads", async () => {
    const other = await seedActor(getDb(), { name: 'Otto' });
    await createAccount(getDb(), other, AccountCreate.parse({ name: 'Unbeachtet KG' }));
    await servedTeamInsights(getDb(), anna, '2026', { now: NEXT_DAY });
    await revenue('Distel', '2026-08-01', 2_000);
    const changesOf = async (tenantId: string) =>
      Number((await getDb().query(`SELECT count(*) AS n FROM insight_changes WHERE tenant_id = $1`, [tenantId]))[0]?.n);
    expect(await changesOf(other.tenantId)).toBeGreaterThan(0);
    const run = await refreshStaleAnalyses(getDb(), NEXT_DAY);
    expect(run).toMatchObject({ incremental: 2, full: 0 });
    expect(run.dropped).toBeGreaterThan(0);
    expect(await changesOf(other.tenantId)).toBe(0);
    const [year, last] = await Promise.all([
      servedTeamInsights(getDb(), anna, '2026', { now: NEXT_DAY }),
      servedTeamInsights(getDb(), anna, PERIOD, { now: NEXT_DAY }),
    ]);
    expect(withoutAge(year)).toEqual(await teamInsights(getDb(), anna, '2026', NEXT_DAY));
    expect([year.asOf?.stale, last.asOf?.stale]).toEqual([false, false]);
    expect(await refreshStaleAnalyses(getDb(), NEXT_DAY)).toMatchObject({ incremental: 0, full: 0 });
    await compare(NEXT_DAY);
  });

  it('answers an account stored before its ranked parts had rows of their own, until the next refresh writes both', async () => {
    const tenant = [anna.tenantId, PERIOD];
    const before = await servedAccountInsights(getDb(), anna, ids.Amsel ?? '', PERIOD, { now: NEXT_DAY });
    // As migration 0029 finds them: the ranked parts inside the answer, no digest, no ranked rows, the analysis dirty.
    await getDb().query(
      `UPDATE insight_account_analyses a SET answer = a.answer || r.ranked, answer_digest = NULL FROM insight_account_ranks r
       WHERE r.tenant_id = a.tenant_id AND r.period = a.period AND r.account_id = a.account_id AND a.tenant_id = $1 AND a.period = $2`,
      tenant,
    );
    await getDb().query(`DELETE FROM insight_account_ranks WHERE tenant_id = $1 AND period = $2`, tenant);
    await getDb().query(`UPDATE insight_analyses SET dirty_all = true WHERE tenant_id = $1 AND period = $2`, tenant);
    const old = await servedAccountInsights(getDb(), anna, ids.Amsel ?? '', PERIOD, { now: NEXT_DAY, refreshAfterMs: Number.MAX_SAFE_INTEGER });
    expect(withoutAge(old)).toEqual(withoutAge(before));
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)).toMatchObject({ full: true, written: 6, reranked: 6 });
    await compare(NEXT_DAY);
  });

  it('answers an account stored before its key figures without them, marked stale, until migration 0034 has it refreshed', async () => {
    const tenant = [anna.tenantId, PERIOD];
    // As migration 0034 finds them: neither the stored facts nor the answers hold key figures.
    await getDb().query(
      `UPDATE insight_account_analyses SET facts = facts - 'keyFigures', answer = answer - 'keyFigures' WHERE tenant_id = $1 AND period = $2`,
      tenant,
    );
    await getDb().query(sql);
    const old = await servedAccountInsights(getDb(), anna, ids.Buche ?? '', PERIOD, { now: NEXT_DAY, refreshAfterMs: Number.MAX_SAFE_INTEGER });
    expect([old.keyFigures, old.asOf?.stale]).toEqual([undefined, true]);
    expect(await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY)).toMatchObject({ full: true });
    const refreshed = await servedAccountInsights(getDb(), anna, ids.Buche ?? '', PERIOD, { now: NEXT_DAY });
    // Buche's complaint of 20 days ago, resolved two days before NOW.
    expect(refreshed.keyFigures?.complaints).toMatchObject({ count: 1, open: 0, resolved: 1 });
    await compare(NEXT_DAY);
  });

  it('refreshes one analysis of a tenant at a time, whichever the period, and stale reads at once start one refresh', async () => {
    const token = '00000000-0000-4000-8000-000000000002';
    await servedTeamInsights(getDb(), anna, '2026', { now: NEXT_DAY });
    expect(await claimRefresh(getDb(), anna.tenantId, PERIOD, token, 600)).not.toBeNull();
    await revenue('Chrom', '2026-09-01', 3_000);
    expect(await refreshAnalysis(getDb(), anna.tenantId, '2026', NEXT_DAY)).toBeNull();
    await releaseLease(getDb(), anna.tenantId, PERIOD, token);
    const { version } = (await readServed(getDb(), anna.tenantId, PERIOD, null)) ?? { version: 0 };
    const reads = await Promise.all([0, 1, 2, 3].map(() => servedTeamInsights(getDb(), anna, PERIOD, { now: NEXT_DAY, refreshAfterMs: 0 })));
    expect(reads.map((r) => r.asOf)).toEqual(reads.map(() => expect.objectContaining({ version, stale: true })));
    await backgroundRefreshesDone(getDb());
    expect((await readServed(getDb(), anna.tenantId, PERIOD, null))?.version).toBe(version + 1);
    await compare(NEXT_DAY);
  });

  it('gives a job acting on the accounts what a fresh analysis finds, from the stored rows, refreshing them only when stale', async () => {
    const DAY_AFTER = new Date('2026-12-03T08:00:00Z');
    const version = async () => (await readServed(getDb(), anna.tenantId, PERIOD, null))?.version ?? 0;
    const fresh = async (now: Date) =>
      (await analyseTenant(getDb(), anna.tenantId, PERIOD, now)).analyses.map((a) => ({
        id: a.facts.id,
        name: a.facts.name,
        createdAt: a.facts.createdAt,
        lastContactAt: a.facts.lastContactAt,
        medianGapDays: a.facts.medianGapDays,
        abcClass: a.abc.class,
        segment: a.segment.segment,
        churnRisk: a.segment.segment === 'at_risk' ? a.churnRisk : null,
      }));
    await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NEXT_DAY);
    const current = await version();
    // Current: read as stored, no refresh.
    const stored = await currentAnalysisAccounts(getDb(), anna.tenantId, PERIOD, NEXT_DAY);
    expect([stored, await version()]).toEqual([await fresh(NEXT_DAY), current]);
    expect(stored.some((a) => a.segment === 'at_risk' && a.churnRisk !== null)).toBe(true);
    // A write since: refreshed first, so the job acts on Erle's new revenue.
    await revenue('Erle', '2026-10-01', 900_000);
    const refreshed = await currentAnalysisAccounts(getDb(), anna.tenantId, PERIOD, NEXT_DAY);
    expect([refreshed, await version()]).toEqual([await fresh(NEXT_DAY), current + 1]);
    expect(refreshed.find((a) => a.id === ids.Erle)?.abcClass).toBe('A');
    // Nothing changed but a day went by: days since contact moved, so it is refreshed again.
    expect(await currentAnalysisAccounts(getDb(), anna.tenantId, PERIOD, DAY_AFTER)).toEqual(await fresh(DAY_AFTER));
    expect(await version()).toBe(current + 2);
  });

  it("reads a segment list's accounts once per write of the analysis, however many callers meet the write at once, and again after a failed read", async () => {
    await refreshAnalysis(getDb(), anna.tenantId, PERIOD, LATER);
    let reads = 0;
    let failNext = false;
    // A handle of its own holds nothing yet, and counts the statement that reads the accounts.
    const counting: Db = {
      ...getDb(),
      query: async (sql, params) => {
        if (sql === SEGMENT_FACTS_SQL) {
          reads++;
          if (failNext) {
            failNext = false;
            throw new Error('connection lost');
          }
        }
        return getDb().query(sql, params);
      },
    };
    const served = () => servedSegmentAccounts(counting, anna.tenantId, PERIOD, { now: LATER });
    failNext = true;
    await expect(served()).rejects.toThrow('connection lost');
    const answers = await Promise.all([served(), served(), served(), served()]);
    expect(reads).toBe(2);
    expect(answers.every((a) => a.accounts === answers[0]!.accounts)).toBe(true);
    expect(answers[0]!.accounts.map((a) => a.name).sort()).toEqual(Object.keys(ids).sort());
    await served();
    expect(reads).toBe(2);
  });

  it('answers not found for an account of another tenant, from the analysis too', async () => {
    const other = await seedActor(getDb(), { name: 'Fremd' });
    const foreign = (await createAccount(getDb(), other, AccountCreate.parse({ name: 'Fremd AG' }))).value.id;
    await domainError(servedAccountInsights(getDb(), anna, foreign, PERIOD, { now: NEXT_DAY }), 'not_found');
  });
});
