// Keeps one change subscription per enabled mailbox and resource: creates missing ones, renews early, removes unwanted ones.
import { randomBytes } from 'node:crypto';
import type { Db } from '../../core/db/db';
import { SyncProviderError, type SubscriptionPort } from './ports';
import { deleteSubscriptionRow, saveSubscription, setSubscriptionExpiry, subscriptionWork } from './store/subscriptions-store';


export interface SubscriptionSummary {
  created: number;
  renewed: number;
  removed: number;
  failed: { tenantId: string; userId: string; resource: string; error: string }[];
}

const failureOf = (error: unknown) => (error instanceof SyncProviderError ? error.failure : null);

export async function maintainSubscriptions(db: Db, port: SubscriptionPort, notificationBaseUrl: string, now: Date): Promise<SubscriptionSummary> {
  const summary: SubscriptionSummary = { created: 0, renewed: 0, removed: 0, failed: [] };
  // Renewing at half-life leaves half a lifetime of slack for a missed timer round.
  const work = await subscriptionWork(db, new Date(now.getTime() + port.lifetimeMs / 2));
  const expiresAt = new Date(now.getTime() + port.lifetimeMs);
  const failed = (k: { tenantId: string; userId: string; resource: string }, error: unknown) =>
    summary.failed.push({
      tenantId: k.tenantId,
      userId: k.userId,
      resource: k.resource,
      error: failureOf(error)?.message ?? (error instanceof Error ? error.message : String(error)),
    });
  for (const sub of work.unwanted) {
    try {
      await port.delete(sub.tenantId, sub.id);
      await deleteSubscriptionRow(db, sub.tenantId, sub.id);
      summary.removed++;
    } catch (error) {
      failed(sub, error);
    }
  }
  for (const sub of work.expiring) {
    try {
      const renewed = await port.renew(sub.tenantId, sub.id, expiresAt);
      await setSubscriptionExpiry(db, sub.tenantId, sub.id, renewed.expiresAt);
      summary.renewed++;
    } catch (error) {
      // Gone at the provider (expired or removed): forget it, and the create below makes a new one next round.
      if (failureOf(error)?.kind === 'not_found') await deleteSubscriptionRow(db, sub.tenantId, sub.id);
      failed(sub, error);
    }
  }
  for (const key of work.missing) {
    const clientState = randomBytes(32).toString('base64url');
    try {
      const created = await port.create(key.tenantId, {
        mailbox: key.mailbox,
        resource: key.resource,
        notificationUrl: `${notificationBaseUrl}/api/graph/notifications`,
        lifecycleNotificationUrl: `${notificationBaseUrl}/api/graph/lifecycle`,
        clientState,
        expiresAt,
      });
      await saveSubscription(db, { ...key, id: created.id, clientState, expiresAt: created.expiresAt });
      summary.created++;
    } catch (error) {
      failed(key, error);
    }
  }
  return summary;
}
