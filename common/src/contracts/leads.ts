// Leads: a person and/or company that is not a customer yet, from first contact to conversion, with a score that
// shows how it was reached.
import { z } from 'zod';
import { LEAD_BUDGETS, LEAD_ENGAGEMENTS, LEAD_SOURCES, LEAD_STATUSES, LEAD_TIMINGS } from './lead-values';
import { Email, IsoDateTime, NonEmptyText, OptionalText, PageQuery, Text, Uuid, Versioned } from './primitives';

export const LeadSource = z.enum(LEAD_SOURCES);
export const LeadStatus = z.enum(LEAD_STATUSES);
/** The qualification answers the score weighs (BANT-style: budget and timing, plus fit and engagement). */
export const LeadBudget = z.enum(LEAD_BUDGETS);
export const LeadTiming = z.enum(LEAD_TIMINGS);
export const LeadEngagement = z.enum(LEAD_ENGAGEMENTS);

const leadFields = {
  source: LeadSource.default('manual'),
  firstName: Text.trim().max(100).default(''),
  lastName: OptionalText(100),
  email: Email.nullable().optional(),
  company: OptionalText(300),
  phone: OptionalText(50),
  industry: OptionalText(100),
  employees: z.number().int().min(1).max(10_000_000).nullable().optional(),
  budget: LeadBudget.default('unknown'),
  timing: LeadTiming.default('unknown'),
  engagement: LeadEngagement.default('none'),
  ownerId: Uuid.nullable().optional(),
  notes: OptionalText(5000),
};

const needsWho = (lead: { lastName?: string | null; email?: string | null; company?: string | null }) => Boolean(lead.lastName || lead.email || lead.company);

export const LeadCreate = z
  .object({ id: Uuid.optional(), ...leadFields })
  .strict()
  .refine(needsWho, { message: 'a lead needs a last name, an email address or a company', path: ['lastName'] });
export type LeadCreate = z.infer<typeof LeadCreate>;

export const LeadPatch = z
  .object({
    firstName: Text.trim().max(100),
    lastName: leadFields.lastName,
    email: leadFields.email,
    company: leadFields.company,
    phone: leadFields.phone,
    industry: leadFields.industry,
    employees: leadFields.employees,
    budget: LeadBudget,
    timing: LeadTiming,
    engagement: LeadEngagement,
    ownerId: Uuid.nullable(),
    notes: leadFields.notes,
    status: LeadStatus.exclude(['converted']),
    disqualifyReason: OptionalText(500),
  })
  .partial()
  .strict()
  .refine((p) => p.status !== 'disqualified' || Boolean(p.disqualifyReason), {
    message: 'a disqualified lead needs the reason',
    path: ['disqualifyReason'],
  });
export type LeadPatch = z.infer<typeof LeadPatch>;

/**
 * One named criterion of the score: its points out of its weight, and why, as English text (`reason`) and as a code the
 * front-ends word in the user's language: fit unknown / no_targets / target / not_target, size unknown / within / near /
 * outside (of `range`), for budget and timing the answer itself, for engagement the level reached (the stronger of the logged
 * interactions, counted in `logged`, and the recorded answer).
 */
export const LeadScoreCriterion = z.object({
  key: z.enum(['fit', 'size', 'budget', 'timing', 'engagement']),
  points: z.number(),
  weight: z.number(),
  reason: z.string(),
  code: z.string(),
  range: z.object({ min: z.number().int(), max: z.number().int() }).optional(),
  /** Engagement only: what it was counted from, the lead's logged interactions, the meetings held and the replies or calls among them. */
  logged: z.object({ interactions: z.number().int().min(0), meetings: z.number().int().min(0), replies: z.number().int().min(0) }).optional(),
});
export type LeadScoreCriterion = z.infer<typeof LeadScoreCriterion>;
export const LeadScore = z.object({ total: z.number().int().min(0).max(100), criteria: z.array(LeadScoreCriterion) });
export type LeadScore = z.infer<typeof LeadScore>;

export const Lead = Versioned.extend({
  source: LeadSource,
  status: LeadStatus,
  disqualifyReason: z.string().nullable(),
  firstName: z.string(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  budget: LeadBudget,
  timing: LeadTiming,
  engagement: LeadEngagement,
  ownerId: Uuid.nullable(),
  notes: z.string().nullable(),
  score: LeadScore,
  convertedAt: IsoDateTime.nullable(),
  accountId: Uuid.nullable(),
  contactId: Uuid.nullable(),
  opportunityId: Uuid.nullable(),
});
export type Lead = z.infer<typeof Lead>;

export const LeadListQuery = PageQuery.extend({
  status: LeadStatus.optional(),
  source: LeadSource.optional(),
  /** "me" for the caller's own leads (the Teams personal tab). */
  ownerId: z.union([Uuid, z.literal('me')]).optional(),
  q: Text.trim().max(200).optional(),
}).strict();
export type LeadListQuery = z.infer<typeof LeadListQuery>;

export const LeadConvertRequest = z
  .object({
    /** Link to this account instead of finding or creating one. */
    accountId: Uuid.optional(),
    /** Create a new account even though similar ones exist (they are listed in the 409 otherwise). */
    createAccount: z.boolean().default(false),
    opportunity: z
      .object({ name: NonEmptyText(200), amount: z.number().min(0).max(999_999_999_999.99).optional(), stage: Text.trim().max(50).optional() })
      .strict()
      .optional(),
  })
  .strict();
export type LeadConvertRequest = z.infer<typeof LeadConvertRequest>;

export const LeadConversion = z.object({
  lead: Lead,
  accountId: Uuid,
  accountCreated: z.boolean(),
  contactId: Uuid.nullable(),
  contactCreated: z.boolean(),
  opportunityId: Uuid.nullable(),
});
export type LeadConversion = z.infer<typeof LeadConversion>;

/** The score's weights (they sum to what a perfect lead scores, at most 100) and the industries that fit. */
export const LeadScoringSettings = z.object({
  weights: z
    .object({
      fit: z.number().int().min(0).max(100).default(20),
      size: z.number().int().min(0).max(100).default(15),
      budget: z.number().int().min(0).max(100).default(25),
      timing: z.number().int().min(0).max(100).default(25),
      engagement: z.number().int().min(0).max(100).default(15),
    })
    .prefault({})
    .refine((w) => w.fit + w.size + w.budget + w.timing + w.engagement <= 100, 'the weights add up to at most 100'),
  targetIndustries: z.array(NonEmptyText(100)).max(50).default([]),
  /** Companies from this many employees count as fully fitting in size (the Mittelstand: 50 to 500). */
  minEmployees: z.number().int().min(1).default(50),
  maxEmployees: z.number().int().min(1).default(500),
});
export type LeadScoringSettings = z.infer<typeof LeadScoringSettings>;
