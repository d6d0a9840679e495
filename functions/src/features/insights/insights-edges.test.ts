// The edge cases computed from the database (PGlite and PostgreSQL) against hand-computed values, through the
// same gathering as every answer: a tenant without any revenue, a tenant with one customer, and ties at both ABC
// boundaries where one tied revenue comes from a yearly row split into its months and the other from a monthly row.
import { AccountCreate } from '@crm/common';
import { expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { insertRevenue } from './revenue-kit';
import { accountInsights, teamInsights } from './service';

// The default period, the last twelve full months, is 2025-12 to 2026-11.
const NOW = new Date('2026-12-01T12:00:00Z');
const PERIOD = 'last-12-months';

describeEachDatabase('insights edge cases', (getDb) => {
  const tenant = async (name: string, accounts: string[]) => {
    const actor = await seedActor(getDb(), { name });
    const ids: Record<string, string> = {};
    for (const account of accounts) ids[account] = (await createAccount(getDb(), actor, AccountCreate.parse({ name: account }))).value.id;
    return { actor, ids };
  };
  const revenue = (actor: Actor, accountId: string, kind: 'year' | 'month', start: string, amount: number) =>
    insertRevenue(getDb(), actor.tenantId, accountId, kind, start, amount);

  it('gives a tenant without revenue no class, no lifetime value, no churn rate and no segment, and says so', async () => {
    const { actor, ids } = await tenant('Ohne Umsatz', ['Nullmann GmbH']);
    const team = await teamInsights(getDb(), actor, PERIOD, NOW);
    expect(team.customers).toEqual({ active: 0, new: 0, previous: 0, churned: 0, churnRate: null });
    expect(team.abc).toEqual([
      { class: 'A', accounts: 0, revenue: 0 },
      { class: 'B', accounts: 0, revenue: 0 },
      { class: 'C', accounts: 0, revenue: 0 },
    ]);
    expect(team.winRate).toEqual({ won: 0, lost: 0, rate: null, lostByStage: [] });
    expect(team.complaints).toEqual({ count: 0, open: 0, resolved: 0, medianResolutionHours: null, p90ResolutionHours: null });
    expect(team.segments.find((s) => s.segment === null)).toEqual({ segment: null, accounts: 1 });
    expect(team.atRisk).toEqual([]);

    const account = await accountInsights(getDb(), actor, ids['Nullmann GmbH']!, PERIOD, NOW);
    expect(account.abc).toEqual({ class: null, revenue: 0, rank: null, customers: 0, aUpToRank: 0, bUpToRank: 0 });
    expect(account.clv.value).toBe(0);
    expect(account.clv.inputs).toMatchObject({ yearsWithHistory: 0, historyRevenue: 0, yearlyRevenue: 0 });
    expect(account.clv.terms.every((t) => t.presentValue === 0)).toBe(true);
    // No revenue in either period: no trend to weigh.
    expect(account.churnRisk.factors.find((f) => f.factor === 'revenueTrend')?.contribution).toBe(0);
    expect(account.segment).toEqual({ segment: null, rule: 'no rule matched: no risk, no revenue history, rating, pipeline or growth' });
  });

  it('makes the only customer an A customer and a new one, with no churn rate for want of a previous period', async () => {
    const { actor, ids } = await tenant('Ein Kunde', ['Einzig AG', 'Interessent KG']);
    await revenue(actor, ids['Einzig AG']!, 'month', '2026-05-01', 4_000);
    const only = await accountInsights(getDb(), actor, ids['Einzig AG']!, PERIOD, NOW);
    // ceil(1 * 10 %) = 1 and ceil(1 * 30 %) = 1: the one customer is A, however small the share.
    expect(only.abc).toEqual({ class: 'A', revenue: 4_000, rank: 1, customers: 1, aUpToRank: 1, bUpToRank: 1 });
    expect(only.segment).toEqual({ segment: 'potential', rule: 'new customer: revenue in the period and none in the previous one' });
    const team = await teamInsights(getDb(), actor, PERIOD, NOW);
    expect(team.customers).toEqual({ active: 1, new: 1, previous: 0, churned: 0, churnRate: null });
    expect(team.abc.map((c) => [c.class, c.accounts, c.revenue])).toEqual([
      ['A', 1, 4_000],
      ['B', 0, 0],
      ['C', 0, 0],
    ]);
    expect((await accountInsights(getDb(), actor, ids['Interessent KG']!, PERIOD, NOW)).abc.class).toBeNull();
  });

  it('puts customers tied on a boundary into the better class, a yearly row split into months tying with a monthly one', async () => {
    const names = ['A1', 'A2', 'B1', 'B2', 'B3', 'C1', 'C2', 'C3', 'C4', 'C5'];
    const { actor, ids } = await tenant('Gleichstand', names);
    // A1: 1,200 in January 2026. A2: 14,400 for 2025, of which December 2025 (1/12 = 1,200) falls in the period.
    await revenue(actor, ids.A1!, 'month', '2026-01-01', 1_200);
    await revenue(actor, ids.A2!, 'year', '2025-01-01', 14_400);
    for (const name of ['B1', 'B2', 'B3']) await revenue(actor, ids[name]!, 'month', '2026-03-01', 500);
    for (const name of ['C1', 'C2', 'C3', 'C4', 'C5']) await revenue(actor, ids[name]!, 'month', '2026-07-01', 100);
    // Ten customers: A up to rank ceil(1) = 1, B up to rank ceil(3) = 3. Both 1,200s share rank 1 (A holds 20 %), the
    // three 500s share rank 3 (B holds three, the boundary's tie joining B), the 100s share rank 6.
    const classes = await Promise.all(names.map(async (name) => (await accountInsights(getDb(), actor, ids[name]!, PERIOD, NOW)).abc));
    expect(classes.map((c) => [c.class, c.rank, c.revenue])).toEqual([
      ['A', 1, 1_200],
      ['A', 1, 1_200],
      ['B', 3, 500],
      ['B', 3, 500],
      ['B', 3, 500],
      ['C', 6, 100],
      ['C', 6, 100],
      ['C', 6, 100],
      ['C', 6, 100],
      ['C', 6, 100],
    ]);
    expect(classes[0]).toMatchObject({ customers: 10, aUpToRank: 1, bUpToRank: 3 });
    expect((await teamInsights(getDb(), actor, PERIOD, NOW)).abc).toEqual([
      { class: 'A', accounts: 2, revenue: 2_400 },
      { class: 'B', accounts: 3, revenue: 1_500 },
      { class: 'C', accounts: 5, revenue: 500 },
    ]);
  });
});
