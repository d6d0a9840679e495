// HTTP handlers of the webhook endpoints (CRM.Admin).
import { created, one, type RouteTable } from '../../core/http/typed-routes';
import { changeEndpoint, deliveriesOf, endpoints, readEndpoint, redeliver, registerEndpoint, removeEndpoint } from './service';

export const webhookRoutes: RouteTable<'listWebhooks' | 'createWebhook' | 'getWebhook' | 'updateWebhook' | 'deleteWebhook' | 'webhookDeliveries' | 'redeliverWebhook'> = {
  listWebhooks: async ({ db, actor }) => ({ body: await endpoints(db, actor) }),
  createWebhook: async ({ db, actor, body }) => created('webhooks', await registerEndpoint(db, actor, body)),
  getWebhook: async ({ db, actor, params }) => one(await readEndpoint(db, actor, params.id)),
  updateWebhook: async ({ db, actor, params, body, version }) => one(await changeEndpoint(db, actor, params.id, version, body)),
  deleteWebhook: async ({ db, actor, params, version }) => (await removeEndpoint(db, actor, params.id, version), {}),
  webhookDeliveries: async ({ db, actor, params, query }) => ({ body: await deliveriesOf(db, actor, params.id, query) }),
  redeliverWebhook: async ({ db, actor, params, body }) => ({ body: await redeliver(db, actor, params.id, body) }),
};
