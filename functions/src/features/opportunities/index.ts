// The opportunities feature's public entry: the row mapping, the stage model and the pipeline arithmetic.
export { OPPORTUNITY_SELECT, toOpportunity } from './rows';
export { changeOpportunity, createOpportunity, readRecordsOfOpportunities, searchOpportunities } from './service';
export { effectiveProbability, stageOf, weighted } from './stage-model';
export { forecastFor, groupByStage } from './pipeline';
