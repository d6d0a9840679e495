// /subscriptions: create (after the validation handshake), list, get, renew and delete.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { requirePermission, type RouteContext } from './context';
import { GraphError, parseJsonBody, readBody, sendJson } from './http-util';
import { checkExpiration, parseResource, publicView, validateEndpoint, type Subscription } from './subscriptions';

const CHANGE_TYPES = new Set(['created', 'updated', 'deleted']);

const requireString = (body: Record<string, unknown>, field: string): string => {
  const value = body[field];
  if (typeof value !== 'string' || value === '') throw new GraphError(400, 'InvalidRequest', `${field} is required.`);
  return value;
};

async function create(ctx: RouteContext, body: Record<string, unknown>, applicationId: string): Promise<Subscription> {
  const resource = requireString(body, 'resource');
  const changeType = requireString(body, 'changeType');
  if (!changeType.split(',').every((t) => CHANGE_TYPES.has(t.trim()))) throw new GraphError(400, 'InvalidRequest', `changeType '${changeType}' is not valid.`);
  const notificationUrl = requireString(body, 'notificationUrl');
  const lifecycleNotificationUrl = typeof body.lifecycleNotificationUrl === 'string' ? body.lifecycleNotificationUrl : null;
  const clientState = typeof body.clientState === 'string' ? body.clientState : null;
  if (clientState !== null && clientState.length > 128) throw new GraphError(400, 'InvalidRequest', 'clientState must not exceed 128 characters.');
  const expirationDateTime = checkExpiration(body.expirationDateTime, ctx.model.now());
  const { mailbox, kind, folderId } = parseResource(resource, ctx.model);
  requirePermission(mailbox, kind === 'events' ? 'calendar' : 'contacts');
  // Graph validates both endpoints before it stores anything; http is accepted too so tests can use plain local receivers.
  for (const url of [notificationUrl, lifecycleNotificationUrl].filter((u): u is string => u !== null)) {
    if (!(await validateEndpoint(url, ctx.validationTimeoutMs)))
      throw new GraphError(
        400,
        'InvalidRequest',
        `Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. (${url})`,
      );
  }
  return {
    id: randomUUID(),
    resource,
    changeType,
    notificationUrl,
    lifecycleNotificationUrl,
    expirationDateTime,
    clientState,
    applicationId,
    creatorId: applicationId,
    includeResourceData: false,
    latestSupportedTlsVersion: 'v1_2',
    mailboxId: mailbox.id,
    kind,
    folderId,
  };
}

export async function routeSubscriptions(ctx: RouteContext, req: IncomingMessage, res: ServerResponse, parts: string[], applicationId: string): Promise<void> {
  const method = req.method ?? 'GET';
  const [id, extra] = parts;
  if (extra !== undefined) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${extra}'.`);
  if (id === undefined && method === 'POST') {
    const subscription = await create(ctx, parseJsonBody(await readBody(req)), applicationId);
    ctx.subscriptions.add(subscription);
    return sendJson(res, 201, publicView(subscription));
  }
  if (id === undefined && method === 'GET') return sendJson(res, 200, { value: ctx.subscriptions.list().map(publicView) });
  const subscription = id === undefined ? undefined : ctx.subscriptions.get(id);
  if (!subscription) throw new GraphError(404, 'ResourceNotFound', `The object was not found.`);
  if (method === 'GET') return sendJson(res, 200, publicView(subscription));
  if (method === 'PATCH') {
    subscription.expirationDateTime = checkExpiration(parseJsonBody(await readBody(req)).expirationDateTime, ctx.model.now());
    return sendJson(res, 200, publicView(subscription));
  }
  if (method === 'DELETE') {
    ctx.subscriptions.remove(subscription.id);
    res.writeHead(204).end();
    return;
  }
  throw new GraphError(405, 'MethodNotAllowed', `${method} is not supported on subscriptions.`);
}
