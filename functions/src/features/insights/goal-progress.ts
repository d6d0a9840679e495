// How far a goal has come: its key figure today against its start and target values, and against the time passed.
import { metricValue, type Goal, type GoalProgress, type TeamInsights } from '@crm/common';

const DAY = 86_400_000;

const fourDecimals = (value: number) => Math.round(value * 10_000) / 10_000;

export function progressOf(goal: Pick<Goal, 'metric' | 'startValue' | 'targetValue' | 'startDate' | 'deadline'>, team: TeamInsights, now: Date): GoalProgress {
  const currentValue = metricValue(team, goal.metric);
  const share = currentValue === null ? null : fourDecimals((currentValue - goal.startValue) / (goal.targetValue - goal.startValue));
  const start = Date.parse(`${goal.startDate}T00:00:00Z`);
  const end = Date.parse(`${goal.deadline}T00:00:00Z`) + DAY;
  const timeShare = fourDecimals(Math.min(1, Math.max(0, (now.getTime() - start) / (end - start))));
  return { period: team.range.period, currentValue, share, timeShare, onTrack: share === null ? null : share >= timeShare };
}
