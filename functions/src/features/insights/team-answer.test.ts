// The team answer held serialised per stored analysis, on PGlite and PostgreSQL: it is the body a fresh build gives,
// a read that holds it does not fetch the document, any write of the analysis replaces it, a change marks it stale
// (and its ETag with it) until the refresh brings new figures, and tenants refreshed at the same instant to the same
// version each get their own.
import { AccountCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { refreshAnalysis, servedTeamAnswer } from './current';
import { readServed } from './current-store';
import { heldTeam } from './team-answer';
import { backgroundRefreshesDone } from './background-refresh';

const NOW = new Date('2026-12-01T12:00:00Z');
const LATER = new Date('2026-12-01T12:00:05Z');
const PERIOD = '2025';

describeEachDatabase('held team answer', (getDb) => {
  let anna: Actor;
  let otto: Actor;

  const customer = async (actor: Actor, name: string, revenue: number) => {
    const id = (await createAccount(getDb(), actor, AccountCreate.parse({ name }))).value.id;
    await getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'year', '2025-01-01', $3, 'api')`,
      [actor.tenantId, id, revenue],
    );
  };
  const revenueOf = (body: string) => (JSON.parse(body) as { abc: Array<{ revenue: number }> }).abc.reduce((sum, c) => sum + c.revenue, 0);

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    otto = await seedActor(getDb(), { name: 'Otto' });
    await customer(anna, 'Amsel', 50_000);
    await customer(otto, 'Ulme', 70_000);
  });

  it('answers the body a fresh build of the stored document gives, and reads only the head while it holds it', async () => {
    const first = await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW });
    const row = await readServed(getDb(), anna.tenantId, PERIOD, null);
    expect(first.body).toBe(JSON.stringify({ ...row?.team, asOf: { computedAt: NOW.toISOString(), version: 1, stale: false } }));
    const held = heldTeam(getDb(), anna.tenantId, PERIOD);
    expect(held?.rowVersion).toBe(row?.rowVersion);
    expect((await readServed(getDb(), anna.tenantId, PERIOD, null, held?.rowVersion ?? null))?.team).toBeNull();
    expect(await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW })).toMatchObject({ body: first.body, etag: first.etag });
  });

  it('gives each tenant its own answer, also when both were computed at the same instant to the same version', async () => {
    const own = await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW });
    const other = await servedTeamAnswer(getDb(), otto, PERIOD, { now: NOW });
    expect(JSON.parse(other.body).asOf).toEqual(JSON.parse(own.body).asOf);
    expect([revenueOf(own.body), revenueOf(other.body)]).toEqual([50_000, 70_000]);
    expect(other.etag).not.toBe(own.etag);
    expect(revenueOf((await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW })).body)).toBe(50_000);
  });

  it('answers a document written since, whoever wrote it', async () => {
    await getDb().query(`UPDATE insight_analyses SET team = jsonb_set(team, '{currency}', '"CHF"') WHERE tenant_id = $1 AND period = $2`, [
      anna.tenantId,
      PERIOD,
    ]);
    expect(JSON.parse((await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW })).body).currency).toBe('CHF');
    await getDb().query(`UPDATE insight_analyses SET dirty_all = true WHERE tenant_id = $1 AND period = $2`, [anna.tenantId, PERIOD]);
    await refreshAnalysis(getDb(), anna.tenantId, PERIOD, NOW);
    expect(JSON.parse((await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW })).body).currency).toBe('EUR');
  });

  it('marks the held figures stale with a new ETag after a change, and answers new figures after the refresh', async () => {
    const before = await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW });
    await customer(anna, 'Buche', 30_000);
    // Within REFRESH_AFTER_MS of the refresh: the previous figures, said to be stale.
    const stale = await servedTeamAnswer(getDb(), anna, PERIOD, { now: NOW, refreshAfterMs: Number.MAX_SAFE_INTEGER });
    expect(JSON.parse(stale.body).asOf.stale).toBe(true);
    expect(revenueOf(stale.body)).toBe(50_000);
    expect(stale.etag).not.toBe(before.etag);
    // Old enough: still the previous figures at once, and a refresh in the background brings the new ones.
    expect(revenueOf((await servedTeamAnswer(getDb(), anna, PERIOD, { now: LATER, refreshAfterMs: 0 })).body)).toBe(50_000);
    await backgroundRefreshesDone(getDb());
    const after = await servedTeamAnswer(getDb(), anna, PERIOD, { now: LATER });
    expect(revenueOf(after.body)).toBe(80_000);
    expect(JSON.parse(after.body).asOf).toMatchObject({ computedAt: LATER.toISOString(), stale: false });
    expect(after.etag).not.toBe(before.etag);
    expect(revenueOf((await servedTeamAnswer(getDb(), otto, PERIOD, { now: LATER })).body)).toBe(70_000);
  });
});
