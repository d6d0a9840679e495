// How far a goal has come: its key figure today against its start and target values and against the time passed, and
// the same month by month from the snapshots. On track: share >= timeShare (the rule is worded in common's GoalProgress).
import { metricValue, type Goal, type GoalPoint, type GoalProgress, type InsightSnapshot, type TeamInsights } from '@crm/common';

const DAY = 86_400_000;

type GoalTerms = Pick<Goal, 'metric' | 'startValue' | 'targetValue' | 'startDate' | 'deadline'>;

const fourDecimals = (value: number) => Math.round(value * 10_000) / 10_000;

const startOf = (goal: GoalTerms) => Date.parse(`${goal.startDate}T00:00:00Z`);
/** The deadline counts whole: the plan reaches the target at the end of that day. */
const endOf = (goal: GoalTerms) => Date.parse(`${goal.deadline}T00:00:00Z`) + DAY;

const rawTimeShare = (goal: GoalTerms, at: number) => Math.min(1, Math.max(0, (at - startOf(goal)) / (endOf(goal) - startOf(goal))));
const timeShareAt = (goal: GoalTerms, at: number) => fourDecimals(rawTimeShare(goal, at));

const shareOf = (goal: GoalTerms, value: number | null) =>
  value === null ? null : fourDecimals((value - goal.startValue) / (goal.targetValue - goal.startValue));

/** The first instant after a snapshot's month ("2026-10" ends at 2026-11-01T00:00Z), when its figures stood. */
export function monthEnd(month: string): number {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return Date.UTC(year, mon, 1);
}

/** The snapshots' months a goal's history covers, as "YYYY-MM": from the month ending on or after its start to its deadline's. */
export function historyMonths(goal: Pick<Goal, 'startDate' | 'deadline'>): { from: string; to: string } {
  const start = new Date(`${goal.startDate}T00:00:00Z`);
  // A goal starting on the 1st has the month before as its first point: that month's end is the start itself.
  const first = start.getUTCDate() === 1 ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - 1, 1)) : start;
  return { from: first.toISOString().slice(0, 7), to: goal.deadline.slice(0, 7) };
}

export function historyOf(goal: GoalTerms, snapshots: readonly InsightSnapshot[]): GoalPoint[] {
  const { from, to } = historyMonths(goal);
  return snapshots
    .filter((s) => s.month >= from && s.month <= to)
    .map((s) => {
      const value = metricValue(s.figures, goal.metric);
      const at = monthEnd(s.month);
      const share = shareOf(goal, value);
      const planned = fourDecimals(goal.startValue + (goal.targetValue - goal.startValue) * rawTimeShare(goal, at));
      return { month: s.month, value, planned, onTrack: share === null ? null : share >= timeShareAt(goal, at) };
    });
}

export function progressOf(goal: GoalTerms, team: TeamInsights, snapshots: readonly InsightSnapshot[], now: Date): GoalProgress {
  const currentValue = metricValue(team, goal.metric);
  const share = shareOf(goal, currentValue);
  const timeShare = timeShareAt(goal, now.getTime());
  return {
    period: team.range.period,
    currentValue,
    share,
    timeShare,
    onTrack: share === null ? null : share >= timeShare,
    history: historyOf(goal, snapshots),
  };
}
