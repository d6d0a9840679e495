// Graph change and lifecycle notifications: believe only those with the subscription's clientState, then mark mailboxes for sync.
import { timingSafeEqual } from 'node:crypto';
import type { GraphNotificationBatch } from '@crm/common';
import type { Db } from '../../core/db/db';
import { findSubscription, setSubscriptionExpiry, deleteSubscriptionRow } from './store/subscriptions-store';
import { markPending, type MailboxKey } from './store/sync-state-store';

export interface NotificationOutcome {
  accepted: number;
  rejected: number;
  /** Mailboxes marked for a sync, for the caller to kick a run after answering. */
  marked: MailboxKey[];
  /** A subscription needs renewing or recreating soon. */
  subscriptionsChanged: boolean;
}

const sameSecret = (expected: string, given: string | undefined) => {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** No Graph calls here: Graph wants an answer within seconds and retries otherwise. */
export async function acceptNotifications(db: Db, batch: GraphNotificationBatch): Promise<NotificationOutcome> {
  const outcome: NotificationOutcome = { accepted: 0, rejected: 0, marked: [], subscriptionsChanged: false };
  const seen = new Set<string>();
  for (const item of batch.value) {
    const subscription = item.tenantId ? await findSubscription(db, item.tenantId.toLowerCase(), item.subscriptionId) : null;
    if (!subscription || !sameSecret(subscription.clientState, item.clientState)) {
      outcome.rejected++;
      continue;
    }
    outcome.accepted++;
    const key: MailboxKey = { tenantId: subscription.tenantId, userId: subscription.userId, resource: subscription.resource };
    switch (item.lifecycleEvent) {
      case 'reauthorizationRequired':
        // Due now: the maintenance timer renews it on its next round.
        await setSubscriptionExpiry(db, key.tenantId, subscription.id, new Date(0));
        outcome.subscriptionsChanged = true;
        break;
      case 'subscriptionRemoved':
        await deleteSubscriptionRow(db, key.tenantId, subscription.id);
        outcome.subscriptionsChanged = true;
        break;
      default:
        // A change, or "missed" notifications: either way a delta round catches up with everything.
        break;
    }
    const id = `${key.tenantId}/${key.userId}/${key.resource}`;
    if (!seen.has(id)) {
      seen.add(id);
      await markPending(db, key);
      outcome.marked.push(key);
    }
  }
  return outcome;
}
