// HTTP handlers of the sync switches, status and conflicts, and the Graph webhooks.
import { GraphNotificationBatch } from '@crm/common';
import type { Reply } from '../../core/http/endpoint-handler';
import { readJsonBody, validate } from '../../core/http/request-input';
import type { RouteTable, TypedCall } from '../../core/http/typed-routes';
import { graphWebhook, runSyncNow, switchMySync, syncConflicts, syncStatus } from './service';
import type { SyncService } from './sync-engine';

type SyncEndpoint = 'getMySync' | 'putMySync' | 'syncStatus' | 'runSync' | 'syncConflicts' | 'graphNotifications' | 'graphLifecycle';

/**
 * Graph first proves the URL with POST ?validationToken=... (form-encoded, so "+" is a space) and expects the decoded token
 * back as text/plain within 10 seconds (Learn: "Receive change notifications through webhooks"). The query arrives decoded;
 * the app's nosniff (core/http/security-headers.ts) keeps a browser from reading the echoed text as anything but text.
 */
async function graphWebhookReply(
  sync: SyncService | undefined,
  { query, request }: Pick<TypedCall<'graphNotifications'>, 'query' | 'request'>,
): Promise<Reply> {
  if (query.validationToken !== undefined) return { status: 200, body: query.validationToken, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  await graphWebhook(sync, validate(GraphNotificationBatch, await readJsonBody(request), 'body'));
  return { status: 202 };
}

export const syncRoutes = (sync: SyncService | undefined): RouteTable<SyncEndpoint> => ({
  getMySync: async ({ db, actor }) => ({ body: await syncStatus(db, actor, sync, false) }),
  putMySync: async ({ db, actor, body }) => ({ body: await switchMySync(db, actor, sync, body) }),
  syncStatus: async ({ db, actor }) => ({ body: await syncStatus(db, actor, sync, true) }),
  runSync: async ({ db, actor, body }) => ({ body: await runSyncNow(db, actor, sync, body) }),
  syncConflicts: async ({ db, actor }) => ({ body: await syncConflicts(db, actor) }),
  graphNotifications: (call) => graphWebhookReply(sync, call),
  graphLifecycle: (call) => graphWebhookReply(sync, call),
});
