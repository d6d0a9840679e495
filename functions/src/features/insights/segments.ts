// Segments from lifetime value and loyalty. The rules are tried in this order and the first that holds names the
// segment: at risk, champions, loyal, potential; each can be switched off in the settings (segments.rules), and an
// account no rule fits has no segment, and says so.
import type { InsightsSettings, SegmentResult } from '@crm/common';

export interface SegmentInputs {
  riskScore: number;
  revenueCents: number;
  previousRevenueCents: number;
  /** Consecutive past twelve-month windows with revenue, counted back from the most recent. */
  yearsInRow: number;
  /** Whether the account ever had revenue in the windows looked at: only customers can be at risk of leaving. */
  isCustomer: boolean;
  /** Rank of the lifetime value among the tenant's positive ones (ties share), null when not positive. */
  clvRank: number | null;
  /** The last rank that counts as top championsTopPercent. */
  championsUpToRank: number;
  rating: string | null;
  openWeightedPipeline: number;
}

export function segmentOf(inputs: SegmentInputs, settings: InsightsSettings['segments']): SegmentResult {
  const change =
    inputs.previousRevenueCents > 0 ? Math.round(((inputs.revenueCents - inputs.previousRevenueCents) / inputs.previousRevenueCents) * 1000) / 10 : null;
  const on = settings.rules;
  if (on.atRiskScore && inputs.isCustomer && inputs.riskScore >= settings.atRiskMinScore)
    return { segment: 'at_risk', rule: `churn risk ${inputs.riskScore} is at least ${settings.atRiskMinScore}` };
  if (on.atRiskDecline && inputs.isCustomer && change !== null && change <= -settings.atRiskDeclinePercent)
    return { segment: 'at_risk', rule: `revenue ${change}% against the previous period, a drop of at least ${settings.atRiskDeclinePercent}%` };
  if (on.champions && inputs.clvRank !== null && inputs.clvRank <= inputs.championsUpToRank && inputs.yearsInRow >= settings.championsMinYears)
    return {
      segment: 'champions',
      rule: `lifetime value in the top ${settings.championsTopPercent}% (rank ${inputs.clvRank}) and revenue in each of the last ${inputs.yearsInRow} years (at least ${settings.championsMinYears})`,
    };
  if (on.loyal && inputs.yearsInRow >= settings.loyalMinYears)
    return { segment: 'loyal', rule: `revenue in each of the last ${inputs.yearsInRow} years (at least ${settings.loyalMinYears})` };
  if (on.potentialRating && inputs.rating === 'A') return { segment: 'potential', rule: 'rated A' };
  if (on.potentialPipeline && inputs.openWeightedPipeline > 0) return { segment: 'potential', rule: `open weighted pipeline of ${inputs.openWeightedPipeline}` };
  if (on.potentialGrowth && change !== null && change >= settings.potentialGrowthPercent)
    return { segment: 'potential', rule: `revenue +${change}% against the previous period, growth of at least ${settings.potentialGrowthPercent}%` };
  if (on.potentialNew && inputs.previousRevenueCents === 0 && inputs.revenueCents > 0) return { segment: 'potential', rule: 'new customer: revenue in the period and none in the previous one' };
  const off = Object.entries(on).flatMap(([rule, enabled]) => (enabled ? [] : [rule]));
  const none = 'no rule matched: no risk, no revenue history, rating, pipeline or growth';
  return { segment: null, rule: off.length > 0 ? `${none} (switched off: ${off.join(', ')})` : none };
}
