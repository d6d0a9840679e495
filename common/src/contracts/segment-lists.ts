// Segment lists (issue 15): saved filters over accounts and their contacts for targeted campaigns, e.g. "all customers
// who have not bought in the last 6 months". The filter is stored; the members are read from the precomputed analysis
// the figures they filter on come from, so a list says how old those figures are. An export for a marketing purpose lists only people who may get it.
import { z } from 'zod';
import { Email, IsoDate, NonEmptyText, OptionalText, PageQuery, Uuid, Versioned } from './primitives';
import { ConsentPurpose } from './enums';
import { AbcClass, AnalysisFreshness, InsightsPeriod, PeriodRange, SegmentName } from './insights';
import { ExportFileQuery } from './exports';

/**
 * growing: revenue up by at least the tenant's potentialGrowthPercent, or revenue now and none in the previous period;
 * declining: down by at least atRiskDeclinePercent (all of it included); stable: in between; none: no revenue in either.
 */
export const RevenueTrend = z.enum(['growing', 'stable', 'declining', 'none']);
export type RevenueTrend = z.infer<typeof RevenueTrend>;

const few = <T extends z.ZodType>(item: T) => z.array(item).min(1).max(20).optional();

/** Every condition given must hold (AND); a list of values holds when any of them does (OR). */
export const SegmentFilter = z
  .object({
    /** The period revenue, ABC class, segment and trend are computed over. */
    period: InsightsPeriod.default('last-12-months'),
    /** The segment from lifetime value and loyalty; "none" for accounts no segment rule fits. */
    segments: few(z.union([SegmentName, z.literal('none')])),
    /** The ABC class in the period; "none" for accounts without revenue in it. */
    abcClasses: few(z.union([AbcClass, z.literal('none')])),
    /** The account's industry, compared without case. */
    industries: few(NonEmptyText(200)),
    /** The last real contact (not a note, not internal, not cancelled, not in the future) was before this day, or never was. */
    lastContactBefore: IsoDate.optional(),
    /** The last real contact was on or after this day. */
    lastContactAfter: IsoDate.optional(),
    revenueTrends: few(RevenueTrend),
    /** Contact lists only: people with a current email consent for this purpose and no objection. */
    consentPurpose: ConsentPurpose.optional(),
  })
  .strict();
export type SegmentFilter = z.infer<typeof SegmentFilter>;

/** accounts: one member per matching account; contacts: one per contact of a matching account. */
export const SegmentTarget = z.enum(['accounts', 'contacts']);
export type SegmentTarget = z.infer<typeof SegmentTarget>;

export const SegmentListCreate = z
  .object({
    id: Uuid.optional(),
    name: NonEmptyText(200),
    description: OptionalText(2000),
    target: SegmentTarget,
    filter: SegmentFilter.prefault({}),
  })
  .strict()
  .refine((list) => list.target === 'contacts' || list.filter.consentPurpose === undefined, {
    path: ['filter', 'consentPurpose'],
    message: 'only a list of contacts can filter on consent',
  })
  .refine((list) => !list.filter.lastContactBefore || !list.filter.lastContactAfter || list.filter.lastContactAfter < list.filter.lastContactBefore, {
    path: ['filter', 'lastContactAfter'],
    message: 'must be before lastContactBefore',
  });
export type SegmentListCreate = z.infer<typeof SegmentListCreate>;

export const SegmentList = Versioned.extend({
  name: z.string(),
  description: z.string().nullable(),
  target: SegmentTarget,
  filter: SegmentFilter,
  createdBy: Uuid.nullable(),
});
export type SegmentList = z.infer<typeof SegmentList>;

export const SegmentListQuery = PageQuery;
export type SegmentListQuery = z.infer<typeof SegmentListQuery>;

/** Why a person of the list is not in a marketing export (the same reasons as the consent check before sending). */
export const ExportLeftOutReason = z.enum(['restricted', 'objected', 'withdrawn', 'no_consent', 'no_email']);
export type ExportLeftOutReason = z.infer<typeof ExportLeftOutReason>;

const SegmentMembersPurpose = z.object({
  /** A marketing export: only people with a current email consent for the purpose, never restricted or objecting ones. */
  purpose: ConsentPurpose.optional(),
});

/** A page of the members: a list of a whole tenant's contacts is too long for one answer and one table. */
export const SegmentMembersQuery = SegmentMembersPurpose.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: PageQuery.shape.cursor,
}).strict();
export type SegmentMembersQuery = z.infer<typeof SegmentMembersQuery>;

/** The members as a file, CSV for German Excel or XLSX, with the same purpose rule as the members: all of them. */
export const SegmentExportQuery = SegmentMembersPurpose.extend(ExportFileQuery.shape).strict();
export type SegmentExportQuery = z.infer<typeof SegmentExportQuery>;

export const SegmentMemberAccount = z.object({
  id: Uuid,
  name: z.string(),
  industry: z.string().nullable(),
  ownerId: Uuid.nullable(),
  abcClass: AbcClass.nullable(),
  segment: SegmentName.nullable(),
  revenue: z.number(),
  previousRevenue: z.number(),
  revenueTrend: RevenueTrend,
  lastContactAt: z.string().nullable(),
});
export type SegmentMemberAccount = z.infer<typeof SegmentMemberAccount>;

export const SegmentMemberContact = z.object({
  id: Uuid,
  firstName: z.string(),
  lastName: z.string(),
  /** The first address; in an export the one the consent is for. */
  email: Email.nullable(),
  jobTitle: z.string().nullable(),
});

export const SegmentMember = z.object({
  account: SegmentMemberAccount,
  /** Null in a list of accounts. */
  contact: SegmentMemberContact.nullable(),
});
export type SegmentMember = z.infer<typeof SegmentMember>;

export const SegmentMembers = z.object({
  segmentId: Uuid,
  target: SegmentTarget,
  currency: z.string(),
  range: PeriodRange,
  purpose: ConsentPurpose.nullable(),
  /** How old the accounts' figures are (the precomputed analysis); the contacts and consents are as of the read. */
  asOf: AnalysisFreshness,
  /** This page of the members: accounts by name, their contacts by last and first name. */
  items: z.array(SegmentMember),
  /** The members on all pages (in an export, the people it holds). */
  total: z.number().int(),
  /**
   * The next page's cursor, null on the last. A page continues after the last member of the one before, also when the
   * list changed between the two (a refresh of the analysis, a new contact); only if that member left the list it
   * continues at the same position.
   */
  nextCursor: z.string().nullable(),
  /**
   * In an export: the list's people who are not in it, by reason, each counted once under the first reason that holds
   * (restricted, objected, withdrawn, no_consent, no_email). Null without a purpose.
   */
  leftOut: z
    .object({
      total: z.number().int(),
      byReason: z.array(z.object({ reason: ExportLeftOutReason, count: z.number().int() })),
    })
    .nullable(),
});
export type SegmentMembers = z.infer<typeof SegmentMembers>;
