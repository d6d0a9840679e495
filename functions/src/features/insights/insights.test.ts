// The insights of a small known tenant, computed from the database on PGlite and PostgreSQL against hand-computed values:
// yearly revenue split into months, a quarterly rhythm, a future meeting that is no contact, a new and a churned customer.
import { AccountCreate, ConsentEntryCreate, ContactCreate, InteractionCreate, OpportunityCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { recordConsent } from '../consents';
import { createContact } from '../contacts';
import { changeInteraction, logInteraction } from '../interactions';
import { changeOpportunity, createOpportunity } from '../opportunities';
import { accountInsights, teamInsights } from './service';

// The default period, the last twelve full months, is 2025-12 to 2026-11; the one before is 2024-12 to 2025-11.
const NOW = new Date('2026-12-01T12:00:00Z');
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describeEachDatabase('insights', (getDb) => {
  let anna: Actor;
  const ids: Record<string, string> = {};

  const revenue = (account: string, kind: 'year' | 'month', start: string, amount: number, cost: number | null = null) =>
    getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, cost, source) VALUES ($1, $2, $3, $4, $5, $6, 'api')`,
      [anna.tenantId, ids[account] ?? '', kind, start, amount, cost],
    );
  const log = (account: string, input: z.input<typeof InteractionCreate>) =>
    logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids[account]], subject: 'Kontakt', ...input }));

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    for (const name of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'])
      ids[name] = (await createAccount(getDb(), anna, AccountCreate.parse({ name }))).value.id;
    const contact = async (account: string, lastName: string) =>
      (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids[account], lastName }))).value.id;
    const karl = await contact('Alpha', 'Keller');
    const berta = await contact('Beta', 'Brandt');

    // Alpha: 120,000 a year with 80,000 cost in 2024 and 2025, then 10,000 a month without cost in 2026.
    await revenue('Alpha', 'year', '2024-01-01', 120_000, 80_000);
    await revenue('Alpha', 'year', '2025-01-01', 120_000, 80_000);
    for (let month = 1; month <= 11; month++) await revenue('Alpha', 'month', `2026-${String(month).padStart(2, '0')}-01`, 10_000);
    // A meeting every 91 days, the last 60 days ago, and one planned in ten days.
    for (const days of [-333, -242, -151, -60, 10]) await log('Alpha', { type: 'meeting', occurredAt: daysFromNow(days), contactIds: [karl] });

    // Beta: 120,000 in 2025, then only 3 * 5,000 in 2026; a call 200 days ago, a complaint open for 30 days, a withdrawal.
    await revenue('Beta', 'year', '2025-01-01', 120_000);
    for (const month of ['2026-01-01', '2026-02-01', '2026-03-01']) await revenue('Beta', 'month', month, 5_000);
    await log('Beta', { type: 'call', direction: 'outbound', occurredAt: daysFromNow(-200), contactIds: [berta] });
    await log('Beta', { type: 'complaint', occurredAt: daysFromNow(-30), subject: 'Leck' });
    await recordConsent(
      getDb(),
      anna,
      ConsentEntryCreate.parse({
        contactId: berta,
        channel: 'email',
        purpose: 'newsletter',
        legalBasis: 'consent',
        action: 'withdrawn',
        source: 'Anruf',
        capturedAt: '2026-06-01T00:00:00Z',
      }),
    );

    // Gamma: new customer in June 2026; two complaints, resolved after 48 and 10 hours.
    await revenue('Gamma', 'month', '2026-06-01', 5_000);
    for (const [at, resolvedAt] of [
      ['2026-03-01T00:00:00Z', '2026-03-03T00:00:00Z'],
      ['2026-06-01T00:00:00Z', '2026-06-01T10:00:00Z'],
    ] as const) {
      const complaint = (await log('Gamma', { type: 'complaint', occurredAt: at, subject: 'Kratzer' })).value;
      await changeInteraction(getDb(), anna, complaint.id, 1, { status: 'resolved' });
      await getDb().query(`UPDATE interactions SET resolved_at = $3 WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, complaint.id, resolvedAt]);
    }

    // Delta bought in March 2025 and not since: churned.
    await revenue('Delta', 'month', '2025-03-01', 8_000);

    // Epsilon: an open proposal for 10,000 (50 %) and a deal lost in negotiation; Zeta won 20,000 in May 2026.
    await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId: ids.Epsilon, name: 'Anlage', stage: 'proposal', amount: 10_000, expectedCloseDate: '2026-12-15' }));
    const close = async (account: string, stage: string, amount: number, status: 'won' | 'lost', closedAt: string) => {
      const deal = (await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId: ids[account], name: 'Deal', stage, amount }))).value;
      await changeOpportunity(getDb(), anna, deal.id, 1, { status });
      await getDb().query(`UPDATE opportunities SET closed_at = $3 WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, deal.id, closedAt]);
    };
    await close('Epsilon', 'negotiation', 30_000, 'lost', '2026-04-01T00:00:00Z');
    await close('Zeta', 'commit', 20_000, 'won', '2026-05-10T00:00:00Z');

    // Another tenant's customer must not count anywhere.
    const other = await seedActor(getDb(), { name: 'Fremd' });
    const foreign = (await createAccount(getDb(), other, AccountCreate.parse({ name: 'Fremd AG' }))).value.id;
    ids.Foreign = foreign;
    await getDb().query(
      `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'year', '2026-01-01', 999999, 'import')`,
      [other.tenantId, foreign],
    );
  });

  it("projects a champion's lifetime value from three years, a yearly row split into its months", async () => {
    const alpha = await accountInsights(getDb(), anna, ids.Alpha ?? '', 'last-12-months', NOW);
    expect(alpha.range).toEqual({ period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' });
    // Three customers in the period (Alpha 120,000, Beta 25,000, Gamma 5,000): A up to rank ceil(0.3) = 1, B up to ceil(0.9) = 1.
    expect(alpha.abc).toEqual({ class: 'A', revenue: 120_000, rank: 1, customers: 3, aUpToRank: 1, bUpToRank: 1 });
    // Years: 10,000 (Dec 2025 of the 2025 row, cost 6,666.67) + 110,000 (2026 months, no cost); 120,000 with cost 80,000;
    // 110,000 (Jan-Nov 2024) with cost 73,333.33. Cost 160,000 imported + 110,000 * 0.7 = 237,000; per year 116,666.67 and 79,000.
    expect(alpha.clv.inputs).toEqual({
      historyYears: 3,
      yearsWithHistory: 3,
      historyRevenue: 350_000,
      historyCost: 237_000,
      importedCost: 160_000,
      defaultMarginPercent: 30,
      yearlyRevenue: 116_666.67,
      yearlyCost: 79_000,
      horizonYears: 5,
      discountRatePercent: 8,
      retention: 1,
    });
    // 37,666.67 / 1.08^t for t = 1..5.
    expect(alpha.clv.terms.map((t) => t.presentValue)).toEqual([34_876.54, 32_293.1, 29_901.01, 27_686.12, 25_635.3]);
    expect(alpha.clv.value).toBe(150_392.07);
    expect(alpha.segment).toEqual({
      segment: 'champions',
      rule: 'lifetime value in the top 20% (rank 1) and revenue in each of the last 3 years (at least 2)',
    });
  });

  it('reads a quarterly rhythm from the meetings that happened, not from the planned one', async () => {
    const alpha = await accountInsights(getDb(), anna, ids.Alpha ?? '', 'last-12-months', NOW);
    expect(alpha.churnRisk.factors[0]).toMatchObject({ factor: 'inactivity', contribution: 0, inputs: { daysSinceContact: 60, medianGapDays: 91, usualGapDays: 91 } });
    // One contact in the period and none before it: no loss in the buying center.
    expect(alpha.churnRisk.factors[4]).toMatchObject({ contribution: 0, inputs: { activeContacts: 1, previousActiveContacts: 0 } });
    expect([alpha.churnRisk.score, alpha.churnRisk.sleeping, alpha.churnRisk.sleepingAfterDays]).toEqual([0, false, 182]);
  });

  it('puts a customer whose revenue fell at risk and explains its score', async () => {
    const beta = await accountInsights(getDb(), anna, ids.Beta ?? '', 'last-12-months', NOW);
    // 10,000 (Dec 2025) + 15,000 against 110,000: -77.3 % -> the full 25; the complaint 30 days open: 7.5; one withdrawal: 5.
    expect(beta.churnRisk.factors.map((f) => [f.factor, f.contribution])).toEqual([
      ['inactivity', 0],
      ['revenueTrend', 25],
      ['complaints', 7.5],
      ['consents', 5],
      ['buyingCenter', 0],
    ]);
    expect(beta.churnRisk.factors[1]?.inputs).toEqual({ revenue: 25_000, previousRevenue: 110_000, changePercent: -77.3 });
    // The call 200 days ago and the complaint 30 days ago are 170 days apart.
    expect(beta.churnRisk.factors[0]?.inputs).toEqual({ daysSinceContact: 30, medianGapDays: 170, usualGapDays: 170 });
    expect(beta.churnRisk.score).toBe(38);
    expect(beta.segment).toEqual({ segment: 'at_risk', rule: 'revenue -77.3% against the previous period, a drop of at least 20%' });
    expect(beta.abc.class).toBe('C');
  });

  it('computes the team figures of the period', async () => {
    const team = await teamInsights(getDb(), anna, 'last-12-months', NOW);
    expect(team.pipeline).toEqual([{ stage: 'proposal', count: 1, amount: 10_000, weightedAmount: 5_000 }]);
    expect(team.forecast.thisQuarter).toMatchObject({ quarter: '2026-Q4', count: 1, weightedAmount: 5_000 });
    expect(team.winRate).toEqual({ won: 1, lost: 1, rate: 0.5, lostByStage: [{ stage: 'negotiation', count: 1 }] });
    // Active: Alpha, Beta, Gamma; new: Gamma; previous: Alpha, Beta, Delta; churned: Delta.
    expect(team.customers).toEqual({ active: 3, new: 1, previous: 3, churned: 1, churnRate: 0.3333 });
    // Three received in the period, Beta's open; 48 h and 10 h: median 29, p90 10 + 0.9 * 38 = 44.2.
    expect(team.complaints).toEqual({ count: 3, open: 1, resolved: 2, medianResolutionHours: 29, p90ResolutionHours: 44.2 });
    expect(team.abc).toEqual([
      { class: 'A', accounts: 1, revenue: 120_000 },
      { class: 'B', accounts: 0, revenue: 0 },
      { class: 'C', accounts: 2, revenue: 30_000 },
    ]);
    // Champions Alpha; potential Gamma (new) and Epsilon (pipeline); at risk Beta and Delta; Zeta has no imported revenue.
    expect(team.segments).toEqual([
      { segment: 'champions', accounts: 1 },
      { segment: 'loyal', accounts: 0 },
      { segment: 'potential', accounts: 2 },
      { segment: 'at_risk', accounts: 2 },
      { segment: null, accounts: 1 },
    ]);
    expect(team.atRisk.map((a) => [a.name, a.score, a.reasons.map((r) => r.factor)])).toEqual([
      ['Beta', 38, ['revenueTrend', 'complaints', 'consents']],
      ['Delta', 25, ['revenueTrend']],
    ]);
  });

  it("counts each account's complaints and closed deals apart", async () => {
    const of = async (name: string) => (await accountInsights(getDb(), anna, ids[name] ?? '', 'last-12-months', NOW)).keyFigures;
    const [beta, gamma, epsilon, zeta] = await Promise.all(['Beta', 'Gamma', 'Epsilon', 'Zeta'].map(of));
    // Gamma's two, resolved after 48 and 10 hours: median 29, p90 44.2 (the team's, since Beta's is still open).
    expect(gamma?.complaints).toEqual({ count: 2, open: 0, resolved: 2, medianResolutionHours: 29, p90ResolutionHours: 44.2 });
    expect(beta?.complaints).toEqual({ count: 1, open: 1, resolved: 0, medianResolutionHours: null, p90ResolutionHours: null });
    expect(epsilon?.winRate).toEqual({ won: 0, lost: 1, rate: 0, lostByStage: [{ stage: 'negotiation', count: 1 }] });
    expect(zeta?.winRate).toEqual({ won: 1, lost: 0, rate: 1, lostByStage: [] });
    expect(gamma?.winRate).toEqual({ won: 0, lost: 0, rate: null, lostByStage: [] });
  });

  it("measures Gamma's silence against its own 92-day rhythm", async () => {
    const gamma = await accountInsights(getDb(), anna, ids.Gamma ?? '', 'last-12-months', NOW);
    // 183 days since 2026-06-01 against a 92-day gap: (183 / 92 - 1) / 2 * 35 = 17.3; it sleeps only after 184 days.
    expect(gamma.churnRisk.factors[0]).toMatchObject({ contribution: 17.3, inputs: { daysSinceContact: 183, medianGapDays: 92 } });
    expect([gamma.churnRisk.sleeping, gamma.churnRisk.sleepingAfterDays]).toEqual([false, 184]);
    expect(gamma.segment.segment).toBe('potential');
  });

  it("hides another tenant's account", async () => {
    await domainError(accountInsights(getDb(), anna, ids.Foreign ?? '', 'last-12-months', NOW), 'not_found');
  });

  it('adds won opportunities when the tenant counts both sources', async () => {
    await getDb().query(`UPDATE tenants SET settings = settings || '{"insights": {"revenueSource": "both"}}'::jsonb WHERE tenant_id = $1`, [anna.tenantId]);
    const zeta = await accountInsights(getDb(), anna, ids.Zeta ?? '', 'last-12-months', NOW);
    // Four customers: A up to rank 1, B up to rank ceil(1.2) = 2; Zeta's 20,000 is rank 3.
    expect(zeta.abc).toEqual({ class: 'C', revenue: 20_000, rank: 3, customers: 4, aUpToRank: 1, bUpToRank: 2 });
    expect((await teamInsights(getDb(), anna, 'last-12-months', NOW)).abc.map((c) => c.accounts)).toEqual([1, 1, 2]);
  });
});
