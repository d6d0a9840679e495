// All accounts of a tenant analysed together: the ABC class and the champions' share rank an account among the others.
import type { AbcResult, ChurnRisk, ClvResult, InsightsSettings, SegmentResult } from '@crm/common';
import { abcClasses, ranksOf, topCount } from './abc';
import { churnRisk, type ChurnInputs } from './churn';
import { lifetimeValue, type RevenueYear } from './clv';
import { segmentOf } from './segments';

export interface AccountFacts extends ChurnInputs {
  id: string;
  name: string;
  rating: string | null;
  /** The past twelve-month windows, the most recent first (settings.clv.historyYears of them). */
  history: RevenueYear[];
  openWeightedPipeline: number;
}

export interface AccountAnalysis {
  facts: AccountFacts;
  abc: AbcResult;
  clv: ClvResult;
  churnRisk: ChurnRisk;
  segment: SegmentResult;
}

export function analyse(accounts: readonly AccountFacts[], settings: InsightsSettings, sleepingAfterDays: number, now: Date): AccountAnalysis[] {
  const abc = abcClasses(new Map(accounts.map((a) => [a.id, a.revenueCents])), settings.abc);
  const risks = new Map(accounts.map((a) => [a.id, churnRisk(a, now, settings.churn, sleepingAfterDays)]));
  const values = new Map(accounts.map((a) => [a.id, lifetimeValue(a.history, risks.get(a.id)?.score ?? 0, settings.clv)]));
  const clvRanks = ranksOf(new Map([...values].map(([id, clv]) => [id, Math.round(clv.value * 100)])));
  const championsUpToRank = topCount(clvRanks.size, settings.segments.championsTopPercent);
  return accounts.map((facts) => {
    const risk = risks.get(facts.id) as ChurnRisk;
    const yearsInRow = facts.history.findIndex((y) => y.revenueCents <= 0);
    return {
      facts,
      abc: abc.get(facts.id) as AbcResult,
      clv: values.get(facts.id) as ClvResult,
      churnRisk: risk,
      segment: segmentOf(
        {
          riskScore: risk.score,
          revenueCents: facts.revenueCents,
          previousRevenueCents: facts.previousRevenueCents,
          yearsInRow: yearsInRow === -1 ? facts.history.length : yearsInRow,
          isCustomer: facts.revenueCents > 0 || facts.previousRevenueCents > 0 || facts.history.some((y) => y.revenueCents > 0),
          clvRank: clvRanks.get(facts.id) ?? null,
          championsUpToRank,
          rating: facts.rating,
          openWeightedPipeline: facts.openWeightedPipeline,
        },
        settings.segments,
      ),
    };
  });
}
