// Graph change-notification subscriptions for a mailbox's events and contacts.
import type { GraphApi } from './graph-api';

export interface SubscriptionRequest {
  mailbox: string;
  resource: 'calendar' | 'contacts';
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  clientState: string;
  expiresAt: Date;
}

export interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

const resourcePath = (mailbox: string, resource: 'calendar' | 'contacts') => `users/${mailbox}/${resource === 'calendar' ? 'events' : 'contacts'}`;

export const createSubscription = (api: GraphApi, tenantId: string, request: SubscriptionRequest) =>
  api.post<GraphSubscription>(tenantId, '/subscriptions', {
    changeType: 'created,updated,deleted',
    notificationUrl: request.notificationUrl,
    lifecycleNotificationUrl: request.lifecycleNotificationUrl,
    resource: resourcePath(request.mailbox, request.resource),
    expirationDateTime: request.expiresAt.toISOString(),
    clientState: request.clientState,
  });

export const renewSubscription = (api: GraphApi, tenantId: string, id: string, expiresAt: Date) =>
  api.patch<GraphSubscription>(tenantId, `/subscriptions/${encodeURIComponent(id)}`, { expirationDateTime: expiresAt.toISOString() });

export async function deleteSubscription(api: GraphApi, tenantId: string, id: string): Promise<void> {
  try {
    await api.delete(tenantId, `/subscriptions/${encodeURIComponent(id)}`);
  } catch (error) {
    if ((error as { failure?: { status?: number } }).failure?.status !== 404) throw error;
  }
}
