// The insights feature's public entry.
export { accountInsights, teamInsights } from './service';
export { changeGoal, createGoal, readGoal, removeGoal, searchGoals } from './goals';
export { INSIGHT_SNAPSHOT_SCHEDULE, insightTrend, takeMonthlySnapshots } from './snapshots';
export { currentAnalysisAccounts, INSIGHT_REFRESH_SCHEDULE, refreshAnalysis, refreshStaleAnalyses, servedAccountInsights, servedTeamInsights } from './current';
export { SEGMENT_FACTS_SQL, SERVED_ANALYSIS_SQL, type StoredRuleFacts } from './current-store';
// The benchmark's baseline for a list of people (bench/).
export { memberContactsPage, memberPeople } from './segment-lists-store';
export { prunePeopleChanges } from './held-people';
