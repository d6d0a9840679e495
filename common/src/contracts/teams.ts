// The Teams tabs' screens, each answered by one call: an account's 360 overview and the signed-in user's work.
import { z } from 'zod';
import { IsoDate, IsoDateTime, Uuid } from './primitives';
import { Account } from './accounts';
import { Contact } from './contacts';
import { ConsentStatus } from './consents';
import { InteractionSummary, OpenComplaint } from './context';
import { Opportunity } from './opportunities';
import { Task } from './tasks';
import { Stage } from './tenant';

/** Open opportunities of one stage of the tenant's model, in the model's order; unknown stages follow with their key as label. */
export const StageGroup = z.object({
  stage: Stage,
  count: z.number().int(),
  amount: z.number(),
  weightedAmount: z.number(),
  opportunities: z.array(Opportunity),
});
export type StageGroup = z.infer<typeof StageGroup>;

export const AccountFigures = z.object({
  openPipeline: z.number(),
  weightedPipeline: z.number(),
  currency: z.string(),
  lastContactAt: IsoDateTime.nullable(),
  interactionCount: z.number().int(),
});
export type AccountFigures = z.infer<typeof AccountFigures>;

export const OverviewContact = z.object({ contact: Contact, emailConsent: ConsentStatus });
export type OverviewContact = z.infer<typeof OverviewContact>;

export const AgedComplaint = OpenComplaint.extend({ ageDays: z.number().int() });
export type AgedComplaint = z.infer<typeof AgedComplaint>;

export const AccountOverview = z.object({
  account: Account,
  figures: AccountFigures,
  contacts: z.array(OverviewContact),
  pipeline: z.array(StageGroup),
  openTasks: z.array(Task),
  openComplaints: z.array(AgedComplaint),
  /** What is planned (a meeting tomorrow, or one Graph sync brought in from the calendar), soonest first; it is not contact yet. */
  upcoming: z.array(InteractionSummary).optional(),
});
export type AccountOverview = z.infer<typeof AccountOverview>;

export const MyTask = Task.extend({ accountName: z.string().nullable(), overdue: z.boolean() });
export type MyTask = z.infer<typeof MyTask>;

export const QuarterForecast = z.object({
  /** e.g. "2026-Q4" */
  quarter: z.string(),
  from: IsoDate,
  to: IsoDate,
  count: z.number().int(),
  amount: z.number(),
  weightedAmount: z.number(),
});
export type QuarterForecast = z.infer<typeof QuarterForecast>;

export const MyAccount = z.object({
  id: Uuid,
  name: z.string(),
  industry: z.string().nullable(),
  segment: z.string().nullable(),
  lastContactAt: IsoDateTime.nullable(),
  /** Whole days since the last interaction; null when there never was one. */
  daysSinceContact: z.number().int().nullable(),
});
export type MyAccount = z.infer<typeof MyAccount>;

export const MyWork = z.object({
  today: IsoDate,
  currency: z.string(),
  sleepingAfterDays: z.number().int(),
  /** Open follow-ups assigned to me, overdue first, then by due date. */
  tasks: z.array(MyTask),
  /** All my open follow-ups; `tasks` holds the first ones by due date when there are very many. */
  openTaskCount: z.number().int(),
  pipeline: z.array(StageGroup),
  forecast: z.object({ thisQuarter: QuarterForecast, nextQuarter: QuarterForecast }),
  accounts: z.array(MyAccount),
  /** Accounts I own without any interaction for more than sleepingAfterDays. */
  sleeping: z.array(MyAccount),
});
export type MyWork = z.infer<typeof MyWork>;
