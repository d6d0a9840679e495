// What every route handler gets: the model, the server's own address and the shared stores.
import type { SnapshotStore } from './delta';
import type { FakeGraphModel, Mailbox } from './model';
import { GraphError } from './http-util';
import type { SubscriptionStore } from './subscriptions';

export interface RouteContext {
  model: FakeGraphModel;
  /** https://127.0.0.1:PORT — nextLinks and deltaLinks are absolute URLs on the fake itself. */
  origin: string;
  tenantId: string;
  snapshots: SnapshotStore;
  subscriptions: SubscriptionStore;
  defaultPageSize: number;
  maxPageSize: number;
  validationTimeoutMs: number;
}

export function requireMailbox(ctx: RouteContext, key: string): Mailbox {
  const mailbox = ctx.model.findMailbox(key);
  if (!mailbox) throw new GraphError(404, 'ErrorInvalidUser', `The requested user '${key}' is invalid.`);
  return mailbox;
}

export function requirePermission(mailbox: Mailbox, area: 'calendar' | 'contacts'): void {
  if (!mailbox.permissions[area]) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}
