// Ordered list of migrations; the id is recorded in schema_migrations once applied.
import { sql as initialSchema } from './0001-initial-schema';
import { sql as graphSync } from './0002-graph-sync';
import { sql as calendarWindow } from './0004-calendar-window';
import { sql as privacy } from './0005-privacy';
import { sql as insights } from './0006-insights';
import { sql as insightsGoals } from './0006-insights-goals';
import { sql as insightsSnapshots } from './0006-insights-snapshots';
import { sql as imports } from './0007-imports';
import { sql as merges } from './0008-merges';
import { sql as privacyRequests } from './0009-privacy-requests';
import { sql as retention } from './0010-retention';
import { sql as compose } from './0011-compose';
import { sql as pane } from './0012-pane';
import { sql as erasureRetention } from './0013-erasure-retention';
import { sql as webhooks } from './0014-webhooks';
import { sql as leads } from './0015-leads';
import { sql as cases } from './0016-cases';
import { sql as regarding } from './0017-regarding';
import { sql as segments } from './0018-segments';
import { sql as automation } from './0018-segments-automation';
import { sql as automationNotify } from './0018-segments-automation-notify';
import { sql as insightsOverdue } from './0019-insights-overdue';
import { sql as serviceContracts } from './0019-service-contracts';
import { sql as foreignKeyIndexes } from './0020-foreign-key-indexes';
import { sql as tasksByInteraction } from './0021-tasks-by-interaction';
import { sql as webhookLastDelivered } from './0022-webhook-last-delivered';
import { sql as insightAnalyses } from './0023-insight-analyses';
import { sql as importKinds } from './0024-import-kinds';
import { sql as insightTriggerLookups } from './0025-insight-trigger-lookups';
import { sql as opportunityProductLine } from './0027-opportunity-product-line';
import { sql as insightAccountRanks } from './0029-insight-account-ranks';
import { sql as opportunityExternalId } from './0030-opportunity-external-id';
import { sql as leadHistoryManagers } from './0031-lead-history-managers';
import { sql as duplicateCounts } from './0032-duplicate-counts';
import { sql as insightSegmentColumns } from './0033-insight-segment-columns';
import { sql as accountKeyFigures } from './0034-account-key-figures';
import { sql as insightTeamChanges } from './0035-insight-team-changes';
import { sql as peopleChanges } from './0036-people-changes';
import { sql as duplicateContactCounts } from './0037-duplicate-contact-counts';
import { sql as peopleChangesByAccount } from './0038-people-changes-by-account';
import { sql as peopleChangedAccounts } from './0039-people-changed-accounts';
import { sql as peopleChangesGoneContacts } from './0040-people-changes-gone-contacts';

export interface Migration {
  id: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  { id: '0001-initial-schema', sql: initialSchema },
  { id: '0002-graph-sync', sql: graphSync },
  { id: '0004-calendar-window', sql: calendarWindow },
  { id: '0005-privacy', sql: privacy },
  { id: '0006-insights', sql: insights },
  { id: '0006-insights-goals', sql: insightsGoals },
  { id: '0006-insights-snapshots', sql: insightsSnapshots },
  { id: '0007-imports', sql: imports },
  { id: '0008-merges', sql: merges },
  { id: '0009-privacy-requests', sql: privacyRequests },
  { id: '0010-retention', sql: retention },
  { id: '0011-compose', sql: compose },
  { id: '0012-pane', sql: pane },
  { id: '0013-erasure-retention', sql: erasureRetention },
  { id: '0014-webhooks', sql: webhooks },
  { id: '0015-leads', sql: leads },
  { id: '0016-cases', sql: cases },
  { id: '0017-regarding', sql: regarding },
  { id: '0018-segments', sql: segments },
  { id: '0018-segments-automation', sql: automation },
  { id: '0018-segments-automation-notify', sql: automationNotify },
  { id: '0019-insights-overdue', sql: insightsOverdue },
  { id: '0019-service-contracts', sql: serviceContracts },
  { id: '0020-foreign-key-indexes', sql: foreignKeyIndexes },
  { id: '0021-tasks-by-interaction', sql: tasksByInteraction },
  { id: '0022-webhook-last-delivered', sql: webhookLastDelivered },
  { id: '0023-insight-analyses', sql: insightAnalyses },
  { id: '0024-import-kinds', sql: importKinds },
  { id: '0025-insight-trigger-lookups', sql: insightTriggerLookups },
  { id: '0027-opportunity-product-line', sql: opportunityProductLine },
  { id: '0029-insight-account-ranks', sql: insightAccountRanks },
  { id: '0030-opportunity-external-id', sql: opportunityExternalId },
  { id: '0031-lead-history-managers', sql: leadHistoryManagers },
  { id: '0032-duplicate-counts', sql: duplicateCounts },
  { id: '0033-insight-segment-columns', sql: insightSegmentColumns },
  { id: '0034-account-key-figures', sql: accountKeyFigures },
  { id: '0035-insight-team-changes', sql: insightTeamChanges },
  { id: '0036-people-changes', sql: peopleChanges },
  { id: '0037-duplicate-contact-counts', sql: duplicateContactCounts },
  { id: '0038-people-changes-by-account', sql: peopleChangesByAccount },
  { id: '0039-people-changed-accounts', sql: peopleChangedAccounts },
  { id: '0040-people-changes-gone-contacts', sql: peopleChangesGoneContacts },
];
