// The team's key figures of issue 15 beyond pipeline, win rate, customers and complaints: response time, cross-selling,
// repeat purchases, data quality and adoption. Each carries the counts it was computed from (docs/INSIGHTS.md).
import { z } from 'zod';
import { IsoDate } from './primitives';
import { InteractionSource } from './enums';

const Count = z.number().int();
const Rate = z.number().nullable();

export const ResponseTimeFigures = z.object({
  /** Inbound emails and web forms that came in during the period, up to now. */
  requests: Count,
  /** Of those, the ones with a first response by now: an outbound email or call on one of their accounts or in their conversation. */
  answered: Count,
  /** Hours from the request to its first response, over the answered ones (interpolated percentiles). */
  medianHours: z.number().nullable(),
  p90Hours: z.number().nullable(),
});
export type ResponseTimeFigures = z.infer<typeof ResponseTimeFigures>;

export const CrossSellingFigures = z.object({
  /** Accounts with an opportunity won in the period that names a product line. */
  buyers: Count,
  /** Of those, the accounts whose won opportunities of the period name two or more product lines. */
  crossBuyers: Count,
  /** crossBuyers / buyers; null without buyers. */
  rate: Rate,
  /** Opportunities won in the period without a product line: in neither count. */
  withoutProductLine: Count,
});
export type CrossSellingFigures = z.infer<typeof CrossSellingFigures>;

export const RepeatPurchaseFigures = z.object({
  /** Accounts with at least one purchase in the period. */
  customers: Count,
  /** Of those, the accounts with two or more. */
  repeatCustomers: Count,
  /** repeatCustomers / customers; null without customers. */
  rate: Rate,
  /** The purchases counted: won opportunities and imported revenue periods, as the tenant's revenue source says. */
  purchases: Count,
});
export type RepeatPurchaseFigures = z.infer<typeof RepeatPurchaseFigures>;

/** The key fields whose completeness counts: who looks after an account and how to reach and place a person. */
export const AccountKeyField = z.enum(['owner', 'industry', 'domain', 'country']);
export type AccountKeyField = z.infer<typeof AccountKeyField>;
export const ContactKeyField = z.enum(['account', 'email', 'phone', 'jobTitle', 'buyingRole']);
export type ContactKeyField = z.infer<typeof ContactKeyField>;

export const DataQualityFigures = z.object({
  accounts: Count,
  contacts: Count,
  /** How many records have each key field filled. */
  accountFields: z.array(z.object({ field: AccountKeyField, filled: Count })),
  contactFields: z.array(z.object({ field: ContactKeyField, filled: Count })),
  /** Filled key fields / (accounts * 4 + contacts * 5); null without records. */
  completeness: Rate,
  /** Pairs the Data tab's possible duplicates list shows (its default score threshold). */
  duplicates: z.object({ accounts: Count, contacts: Count }),
});
export type DataQualityFigures = z.infer<typeof DataQualityFigures>;

const SourceCount = z.object({ source: InteractionSource, count: Count });

export const AdoptionFigures = z.object({
  /** Interactions logged (created in the CRM) in the period, up to now. */
  logged: Count,
  /** logged / (days of the period up to now / 7); null before the period began. */
  perWeek: z.number().nullable(),
  /** Every source, with zero for the ones nobody used. */
  bySource: z.array(SourceCount),
  /** Weeks from Monday (UTC), the first and last cut to the period: `days` says how many of its days count. */
  weeks: z.array(z.object({ weekStart: IsoDate, days: Count, count: Count, bySource: z.array(SourceCount) })),
});
export type AdoptionFigures = z.infer<typeof AdoptionFigures>;

export const WinRateFigures = z.object({
  won: Count,
  lost: Count,
  /** won / (won + lost) of the opportunities closed in the period; null when none closed. */
  rate: Rate,
  lostByStage: z.array(z.object({ stage: z.string(), count: Count })),
});
export type WinRateFigures = z.infer<typeof WinRateFigures>;

export const ComplaintFigures = z.object({
  /** Complaints received in the period. */
  count: Count,
  /** Complaints open now. */
  open: Count,
  /** Of the complaints resolved in the period: hours from receipt to resolution. */
  resolved: Count,
  medianResolutionHours: z.number().nullable(),
  p90ResolutionHours: z.number().nullable(),
});
export type ComplaintFigures = z.infer<typeof ComplaintFigures>;

/** A contact's key fields as one account counts them: its contacts all have the account, so that field is left out. */
export const AccountContactKeyField = ContactKeyField.exclude(['account']);
export type AccountContactKeyField = z.infer<typeof AccountContactKeyField>;

/**
 * The key figures of one account, by the team figures' definitions restricted to the records of the account: its
 * opportunities, the interactions linked to it, its own fields and its contacts'.
 */
export const AccountKeyFigures = z.object({
  winRate: WinRateFigures,
  complaints: ComplaintFigures,
  /** Over the inbound emails and web forms linked to the account. */
  responseTime: ResponseTimeFigures,
  productLines: z.object({
    /** The distinct product lines of the opportunities the account won in the period (case-insensitive, as first written). */
    lines: z.array(z.string()),
    /** Two or more lines: the account counts as a cross-buyer in the team figure. */
    crossBuyer: z.boolean(),
    withoutProductLine: Count,
  }),
  purchases: z.object({
    /** Won opportunities and imported revenue periods of the period, as the tenant's revenue source says. */
    count: Count,
    /** Two or more: a repeat customer in the team figure. */
    repeat: z.boolean(),
  }),
  dataQuality: z.object({
    accountFields: z.array(z.object({ field: AccountKeyField, filled: z.boolean() })),
    contacts: Count,
    /** How many of the account's contacts have each field filled. */
    contactFields: z.array(z.object({ field: AccountContactKeyField, filled: Count })),
    /** Filled key fields / (4 + contacts * 4); null never (the account has its own four). */
    completeness: Rate,
    /**
     * Other accounts the Data tab's possible-duplicates list pairs with this one at its default score, as of the last
     * count (each refresh); read with the answer, not stored in it. Null before the first count.
     */
    possibleDuplicateAccounts: Count.nullable().optional(),
    /** The account's contacts in a pair of the Data tab's possible-duplicate contacts at its default score, as of the last count; as above. */
    possibleDuplicateContacts: Count.nullable().optional(),
  }),
  /** Interactions linked to the account that were logged (created in the CRM) in the period, up to now. */
  adoption: z.object({ logged: Count, perWeek: z.number().nullable(), bySource: z.array(SourceCount) }),
});
export type AccountKeyFigures = z.infer<typeof AccountKeyFigures>;
