// Teams activity feed notifications through Microsoft Graph: POST /users/{id}/teamwork/sendActivityNotification
// (https://learn.microsoft.com/en-us/graph/api/userteamwork-sendactivitynotification). The application permission is
// TeamsActivity.Send, and the app must be installed for the recipient; Graph answers 204 without a body.
import type { GraphConfig } from '../../../core/config';
import { msalAppTokens } from './app-tokens';
import { createGraphApi, type GraphApi } from './graph-api';

/** The request body as Learn documents it for a custom topic: source text, a Teams deep link as webUrl. */
export interface ActivityNotificationBody {
  topic: { source: 'text'; value: string; webUrl: string };
  activityType: string;
  previewText: { content: string };
  templateParameters: Array<{ name: string; value: string }>;
}

export interface GraphActivityFeed {
  /** The Teams app's id, which the deep links name. */
  teamsAppId: string;
  /** Throws SyncProviderError (permission, not_found, temporary, fatal) as every Graph call of the driver does. */
  send(tenantId: string, userObjectId: string, body: ActivityNotificationBody): Promise<void>;
}

export const graphActivityFeed = (api: GraphApi, teamsAppId: string): GraphActivityFeed => ({
  teamsAppId,
  send: async (tenantId, userObjectId, body) => {
    await api.post(tenantId, `/users/${encodeURIComponent(userObjectId)}/teamwork/sendActivityNotification`, body);
  },
});

/** Retries stay with the caller, which spaces its attempts over minutes instead of holding a timer run. */
export const createGraphActivityFeed = (config: GraphConfig, teamsAppId: string): GraphActivityFeed =>
  graphActivityFeed(createGraphApi(config, msalAppTokens(config), { maxRetries: 0 }), teamsAppId);
