// Goals (issue 15): a strategic goal with an operational target on one key figure of the team insights, from a start
// value to a target value by a deadline, and how far the team has come.
import { z } from 'zod';
import { GOAL_METRICS } from './goal-metric';
import { IsoDate, NonEmptyText, OptionalText, PageQuery, Uuid, Versioned } from './primitives';

/** The team key figures a goal can target; rates are fractions (0.1 is 10 %), durations hours. */
export const GoalMetric = z.enum(GOAL_METRICS);
export type GoalMetric = z.infer<typeof GoalMetric>;

const Value = z.number().min(-1e12).max(1e12);

export const GoalCreate = z
  .object({
    id: Uuid.optional(),
    title: NonEmptyText(200),
    description: OptionalText(2000),
    metric: GoalMetric,
    startValue: Value,
    targetValue: Value,
    startDate: IsoDate,
    deadline: IsoDate,
  })
  .strict()
  .refine((goal) => goal.deadline > goal.startDate, { path: ['deadline'], message: 'must be after startDate' })
  .refine((goal) => goal.targetValue !== goal.startValue, { path: ['targetValue'], message: 'must differ from startValue' });
export type GoalCreate = z.infer<typeof GoalCreate>;

/** The metric stays: a goal on another figure is another goal. */
export const GoalPatch = z
  .object({
    title: NonEmptyText(200),
    description: OptionalText(2000),
    startValue: Value,
    targetValue: Value,
    startDate: IsoDate,
    deadline: IsoDate,
  })
  .partial()
  .strict();
export type GoalPatch = z.infer<typeof GoalPatch>;

/**
 * The goal's key figure at the end of one month, from that month's snapshot (the last twelve months as they stood when
 * the month had ended), beside where the plan had it then.
 */
export const GoalPoint = z.object({
  /** The snapshot's month, e.g. "2026-10"; its value is the figure on the first day of the next month. */
  month: z.string(),
  value: z.number().nullable(),
  /** The plan: the straight line from startValue on startDate to targetValue at the end of the deadline, at the month's end. */
  planned: z.number(),
  /** The same rule as today's onTrack, at the month's end; null without a value. */
  onTrack: z.boolean().nullable(),
});
export type GoalPoint = z.infer<typeof GoalPoint>;

/**
 * On track means: the figure has come at least as far from the start value towards the target as time has passed from
 * the start date to the end of the deadline (share >= timeShare), so it lies on or beyond the straight line of the plan.
 */
export const GoalProgress = z.object({
  /** The figure over the team insights' default period, the last twelve full months, as of today. */
  period: z.string(),
  currentValue: z.number().nullable(),
  /** (current - start) / (target - start): 0 at the start value, 1 at the target; below 0 or above 1 when beyond. */
  share: z.number().nullable(),
  /** The share of the time from startDate to deadline that has passed, 0 to 1. */
  timeShare: z.number(),
  /** share >= timeShare; null without a current value. */
  onTrack: z.boolean().nullable(),
  /**
   * The figure month by month from the monthly snapshots: every month that ended on or after startDate, up to the
   * month of the deadline, oldest first; a month without a snapshot is left out.
   */
  history: z.array(GoalPoint),
});
export type GoalProgress = z.infer<typeof GoalProgress>;

export const Goal = Versioned.extend({
  title: z.string(),
  description: z.string().nullable(),
  metric: GoalMetric,
  startValue: z.number(),
  targetValue: z.number(),
  startDate: IsoDate,
  deadline: IsoDate,
  createdBy: Uuid.nullable(),
  progress: GoalProgress,
});
export type Goal = z.infer<typeof Goal>;

export const GoalListQuery = PageQuery;
export type GoalListQuery = z.infer<typeof GoalListQuery>;
