// Churn risk, explainable: a 0-100 score that is the sum of named factors, each adding up to its weight in points and
// saying from which measured values.
import type { ChurnRisk, InsightsSettings, RiskFactor } from '@crm/common';

const DAY = 86_400_000;

/** What the risk of one account is computed from; contact counts only what has happened (a planned meeting is no contact). */
export interface ChurnInputs {
  createdAt: string;
  lastContactAt: string | null;
  /** Median of the gaps in days between the account's distinct contact days; null with fewer than two such days. */
  medianGapDays: number | null;
  revenueCents: number;
  previousRevenueCents: number;
  /** Receipt instants of the complaints open now. */
  openComplaintsSince: readonly string[];
  /** The account's contacts who withdrew a consent or objected in the period. */
  withdrawingContacts: number;
  /** The account's contacts who took part in an interaction in the period, and in the previous period. */
  activeContacts: number;
  previousActiveContacts: number;
}

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
const oneDecimal = (value: number) => Math.round(value * 10) / 10;
/** A silence this many usual gaps beyond the usual gap gives the full weight: at 1 gap nothing, at 3 gaps everything. */
const INACTIVITY_FULL_AT_EXTRA_GAPS = 2;
/** A revenue drop of this share against the previous period gives the full weight. */
const REVENUE_DROP_FULL_AT = 0.5;
/** An open complaint weighs half at receipt and fully once it is this old; two fully weighted complaints give the full weight. */
const COMPLAINT_FULL_AGE_DAYS = 60;
const COMPLAINTS_FULL_AT = 2;
const WITHDRAWALS_FULL_AT = 2;

export function churnRisk(inputs: ChurnInputs, now: Date, settings: InsightsSettings['churn'], sleepingAfterDays: number): ChurnRisk {
  const weights = settings.weights;
  const factor = (name: RiskFactor['factor'], share: number, values: RiskFactor['inputs'], reason: string): RiskFactor => ({
    factor: name,
    contribution: oneDecimal(weights[name] * share),
    weight: weights[name],
    inputs: values,
    reason,
  });

  const since = inputs.lastContactAt ?? inputs.createdAt;
  const daysSinceContact = Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY));
  const usualGapDays = inputs.medianGapDays ?? sleepingAfterDays;
  const inactivity = factor(
    'inactivity',
    clamp01((daysSinceContact / usualGapDays - 1) / INACTIVITY_FULL_AT_EXTRA_GAPS),
    { daysSinceContact, medianGapDays: inputs.medianGapDays, usualGapDays },
    inputs.lastContactAt === null
      ? `no contact yet, account created ${daysSinceContact} days ago (usual gap taken as the tenant's ${sleepingAfterDays} days)`
      : `no contact for ${daysSinceContact} days, usually every ${usualGapDays}${inputs.medianGapDays === null ? " (the tenant's threshold)" : ''}`,
  );

  const change = inputs.previousRevenueCents > 0 ? (inputs.revenueCents - inputs.previousRevenueCents) / inputs.previousRevenueCents : null;
  const changePercent = change === null ? null : oneDecimal(change * 100);
  const revenueTrend = factor(
    'revenueTrend',
    change === null ? 0 : clamp01(-change / REVENUE_DROP_FULL_AT),
    { revenue: inputs.revenueCents / 100, previousRevenue: inputs.previousRevenueCents / 100, changePercent },
    change === null ? 'no revenue in the previous period to compare with' : `revenue ${changePercent}% against the previous period`,
  );

  const ages = inputs.openComplaintsSince.map((at) => Math.max(0, Math.floor((now.getTime() - Date.parse(at)) / DAY)));
  const severity = ages.reduce((s, age) => s + 0.5 + 0.5 * Math.min(1, age / COMPLAINT_FULL_AGE_DAYS), 0);
  const oldest = ages.length ? Math.max(...ages) : null;
  const complaints = factor(
    'complaints',
    clamp01(severity / COMPLAINTS_FULL_AT),
    { open: ages.length, oldestAgeDays: oldest },
    ages.length === 0 ? 'no open complaint' : `${ages.length} open complaint(s), the oldest ${oldest} days old`,
  );

  const consents = factor(
    'consents',
    clamp01(inputs.withdrawingContacts / WITHDRAWALS_FULL_AT),
    { withdrawingContacts: inputs.withdrawingContacts },
    inputs.withdrawingContacts === 0
      ? 'no consent withdrawn and no objection in the period'
      : `${inputs.withdrawingContacts} contact(s) withdrew a consent or objected in the period`,
  );

  const lost = inputs.previousActiveContacts > 0 ? clamp01((inputs.previousActiveContacts - inputs.activeContacts) / inputs.previousActiveContacts) : 0;
  const buyingCenter = factor(
    'buyingCenter',
    lost,
    { activeContacts: inputs.activeContacts, previousActiveContacts: inputs.previousActiveContacts },
    `${inputs.activeContacts} contact(s) took part in interactions in the period, ${inputs.previousActiveContacts} in the previous one`,
  );

  const factors = [inactivity, revenueTrend, complaints, consents, buyingCenter];
  const threshold = inputs.medianGapDays === null ? sleepingAfterDays : Math.max(sleepingAfterDays, settings.sleepingRhythmFactor * inputs.medianGapDays);
  return {
    score: Math.min(100, Math.round(factors.reduce((s, f) => s + f.contribution, 0))),
    factors,
    sleeping: daysSinceContact > threshold,
    sleepingAfterDays: threshold,
  };
}
