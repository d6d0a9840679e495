// The sync feature's public entry: the service hosts and routes use, its ports, and the Microsoft Graph provider to compose it with.
export { createSyncService, type SyncService, type SyncServiceOptions } from './sync-engine';
export type { SubscriptionSummary } from './subscriptions';
export type * from './ports';
export { SyncProviderError } from './ports';
export { createGraphProvider } from './graph/graph-provider';
export { syncRoutes } from './routes';
export { createGraphActivityFeed, graphActivityFeed, type ActivityNotificationBody, type GraphActivityFeed } from './graph/activity-feed-driver';
/** Wall-clock times in a time zone to UTC, also for the service levels' business hours. */
export { toUtc } from './graph/event-time';
