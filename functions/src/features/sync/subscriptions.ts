// Keeps one Graph subscription per enabled mailbox and resource: creates missing ones, renews early, removes unwanted ones.
import { randomBytes } from 'node:crypto';
import type { GraphApi } from './graph/graph-api';
import { classifyGraphError } from './graph/graph-errors';
import { createSubscription, deleteSubscription, renewSubscription } from './graph/subscriptions-driver';
import type { Db } from '../../core/db/db';
import { deleteSubscriptionRow, saveSubscription, setSubscriptionExpiry, subscriptionWork } from './store/subscriptions-store';

/** Graph allows mail, event and contact subscriptions up to 4,230 minutes; renewing at half-life leaves a day of slack. */
export const SUBSCRIPTION_LIFETIME_MS = 2 * 86_400_000;
const RENEW_BEFORE_MS = 86_400_000;

export interface SubscriptionSummary {
  created: number;
  renewed: number;
  removed: number;
  failed: { tenantId: string; userId: string; resource: string; error: string }[];
}

export async function maintainSubscriptions(db: Db, api: GraphApi, notificationBaseUrl: string, now = new Date()): Promise<SubscriptionSummary> {
  const summary: SubscriptionSummary = { created: 0, renewed: 0, removed: 0, failed: [] };
  const work = await subscriptionWork(db, new Date(now.getTime() + RENEW_BEFORE_MS));
  const expiresAt = new Date(now.getTime() + SUBSCRIPTION_LIFETIME_MS);
  const failed = (k: { tenantId: string; userId: string; resource: string }, error: unknown) =>
    summary.failed.push({ tenantId: k.tenantId, userId: k.userId, resource: k.resource, error: classifyGraphError(error).message });
  for (const sub of work.unwanted) {
    try {
      await deleteSubscription(api, sub.tenantId, sub.id);
      await deleteSubscriptionRow(db, sub.tenantId, sub.id);
      summary.removed++;
    } catch (error) {
      failed(sub, error);
    }
  }
  for (const sub of work.expiring) {
    try {
      const renewed = await renewSubscription(api, sub.tenantId, sub.id, expiresAt);
      await setSubscriptionExpiry(db, sub.tenantId, sub.id, new Date(renewed.expirationDateTime));
      summary.renewed++;
    } catch (error) {
      // Gone at Graph (expired or removed): forget it, and the create below makes a new one next round.
      if (classifyGraphError(error).status === 404) await deleteSubscriptionRow(db, sub.tenantId, sub.id);
      failed(sub, error);
    }
  }
  for (const key of work.missing) {
    const clientState = randomBytes(32).toString('base64url');
    try {
      const created = await createSubscription(api, key.tenantId, {
        mailbox: key.mailbox,
        resource: key.resource,
        notificationUrl: `${notificationBaseUrl}/api/graph/notifications`,
        lifecycleNotificationUrl: `${notificationBaseUrl}/api/graph/lifecycle`,
        clientState,
        expiresAt,
      });
      await saveSubscription(db, { ...key, id: created.id, clientState, expiresAt: new Date(created.expirationDateTime) });
      summary.created++;
    } catch (error) {
      failed(key, error);
    }
  }
  return summary;
}
