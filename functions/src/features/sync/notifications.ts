// Graph change and lifecycle notifications: believe only those with the subscription's clientState, then mark mailboxes for sync.
import { timingSafeEqual } from 'node:crypto';
import type { GraphNotificationBatch } from '@crm/common';
import type { Db } from '../../core/db/db';
import { deleteSubscriptionRow, findSubscriptions, markSubscribedPending, setSubscriptionExpiry, type StoredSubscription } from './store/subscriptions-store';
import type { MailboxKey } from './store/sync-state-store';

export interface NotificationOutcome {
  accepted: number;
  /** Named a known subscription but carried the wrong clientState: forged. */
  rejected: number;
  /** Named no subscription this server keeps (gone here, or never ours): acknowledged so Graph stops sending, nothing done. */
  unknown: number;
  /** Mailboxes marked for a sync, for the caller to kick a run after answering. */
  marked: MailboxKey[];
  /** A subscription needs renewing or recreating soon. */
  subscriptionsChanged: boolean;
}

const sameSecret = (expected: string, given: string | null | undefined) => {
  if (given === undefined || given === null) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

const refKey = (tenantId: string, id: string) => `${tenantId.toLowerCase()}/${id}`;

/**
 * No Graph calls here: Graph wants an answer within seconds and retries otherwise. The database work is one lookup for
 * the whole batch, one update for the mailboxes it marks, and one statement per subscription with a lifecycle event.
 */
export async function acceptNotifications(db: Db, batch: GraphNotificationBatch): Promise<NotificationOutcome> {
  const outcome: NotificationOutcome = { accepted: 0, rejected: 0, unknown: 0, marked: [], subscriptionsChanged: false };
  const refs = new Map<string, { tenantId: string; id: string }>();
  for (const item of batch.value) {
    if (item.tenantId) refs.set(refKey(item.tenantId, item.subscriptionId), { tenantId: item.tenantId, id: item.subscriptionId });
  }
  const known = await findSubscriptions(db, [...refs.values()]);
  const marked = new Map<string, MailboxKey>();
  const lifecycle = new Map<string, { subscription: StoredSubscription; event: 'reauthorizationRequired' | 'subscriptionRemoved' }>();
  for (const item of batch.value) {
    const subscription = item.tenantId ? known.get(refKey(item.tenantId, item.subscriptionId)) : undefined;
    if (!subscription) {
      outcome.unknown++;
      continue;
    }
    if (!sameSecret(subscription.clientState, item.clientState)) {
      outcome.rejected++;
      continue;
    }
    outcome.accepted++;
    const key: MailboxKey = { tenantId: subscription.tenantId, userId: subscription.userId, resource: subscription.resource };
    marked.set(`${key.tenantId}/${key.userId}/${key.resource}`, key);
    // A change, or "missed" notifications: either way a delta round catches up with everything.
    if (item.lifecycleEvent === 'reauthorizationRequired' || item.lifecycleEvent === 'subscriptionRemoved') {
      const previous = lifecycle.get(subscription.id);
      // Removal outranks renewal: a removed subscription cannot be renewed.
      if (previous?.event !== 'subscriptionRemoved') lifecycle.set(subscription.id, { subscription, event: item.lifecycleEvent });
    }
  }
  for (const { subscription, event } of lifecycle.values()) {
    // Due now: the maintenance timer renews it, or makes a new one, on its next round.
    if (event === 'reauthorizationRequired') await setSubscriptionExpiry(db, subscription.tenantId, subscription.id, new Date(0));
    else await deleteSubscriptionRow(db, subscription.tenantId, subscription.id);
    outcome.subscriptionsChanged = true;
  }
  outcome.marked = [...marked.values()];
  await markSubscribedPending(db, outcome.marked);
  return outcome;
}
