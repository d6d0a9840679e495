// Service cases: a complaint or service request with a priority, an assignee, due times from the tenant's service
// levels, its history and its resolution.
import { z } from 'zod';
import { CASE_PRIORITIES, CASE_STATUSES } from './case-values';
import { IsoDateTime, OptionalText, PageQuery, Uuid, Versioned } from './primitives';

export const CasePriority = z.enum(CASE_PRIORITIES);
export type CasePriority = z.infer<typeof CasePriority>;
export const CaseStatus = z.enum(CASE_STATUSES);

const Hours = z
  .number()
  .int()
  .min(1)
  .max(24 * 365);
const Level = z.object({ firstResponseHours: Hours, resolutionHours: Hours }).strict();

/** Hours on the clock (no business calendar), per priority; escalations go to escalateTo, else the account owner. */
export const ServiceLevelSettings = z.object({
  low: Level.default({ firstResponseHours: 48, resolutionHours: 240 }),
  normal: Level.default({ firstResponseHours: 24, resolutionHours: 120 }),
  high: Level.default({ firstResponseHours: 8, resolutionHours: 48 }),
  urgent: Level.default({ firstResponseHours: 2, resolutionHours: 24 }),
  escalateTo: Uuid.nullable().default(null),
});
export type ServiceLevelSettings = z.infer<typeof ServiceLevelSettings>;

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
