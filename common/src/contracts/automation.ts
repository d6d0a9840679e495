// Automation rules (issue 15): an admin switches rules that turn the figures into follow-ups; a run creates each
// follow-up once per rule, record and period and says which rule made it and why, in German and English.
import { z } from 'zod';
import { IsoDate, IsoDateTime, NonEmptyText, PageQuery, Uuid } from './primitives';
import { SegmentName } from './insights';
import { Task } from './tasks';
import { AutomationRuleName } from './enums';

const Days = z.number().int().min(1).max(3650);

/**
 * One shape, two readings, as the tenant settings: the PUT body refuses unknown keys, the stored document drops them,
 * and every field has its default, so a tenant that never saved reads the defaults.
 */
const automationRules = (object: typeof z.strictObject) =>
  object({
    /** The daily timer runs the rules of this tenant only when switched on; an admin can always run them by hand. */
    dailyRun: z.boolean().default(false),
    /** Accounts without a real contact for longer than their limit: the smallest of their ABC class's and their segment's. */
    contactRhythm: object({
      enabled: z.boolean().default(true),
      byAbcClass: object({ A: Days.nullable().default(60), B: Days.nullable().default(90), C: Days.nullable().default(180) }).prefault({}),
      bySegment: z.partialRecord(SegmentName, Days).default({}),
    }).prefault({}),
    /** An outbound email without an inbound answer on its accounts, or a meeting with nothing after it, for this many days. */
    noAnswer: object({ enabled: z.boolean().default(true), days: Days.default(7) }).prefault({}),
    /** Open opportunities in their stage for longer than the stage's limit (by stage key) or the default limit. */
    stuckOpportunities: object({
      enabled: z.boolean().default(true),
      defaultLimitDays: Days.default(30),
      stageLimitDays: z.record(z.string().regex(/^[a-z0-9_]+$/).max(50), Days).default({}),
    }).prefault({}),
    /**
     * Complaints open for longer than this, escalated to the chosen person, else (toOwnersManager) the manager of the
     * account's owner when they have one, else the account's owner.
     */
    openComplaints: object({
      enabled: z.boolean().default(true),
      days: Days.default(14),
      escalateTo: Uuid.nullable().default(null),
      toOwnersManager: z.boolean().default(false),
    }).prefault({}),
    /** Accounts in the at-risk segment: a retention task for the owner, at most one per account and quarter. */
    atRisk: object({ enabled: z.boolean().default(true) }).prefault({}),
  });

export const AutomationRules = automationRules(z.strictObject);
export type AutomationRules = z.infer<typeof AutomationRules>;
export const StoredAutomationRules = automationRules(z.object as typeof z.strictObject);

export const AutomationRulesResponse = AutomationRules.extend({
  /** False while the tenant runs on the defaults. */
  saved: z.boolean(),
  updatedAt: IsoDateTime.nullable(),
  etag: z.string(),
});
export type AutomationRulesResponse = z.infer<typeof AutomationRulesResponse>;

export const Bilingual = z.object({ de: z.string(), en: z.string() });
export type Bilingual = z.infer<typeof Bilingual>;

export const AutomationFollowUp = z.object({
  taskId: Uuid,
  rule: AutomationRuleName,
  /** The account, opportunity or interaction the rule looked at. */
  recordId: Uuid,
  /** What makes a new follow-up for the same record: the silence since a contact day, a stage entry, a quarter. */
  period: z.string(),
  assigneeId: Uuid.nullable(),
  accountId: Uuid.nullable(),
  reason: Bilingual,
});
export type AutomationFollowUp = z.infer<typeof AutomationFollowUp>;

export const AutomationRuleOutcome = z.object({
  rule: AutomationRuleName,
  enabled: z.boolean(),
  /** Follow-ups this run created. */
  created: z.array(AutomationFollowUp),
  /** Records the rule hit that already had their follow-up for the period. */
  alreadyCreated: z.number().int(),
});

export const AutomationRun = z.object({
  id: Uuid,
  trigger: z.enum(['manual', 'timer']),
  createdBy: Uuid.nullable(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime,
  rules: z.array(AutomationRuleOutcome),
});
export type AutomationRun = z.infer<typeof AutomationRun>;

export const AutomationRunListQuery = PageQuery;
export type AutomationRunListQuery = z.infer<typeof AutomationRunListQuery>;

export const FollowUpSnooze = z
  .object({
    /** The new due date; after today. */
    until: IsoDate,
    reason: NonEmptyText(500),
  })
  .strict();
export type FollowUpSnooze = z.infer<typeof FollowUpSnooze>;

export const SnoozedFollowUp = AutomationFollowUp.extend({
  snoozedUntil: IsoDate,
  snoozeReason: z.string(),
  snoozedBy: Uuid.nullable(),
  task: Task,
});
export type SnoozedFollowUp = z.infer<typeof SnoozedFollowUp>;

/** The signed-in user's own switch: off, the CRM sends them no Teams activity feed notification. */
export const MyNotificationSwitches = z.object({ activityFeed: z.boolean() }).strict();
export type MyNotificationSwitches = z.infer<typeof MyNotificationSwitches>;

export const NotificationStatusName = z.enum(['pending', 'sent', 'failed', 'skipped']);

/** What became of the activity feed notifications of rule follow-ups: counts, and the latest failures with their reason. */
export const NotificationStatus = z.object({
  /** False while this host has no Graph app or no Teams app id (CRM_APP_ID): nothing is sent, notifications wait. */
  sending: z.boolean(),
  counts: z.record(NotificationStatusName, z.number().int()),
  failures: z.array(
    z.object({
      taskId: Uuid,
      userId: Uuid,
      activityType: z.string(),
      attempts: z.number().int(),
      error: z.string().nullable(),
      at: IsoDateTime,
    }),
  ),
});
export type NotificationStatus = z.infer<typeof NotificationStatus>;
