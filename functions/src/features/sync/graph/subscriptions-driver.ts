// Graph change-notification subscriptions for a mailbox's events and contacts.
import type { SubscriptionPort } from '../ports';
import type { GraphApi } from './graph-api';
import { ignoreNotFound } from './graph-errors';

interface GraphSubscription {
  id: string;
  expirationDateTime: string;
}

const resourcePath = (mailbox: string, resource: 'calendar' | 'contacts') => `users/${mailbox}/${resource === 'calendar' ? 'events' : 'contacts'}`;

export const graphSubscriptions = (api: GraphApi): SubscriptionPort => ({
  // Graph allows mail, event and contact subscriptions up to 4,230 minutes; two days stays well inside.
  lifetimeMs: 2 * 86_400_000,
  async create(tenantId, request) {
    const created = await api.post<GraphSubscription>(tenantId, '/subscriptions', {
      changeType: 'created,updated,deleted',
      notificationUrl: request.notificationUrl,
      lifecycleNotificationUrl: request.lifecycleNotificationUrl,
      resource: resourcePath(request.mailbox, request.resource),
      expirationDateTime: request.expiresAt.toISOString(),
      clientState: request.clientState,
    });
    return { id: created.id, expiresAt: new Date(created.expirationDateTime) };
  },
  async renew(tenantId, id, expiresAt) {
    const renewed = await api.patch<GraphSubscription>(tenantId, `/subscriptions/${encodeURIComponent(id)}`, { expirationDateTime: expiresAt.toISOString() });
    return { expiresAt: new Date(renewed.expirationDateTime) };
  },
  delete: (tenantId, id) => ignoreNotFound(() => api.delete(tenantId, `/subscriptions/${encodeURIComponent(id)}`)),
});
