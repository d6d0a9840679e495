// Service cases: a complaint or service request with a priority, an assignee, due times from the tenant's service
// levels, its history and its resolution.
import { z } from 'zod';
import { CASE_PRIORITIES, CASE_STATUSES } from './case-values';
import { IsoDate, IsoDateTime, OptionalText, PageQuery, Uuid, Versioned } from './primitives';

export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;
export const CaseStatus = z.enum(CASE_STATUSES);

const Hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365);
const Level = z.object({ firstResponseHours: Hours, resolutionHours: Hours }).strict();

const knownTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};
const ClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM');

/** When the service team works: the due times count only these hours, in this time zone, on these days. */
export const BusinessHours = z
  .object({
    /** An IANA time zone, e.g. Europe/Berlin: the hours follow its daylight-saving changes. */
    timeZone: z.string().refine(knownTimeZone, 'an IANA time zone such as Europe/Berlin'),
    /** ISO weekdays, 1 Monday to 7 Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7).default([1, 2, 3, 4, 5]),
    start: ClockTime.default('08:00'),
    end: ClockTime.default('17:00'),
    /** Days off, e.g. public holidays: no hours count on them. */
    holidays: z.array(IsoDate).max(400).default([]),
  })
  .strict()
  .refine((h) => h.start < h.end, { message: 'the working day ends after it starts', path: ['end'] });
export type BusinessHours = z.infer<typeof BusinessHours>;

/**
 * Hours per priority, counted on the clock or, with businessHours, in the service team's working hours; escalations go
 * to the assignee's manager (an admin sets it per user), else escalateTo, else the account owner.
 */
export const ServiceLevelSettings = z.object({
  low: Level.default({ firstResponseHours: 48, resolutionHours: 240 }),
  normal: Level.default({ firstResponseHours: 24, resolutionHours: 120 }),
  high: Level.default({ firstResponseHours: 8, resolutionHours: 48 }),
  urgent: Level.default({ firstResponseHours: 2, resolutionHours: 24 }),
  escalateTo: Uuid.nullable().default(null),
  businessHours: BusinessHours.nullable().default(null),
});
export type ServiceLevelSettings = z.infer<typeof ServiceLevelSettings>;

/** An account's service contract: its own hours for the priorities it names; the tenant's levels for the rest. */
export const ServiceContractLevels = z.object({ low: Level, normal: Level, high: Level, urgent: Level }).partial().strict();
export const ServiceContractPut = z
  .object({
    name: OptionalText(200),
    levels: ServiceContractLevels,
    /** The last day it applies to a case opened then; none: until changed. */
    validUntil: IsoDate.nullable().default(null),
  })
  .strict();
export type ServiceContractPut = z.infer<typeof ServiceContractPut>;
export const ServiceContract = z.object({
  accountId: Uuid,
  name: z.string().nullable(),
  levels: ServiceContractLevels,
  validUntil: IsoDate.nullable(),
  /** "0" while the account has no contract: a PUT with it creates one. */
  etag: z.string(),
  updatedAt: IsoDateTime.nullable(),
});
export type ServiceContract = z.infer<typeof ServiceContract>;
/** A contract in the tenant's list, with its account's name (the admin screen lists them by name). */
export const ServiceContractListed = ServiceContract.extend({ accountName: z.string() });
export type ServiceContractListed = z.infer<typeof ServiceContractListed>;
export const ServiceContractListQuery = PageQuery.strict();
export type ServiceContractListQuery = z.infer<typeof ServiceContractListQuery>;

export const CaseCreate = z
  .object({
    /** The complaint or service request the case is about; one case per interaction. */
    interactionId: Uuid,
    priority: CasePriority.default('normal'),
    assigneeId: Uuid.nullable().optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof CaseCreate>;

export const CasePatch = z
  .object({ priority: CasePriority, assigneeId: Uuid.nullable(), status: CaseStatus, resolution: OptionalText(5000) })
  .partial()
  .strict()
  .refine((p) => p.status !== 'resolved' || Boolean(p.resolution), { message: 'a resolved case needs its resolution', path: ['resolution'] });
export type CasePatch = z.infer<typeof CasePatch>;

export const CaseEvent = z.object({
  at: IsoDateTime,
  actorId: Uuid.nullable(),
  kind: z.enum(['opened', 'status', 'priority', 'assignee', 'first_response', 'escalated']),
  from: z.string().nullable(),
  to: z.string().nullable(),
});

export const Case = Versioned.extend({
  interactionId: Uuid,
  subject: z.string(),
  type: z.enum(['complaint', 'service_request']),
  accountId: Uuid.nullable(),
  priority: CasePriority,
  assigneeId: Uuid.nullable(),
  status: CaseStatus,
  openedAt: IsoDateTime,
  firstResponseDue: IsoDateTime,
  resolutionDue: IsoDateTime,
  /** The first outbound email or call on the account after the case opened. */
  firstResponseAt: IsoDateTime.nullable(),
  resolvedAt: IsoDateTime.nullable(),
  resolution: z.string().nullable(),
  /** 0 none, 1 first response overdue, 2 resolution overdue. */
  escalationLevel: z.number().int(),
  overdue: z.boolean(),
  history: z.array(CaseEvent),
});
export type Case = z.infer<typeof Case>;

export const CaseListQuery = PageQuery.extend({
  status: CaseStatus.optional(),
  priority: CasePriority.optional(),
  assigneeId: z.union([Uuid, z.literal('me')]).optional(),
  accountId: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
}).strict();
export type CaseListQuery = z.infer<typeof CaseListQuery>;
