// Test helpers of the front-ends, kept out of the bundles: a fake API held to the endpoint catalogue, fixture ids and records.
export * from './fake-api';
export * from './records';
export * from './test-ids';
export * from './insights-records';
export * from './theme-variable';
