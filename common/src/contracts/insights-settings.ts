// The tenant's analytics settings (issue 15), apart from the insights contracts so tenant.ts can hold them without a cycle.
import { z } from 'zod';

const Percent = z.number().min(0).max(100);
const Weight = z.number().int().min(0).max(100);
const Years = z.number().int().min(1).max(10);

/** Where revenue comes from: imported revenue per account and period, won opportunities, or both added up. */
export const RevenueSource = z.enum(['imported', 'opportunities', 'both']);
export type RevenueSource = z.infer<typeof RevenueSource>;

/**
 * One shape, two readings: the PUT body refuses unknown keys (a typo must not be saved silently), the stored document
 * drops them (a key removed later must not make older documents unreadable). Every field has its default.
 */
/** Worded once: the settings' schema (and so the OpenAPI document) and docs/INSIGHTS.md say it the same way. */
export const PER_EMPLOYEE_FIGURES_DESCRIPTION =
  'Lets managers (CRM.Manager, CRM.Admin) see key figures per employee (GET /api/insights/employees). Switch it on only ' +
  'under a works council agreement: figures per employee are suited to monitor their performance, which the works ' +
  'council co-decides (BetrVG §87(1) Nr. 6). Off by default: everyone sees team figures, each employee their own in My CRM.';

const insightsSettings = (object: typeof z.strictObject) =>
  object({
    revenueSource: RevenueSource.default('imported'),
    perEmployeeFigures: z.boolean().default(false).meta({ description: PER_EMPLOYEE_FIGURES_DESCRIPTION }),
    abc: object({ aPercent: Weight.default(10), bPercent: Weight.default(20) })
      .refine((abc) => abc.aPercent + abc.bPercent <= 100, 'aPercent and bPercent together must not exceed 100')
      .prefault({}),
    clv: object({
      horizonYears: z.number().int().min(1).max(30).default(5),
      discountRatePercent: Percent.default(8),
      /** Margin on revenue whose cost is not known (won opportunities, imports without cost). */
      defaultMarginPercent: Percent.default(30),
      /** How many past years the projected yearly margin averages. */
      historyYears: Years.default(3),
    }).prefault({}),
    churn: object({
      /** Points each factor adds at most; the score is their sum, capped at 100. */
      weights: object({
        inactivity: Weight.default(35),
        revenueTrend: Weight.default(25),
        complaints: Weight.default(20),
        consents: Weight.default(10),
        buyingCenter: Weight.default(10),
      }).prefault({}),
      /** An account sleeps when its silence exceeds both sleepingAfterDays and this many of its usual gaps. */
      sleepingRhythmFactor: z.number().min(1).max(10).default(2),
    }).prefault({}),
    segments: object({
      atRiskMinScore: Weight.default(60),
      /** A revenue drop against the previous period of at least this many percent puts an account at risk. */
      atRiskDeclinePercent: Percent.default(20),
      championsTopPercent: Percent.default(20),
      championsMinYears: Years.default(2),
      loyalMinYears: Years.default(2),
      potentialGrowthPercent: Percent.default(20),
      /**
       * Each segment rule, switched on or off. They are tried in this order and the first that holds names the
       * segment; an account no rule holds for has none.
       */
      rules: object({
        atRiskScore: z.boolean().default(true),
        atRiskDecline: z.boolean().default(true),
        champions: z.boolean().default(true),
        loyal: z.boolean().default(true),
        potentialRating: z.boolean().default(true),
        potentialPipeline: z.boolean().default(true),
        potentialGrowth: z.boolean().default(true),
        potentialNew: z.boolean().default(true),
      }).prefault({}),
    }).prefault({}),
  });

export const InsightsSettings = insightsSettings(z.strictObject);
export type InsightsSettings = z.infer<typeof InsightsSettings>;
export const StoredInsightsSettings = insightsSettings(z.object as typeof z.strictObject);
