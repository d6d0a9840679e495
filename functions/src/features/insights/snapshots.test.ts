// Monthly snapshots: one per tenant and month however often the timer runs, kept as taken when later data changes,
// read as a trend per tenant; on PGlite and PostgreSQL.
import { AccountCreate, metricValue } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { insightTrend, takeMonthlySnapshots } from './snapshots';

describeEachDatabase('insight snapshots', (getDb) => {
  let anna: Actor;
  let bert: Actor;
  let annaCustomer: string;
  const revenue = (actor: Actor, accountId: string, month: string) =>
    getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'month', $3, 1000, 'api')`,
      [actor.tenantId, accountId, month],
    );

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    bert = await seedActor(getDb(), { name: 'Bert' });
    annaCustomer = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Kunde A' }))).value.id;
    await revenue(anna, annaCustomer, '2026-10-01');
  });

  it('takes the ended month once per tenant, however often the timer runs', async () => {
    expect(await takeMonthlySnapshots(getDb(), new Date('2026-12-01T03:15:00Z'))).toEqual({ month: '2026-11', taken: 2 });
    expect(await takeMonthlySnapshots(getDb(), new Date('2026-12-02T03:15:00Z'))).toEqual({ month: '2026-11', taken: 0 });
    const trend = await insightTrend(getDb(), anna, 12);
    expect(trend.snapshots.map((s) => [s.month, s.figures.range.from, s.figures.range.to, s.figures.customers.active])).toEqual([
      ['2026-11', '2025-12-01', '2026-12-01', 1],
    ]);
    expect((await insightTrend(getDb(), bert, 12)).snapshots.map((s) => s.figures.customers.active)).toEqual([0]);
    // The key figures of #15 are in the snapshot, so their trend and a goal's history can read them.
    const figures = trend.snapshots[0]!.figures;
    expect([figures.repeatPurchase, figures.dataQuality?.accounts, figures.adoption?.logged]).toEqual([
      { customers: 1, repeatCustomers: 0, rate: 0, purchases: 1 },
      1,
      0,
    ]);
    expect([metricValue(figures, 'repeatPurchaseRate'), metricValue(figures, 'crossSellingRate'), metricValue(figures, 'dataCompleteness')]).toEqual([0, null, 0]);
  });

  it('keeps a snapshot as it was taken and adds the next month beside it, oldest first', async () => {
    const second = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Kunde B' }))).value.id;
    await revenue(anna, second, '2026-11-01');
    expect(await takeMonthlySnapshots(getDb(), new Date('2027-01-01T03:15:00Z'))).toEqual({ month: '2026-12', taken: 2 });
    const trend = await insightTrend(getDb(), anna, 12);
    expect(trend.snapshots.map((s) => [s.month, s.figures.customers.active])).toEqual([
      ['2026-11', 1],
      ['2026-12', 2],
    ]);
    expect((await insightTrend(getDb(), anna, 1)).snapshots.map((s) => s.month)).toEqual(['2026-12']);
  });

  it('stops at its deadline and leaves the rest for the next run', async () => {
    expect(await takeMonthlySnapshots(getDb(), new Date('2027-02-01T03:15:00Z'), Date.now() - 1)).toEqual({ month: '2027-01', taken: 0 });
    expect(await takeMonthlySnapshots(getDb(), new Date('2027-02-01T03:15:00Z'))).toEqual({ month: '2027-01', taken: 2 });
  });

  it('reads a snapshot taken before the figures of migration 0027 with none of them', async () => {
    const carla = await seedActor(getDb(), { name: 'Carla' });
    const [taken] = (await insightTrend(getDb(), anna, 1)).snapshots;
    const { responseTime: _r, crossSelling: _c, repeatPurchase: _p, dataQuality: _q, adoption: _a, ...older } = taken!.figures;
    await getDb().query(`INSERT INTO insight_snapshots (tenant_id, month, figures) VALUES ($1, '2026-04-01', $2)`, [carla.tenantId, JSON.stringify(older)]);
    const [old] = (await insightTrend(getDb(), carla, 12)).snapshots;
    expect(old?.figures.adoption).toBeUndefined();
    expect([metricValue(old!.figures, 'interactionsPerWeek'), metricValue(old!.figures, 'possibleDuplicates'), metricValue(old!.figures, 'activeCustomers')]).toEqual([
      null,
      null,
      taken!.figures.customers.active,
    ]);
  });
});
