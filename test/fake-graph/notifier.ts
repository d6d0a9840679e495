// Sends what Graph would send to subscribers: change notifications for a mailbox resource and lifecycle events for one subscription.
import { randomUUID } from 'node:crypto';
import type { FakeGraphModel } from './model';
import { deliver, type Delivery, type LifecycleEvent, type SubscriptionStore } from './subscriptions';
import type { ChangeType, ResourceKind } from './types';

export interface NotifierContext {
  model: FakeGraphModel;
  subscriptions: SubscriptionStore;
  tenantId: string;
  deliveryTimeoutMs: number;
}

export interface NotifyOptions {
  /** Id of the changed item; a made-up one when omitted, because the client must re-read via delta anyway. */
  id?: string;
  /** Sends this instead of the stored clientState, to test that forged notifications are rejected. */
  clientState?: string;
  /** Only this subscription, instead of all matching ones. */
  subscriptionId?: string;
  /** The folder the contact is in; notifications go to subscriptions on that folder or on /contacts when it is the default. */
  folderId?: string;
}

const ODATA_TYPE: Record<ResourceKind, [string, string]> = { events: ['#Microsoft.Graph.Event', 'Events'], contacts: ['#Microsoft.Graph.Contact', 'Contacts'] };

export async function notify(
  ctx: NotifierContext,
  mailboxKey: string,
  resource: ResourceKind,
  changeType: ChangeType,
  options: NotifyOptions = {},
): Promise<Delivery[]> {
  const mailbox = ctx.model.mailbox(mailboxKey);
  const itemId = options.id ?? `AAMkNotified${randomUUID().replaceAll('-', '')}`;
  const folderId = options.folderId ?? (resource === 'contacts' && options.id ? mailbox.contacts.get(options.id)?.contact.parentFolderId : undefined);
  const targets = ctx.subscriptions
    .list()
    .filter(
      (s) =>
        s.mailboxId === mailbox.id &&
        s.kind === resource &&
        s.changeType.split(',').some((t) => t.trim() === changeType) &&
        (options.subscriptionId === undefined || s.id === options.subscriptionId) &&
        (resource === 'events' || folderId === undefined || (s.folderId ?? mailbox.defaultFolderId) === folderId),
    );
  const [odataType, segment] = ODATA_TYPE[resource];
  const path = `Users/${mailbox.id}/${segment}/${itemId}`;
  return Promise.all(
    targets.map((s) =>
      deliver(
        s.id,
        s.notificationUrl,
        {
          value: [
            {
              subscriptionId: s.id,
              subscriptionExpirationDateTime: s.expirationDateTime,
              changeType,
              resource: path,
              resourceData: { '@odata.type': odataType, '@odata.id': path, '@odata.etag': `W/"${randomUUID()}"`, id: itemId },
              clientState: options.clientState ?? s.clientState,
              tenantId: ctx.tenantId,
            },
          ],
        },
        ctx.deliveryTimeoutMs,
      ),
    ),
  );
}

/** subscriptionRemoved also deletes the subscription, as Graph has already dropped it when it tells you. */
export async function sendLifecycle(
  ctx: NotifierContext,
  subscriptionId: string,
  lifecycleEvent: LifecycleEvent,
  options: { clientState?: string } = {},
): Promise<Delivery> {
  const s = ctx.subscriptions.get(subscriptionId);
  if (!s) throw new Error(`fake-graph: no active subscription ${subscriptionId}`);
  if (!s.lifecycleNotificationUrl) throw new Error(`fake-graph: subscription ${subscriptionId} has no lifecycleNotificationUrl`);
  if (lifecycleEvent === 'subscriptionRemoved') ctx.subscriptions.remove(s.id);
  const payload = {
    value: [
      {
        subscriptionId: s.id,
        subscriptionExpirationDateTime: s.expirationDateTime,
        tenantId: ctx.tenantId,
        clientState: options.clientState ?? s.clientState,
        lifecycleEvent,
      },
    ],
  };
  return deliver(s.id, s.lifecycleNotificationUrl, payload, ctx.deliveryTimeoutMs);
}
