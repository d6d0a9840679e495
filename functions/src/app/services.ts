// What the hosts hand to the route table and the timers, created once per process by the composition root.
import type { Kernel } from '../core/http/endpoint-handler';
import type { SyncService } from '../features/sync/sync-engine';
import type { BotService } from '../features/teams-bot';
import type { ActivityFeed } from '../features/automation';

export interface Services extends Kernel {
  version: string;
  /** Graph sync; absent where a host does not run it. */
  sync?: SyncService;
  /** The Teams bot behind /api/messages; absent without BOT_APP_ID. */
  bot?: BotService;
  /** Teams activity feed notifications; absent without Graph or without the Teams app id (CRM_APP_ID). */
  activityFeed?: ActivityFeed;
}
