// Tasks and follow-ups ("Wiedervorlage"): something to do for a customer by a due date.
import { z } from 'zod';
import { Email, IsoDate, IsoDateTime, NonEmptyText, OptionalText, PageQuery, Uuid, Versioned } from './primitives';
import { AutomationRuleName, TaskStatus } from './enums';

export const TaskKind = z.enum(['follow_up', 'task']);

/** The email a follow-up was created from: where it came from, and whom it links to once the sender is a contact. */
export const TaskOrigin = z
  .object({
    internetMessageId: z.string().min(1).max(998).nullable(),
    subject: z.string().max(1000),
    from: Email,
  })
  .strict();
export type TaskOrigin = z.infer<typeof TaskOrigin>;

/** The automation rule that created a follow-up; such a follow-up can be snoozed with a reason. */
export const TaskRule = z.object({ name: AutomationRuleName }).strict();
export type TaskRule = z.infer<typeof TaskRule>;

export const TaskCreate = z
  .object({
    id: Uuid.optional(),
    kind: TaskKind.default('follow_up'),
    title: NonEmptyText(300),
    description: OptionalText(5000),
    dueDate: IsoDate,
    assigneeId: Uuid.nullable().optional(),
    accountId: Uuid.nullable().optional(),
    contactId: Uuid.nullable().optional(),
    opportunityId: Uuid.nullable().optional(),
    interactionId: Uuid.nullable().optional(),
    origin: TaskOrigin.nullable().optional(),
  })
  .strict();
export type TaskCreate = z.infer<typeof TaskCreate>;

export const TaskPatch = z
  .object({
    title: NonEmptyText(300),
    description: OptionalText(5000),
    dueDate: IsoDate,
    assigneeId: Uuid.nullable(),
    status: TaskStatus,
  })
  .partial()
  .strict();
export type TaskPatch = z.infer<typeof TaskPatch>;

export const Task = Versioned.extend({
  kind: TaskKind,
  title: z.string(),
  description: z.string().nullable(),
  dueDate: IsoDate,
  assigneeId: Uuid.nullable(),
  status: TaskStatus,
  accountId: Uuid.nullable(),
  contactId: Uuid.nullable(),
  opportunityId: Uuid.nullable(),
  interactionId: Uuid.nullable(),
  completedAt: IsoDateTime.nullable(),
  createdBy: Uuid.nullable(),
  /** The email it was created from. This API always sends it (null for none); optional for answers built before it existed. */
  origin: TaskOrigin.nullable().optional(),
  /**
   * The automation rule that made it. The lists of open follow-ups (My CRM, the account tab) and a snooze's answer always
   * send it (null for none); optional for answers built before it existed and for the other task answers.
   */
  rule: TaskRule.nullable().optional(),
});
export type Task = z.infer<typeof Task>;

export const TaskListQuery = PageQuery.extend({
  assigneeId: z.union([Uuid, z.literal('me')]).optional(),
  accountId: Uuid.optional(),
  contactId: Uuid.optional(),
  opportunityId: Uuid.optional(),
  status: TaskStatus.optional(),
  dueBefore: IsoDate.optional(),
});
export type TaskListQuery = z.infer<typeof TaskListQuery>;
