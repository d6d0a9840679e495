// Analytics (issue 15): ABC class, customer lifetime value, segment and churn risk per account, and the team's key
// figures. Every figure carries the inputs it was computed from, so the UI can show the formula next to the number.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './primitives';
import { Rating } from './enums';
import { QuarterForecast } from './teams';
import { RevenueSource } from './insights-settings';
import {
  AccountKeyFigures,
  AdoptionFigures,
  ComplaintFigures,
  CrossSellingFigures,
  DataQualityFigures,
  RepeatPurchaseFigures,
  ResponseTimeFigures,
  WinRateFigures,
} from './insights-key-figures';

export { InsightsSettings, RevenueSource } from './insights-settings';
export * from './insights-key-figures';

/** `last-12-months` (the default: the twelve full months before the current one), a year `2026`, a quarter `2026-Q3` or a month `2026-11`. */
export const InsightsPeriod = z
  .string()
  .trim()
  .regex(/^(last-12-months|\d{4}|\d{4}-Q[1-4]|\d{4}-(0[1-9]|1[0-2]))$/, 'must be last-12-months, a year (2026), a quarter (2026-Q3) or a month (2026-11)');

export const InsightsQuery = z.object({ period: InsightsPeriod.default('last-12-months') }).strict();
export type InsightsQuery = z.infer<typeof InsightsQuery>;

export const PeriodRange = z.object({
  period: z.string(),
  /** First day of the period. */
  from: IsoDate,
  /** First day after the period. */
  to: IsoDate,
  previousFrom: IsoDate,
});
export type PeriodRange = z.infer<typeof PeriodRange>;

export const AbcClass = z.enum(['A', 'B', 'C']);
export type AbcClass = z.infer<typeof AbcClass>;

export const AbcResult = z.object({
  /** Null when the account had no revenue in the period: it is no customer of that period. */
  class: AbcClass.nullable(),
  revenue: z.number(),
  /** 1 + the number of customers with strictly more revenue, so tied customers share a rank and a class. */
  rank: z.number().int().nullable(),
  customers: z.number().int(),
  /** The last rank of class A and of class B: ceil(customers * share). */
  aUpToRank: z.number().int(),
  bUpToRank: z.number().int(),
});
export type AbcResult = z.infer<typeof AbcResult>;

export const ClvTerm = z.object({
  year: z.number().int(),
  revenue: z.number(),
  cost: z.number(),
  /** Probability the customer still buys in that year: retention^year. */
  survival: z.number(),
  discountFactor: z.number(),
  presentValue: z.number(),
});

export const ClvResult = z.object({
  value: z.number(),
  formula: z.string(),
  inputs: z.object({
    historyYears: z.number().int(),
    /** Past years (of historyYears) since the account's first revenue in them; the averages divide by this. */
    yearsWithHistory: z.number().int(),
    historyRevenue: z.number(),
    historyCost: z.number(),
    /** Part of historyCost that was imported; the rest is revenue without known cost times (1 - default margin). */
    importedCost: z.number(),
    defaultMarginPercent: z.number(),
    yearlyRevenue: z.number(),
    yearlyCost: z.number(),
    horizonYears: z.number().int(),
    discountRatePercent: z.number(),
    retention: z.number(),
  }),
  terms: z.array(ClvTerm),
});
export type ClvResult = z.infer<typeof ClvResult>;

export const RiskFactorName = z.enum(['inactivity', 'revenueTrend', 'complaints', 'consents', 'buyingCenter']);
export type RiskFactorName = z.infer<typeof RiskFactorName>;

export const RiskFactor = z.object({
  factor: RiskFactorName,
  /** Points this factor adds to the score, 0 up to its weight. */
  contribution: z.number(),
  weight: z.number(),
  /** The measured values the contribution comes from. */
  inputs: z.record(z.string(), z.number().nullable()),
  reason: z.string(),
});
export type RiskFactor = z.infer<typeof RiskFactor>;

export const ChurnRisk = z.object({
  score: z.number().int().min(0).max(100),
  factors: z.array(RiskFactor),
  sleeping: z.boolean(),
  /** The silence after which this account sleeps: max(sleepingAfterDays, sleepingRhythmFactor * medianGapDays). */
  sleepingAfterDays: z.number(),
});
export type ChurnRisk = z.infer<typeof ChurnRisk>;

export const SegmentName = z.enum(['champions', 'loyal', 'potential', 'at_risk']);
export type SegmentName = z.infer<typeof SegmentName>;

export const SegmentResult = z.object({
  /** Null when no rule matched (no revenue, no pipeline, no growth). */
  segment: SegmentName.nullable(),
  rule: z.string(),
});
export type SegmentResult = z.infer<typeof SegmentResult>;

/**
 * How old the figures are: the endpoints answer from the tenant's precomputed analysis (refreshed on a timer and when
 * read stale), not from the data as of this very moment. Absent where the figures were computed for the answer.
 */
export const AnalysisFreshness = z.object({
  /** The instant the figures are as of. */
  computedAt: IsoDateTime,
  /** Counts the refreshes of this tenant's analysis of the period. */
  version: z.number().int(),
  /** Data the figures depend on changed after computedAt, or they were computed on an earlier day. */
  stale: z.boolean(),
});
export type AnalysisFreshness = z.infer<typeof AnalysisFreshness>;

export const AccountInsights = z.object({
  accountId: Uuid,
  name: z.string(),
  rating: Rating.nullable(),
  currency: z.string(),
  range: PeriodRange,
  revenueSource: RevenueSource,
  abc: AbcResult,
  clv: ClvResult,
  churnRisk: ChurnRisk,
  segment: SegmentResult,
  /** Absent in an analysis stored before these figures existed (migration 0034 has it refreshed). */
  keyFigures: AccountKeyFigures.optional(),
  asOf: AnalysisFreshness.optional(),
});
export type AccountInsights = z.infer<typeof AccountInsights>;

export const AtRiskAccount = z.object({
  accountId: Uuid,
  name: z.string(),
  score: z.number().int(),
  segment: SegmentName.nullable(),
  /** The factors that added points, largest first. */
  reasons: z.array(RiskFactor),
});

const Count = z.number().int();

export const TeamInsights = z.object({
  currency: z.string(),
  range: PeriodRange,
  revenueSource: RevenueSource,
  pipeline: z.array(z.object({ stage: z.string(), count: Count, amount: z.number(), weightedAmount: z.number() })),
  forecast: z.object({ thisQuarter: QuarterForecast, nextQuarter: QuarterForecast }),
  winRate: WinRateFigures,
  customers: z.object({
    /** Accounts with revenue in the period. */
    active: Count,
    /** Accounts with revenue in the period and none ever before it. */
    new: Count,
    /** Accounts with revenue in the previous period. */
    previous: Count,
    /** Of those, the ones without revenue in this period. */
    churned: Count,
    churnRate: z.number().nullable(),
  }),
  complaints: ComplaintFigures,
  // Optional: the snapshots taken before these five figures existed (migration 0027) do not have them.
  responseTime: ResponseTimeFigures.optional(),
  crossSelling: CrossSellingFigures.optional(),
  repeatPurchase: RepeatPurchaseFigures.optional(),
  dataQuality: DataQualityFigures.optional(),
  adoption: AdoptionFigures.optional(),
  abc: z.array(z.object({ class: AbcClass, accounts: Count, revenue: z.number() })),
  segments: z.array(z.object({ segment: SegmentName.nullable(), accounts: Count })),
  atRisk: z.array(AtRiskAccount),
  asOf: AnalysisFreshness.optional(),
});
export type TeamInsights = z.infer<typeof TeamInsights>;

export const InsightTrendQuery = z.object({ months: z.coerce.number().int().min(1).max(60).default(12) }).strict();
export type InsightTrendQuery = z.infer<typeof InsightTrendQuery>;

/** The team figures as they were right after a month ended: its last twelve months, taken on the first timer run after it. */
export const InsightSnapshot = z.object({
  /** The month that had just ended, e.g. "2026-11". */
  month: z.string(),
  takenAt: IsoDateTime,
  figures: TeamInsights,
});
export type InsightSnapshot = z.infer<typeof InsightSnapshot>;

/** Oldest month first. */
export const InsightTrend = z.object({ snapshots: z.array(InsightSnapshot) });
export type InsightTrend = z.infer<typeof InsightTrend>;
