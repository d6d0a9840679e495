// The value of a goal's key figure in a set of team figures, free of zod: the API computes a goal's progress with it and
// the Insights tab reads the same figure out of each monthly snapshot for the goal's trend.
import type { TeamInsights } from './insights';

/** The team key figures a goal can target, in the order the Insights tab offers them; goals.ts makes its enum of them. */
export const GOAL_METRICS = [
  'churnRate',
  'winRate',
  'newCustomers',
  'activeCustomers',
  'openComplaints',
  'medianResolutionHours',
  'p90ResolutionHours',
  'weightedPipeline',
  'atRiskAccounts',
  'medianResponseHours',
  'p90ResponseHours',
  'crossSellingRate',
  'repeatPurchaseRate',
  'dataCompleteness',
  'possibleDuplicates',
  'interactionsPerWeek',
] as const;
type GoalMetric = (typeof GOAL_METRICS)[number];

export function metricValue(team: TeamInsights, metric: GoalMetric): number | null {
  switch (metric) {
    case 'churnRate':
      return team.customers.churnRate;
    case 'winRate':
      return team.winRate.rate;
    case 'newCustomers':
      return team.customers.new;
    case 'activeCustomers':
      return team.customers.active;
    case 'openComplaints':
      return team.complaints.open;
    case 'medianResolutionHours':
      return team.complaints.medianResolutionHours;
    case 'p90ResolutionHours':
      return team.complaints.p90ResolutionHours;
    case 'weightedPipeline':
      return Math.round(team.pipeline.reduce((s, g) => s + g.weightedAmount, 0) * 100) / 100;
    case 'atRiskAccounts':
      return team.segments.find((s) => s.segment === 'at_risk')?.accounts ?? 0;
    // Snapshots taken before these figures existed have none: null, not zero.
    case 'medianResponseHours':
      return team.responseTime?.medianHours ?? null;
    case 'p90ResponseHours':
      return team.responseTime?.p90Hours ?? null;
    case 'crossSellingRate':
      return team.crossSelling?.rate ?? null;
    case 'repeatPurchaseRate':
      return team.repeatPurchase?.rate ?? null;
    case 'dataCompleteness':
      return team.dataQuality?.completeness ?? null;
    case 'possibleDuplicates':
      return team.dataQuality ? team.dataQuality.duplicates.accounts + team.dataQuality.duplicates.contacts : null;
    case 'interactionsPerWeek':
      return team.adoption?.perWeek ?? null;
  }
}
