// The insights feature's public entry.
export { accountInsights, teamInsights } from './service';
export { changeGoal, createGoal, readGoal, removeGoal, searchGoals } from './goals';
export { INSIGHT_SNAPSHOT_SCHEDULE, insightTrend, takeMonthlySnapshots } from './snapshots';
