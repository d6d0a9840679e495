// What each catalogue endpoint does: parse already happened, so each entry only calls the domain.
import { buildOpenApi, endpoints, type EndpointName } from '@crm/common';
import type { z } from 'zod';
import type { Actor } from '../domain/actor';
import { changeAccount, createAccount, readAccount, removeAccount, searchAccounts } from '../domain/accounts';
import { changeContact, createContact, readContact, removeContact, searchContacts } from '../domain/contacts';
import { contactConsents, recordConsent } from '../domain/consents';
import { customerContext } from '../domain/context';
import { changeInteraction, logInteraction, lookupInteractions, readInteraction, timeline } from '../domain/interactions';
import { changeOpportunity, createOpportunity, readOpportunity, removeOpportunity, searchOpportunities } from '../domain/opportunities';
import { replaceSettings } from '../domain/settings';
import { changeTask, createTask, readTask, removeTask, searchTasks } from '../domain/tasks';
import type { Created } from '../domain/records';
import { getSettings, userEmail } from '../store/tenant-store';
// Teams tabs
import { accountOverview } from '../domain/account-overview';
import { myWork } from '../domain/my-work';
// Graph sync
import { graphWebhook, runSyncNow, switchMySync, syncConflicts, syncStatus } from '../domain/sync';
import { GraphNotificationBatch } from '@crm/common';
import { readJsonBody, validate } from './request-input';
import type { Call, Implementation, Reply } from './endpoint-handler';

type Catalogue = (typeof endpoints)[number];
type EndpointOf<N extends EndpointName> = Extract<Catalogue, { name: N }>;
type Parsed<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? z.output<S> : undefined;
/** Raw endpoints read their body themselves. */
type BodyOf<E> = E extends { raw: true } ? undefined : Parsed<E, 'body'>;

interface TypedCall<N extends EndpointName> extends Omit<Call, 'params' | 'query' | 'body' | 'actor'> {
  actor: EndpointOf<N>['access'] extends 'public' ? null : Actor;
  params: Parsed<EndpointOf<N>, 'params'>;
  query: Parsed<EndpointOf<N>, 'query'>;
  body: BodyOf<EndpointOf<N>>;
}

type Implementations = { [N in EndpointName]: (call: TypedCall<N>) => Promise<Reply> };

const one = <T extends { etag: string }>(value: T): Reply => ({ body: value, etag: value.etag });

/** 201 with Location for a new record; 200 with the stored one when a retry or a colleague got there first. */
const created = <T extends { id: string; etag: string }>(collection: string, result: Created<T>): Reply => ({
  status: result.created ? 201 : 200,
  body: result.value,
  etag: result.value.etag,
  location: `/api/${collection}/${result.value.id}`,
});

let openApiDocument: string | undefined;

const table: Implementations = {
  health: async ({ db, services }) => {
    await db.query('SELECT 1');
    return { body: { status: 'ok', version: services.version, database: db.kind, time: new Date().toISOString() } };
  },
  openapi: async ({ services }) => {
    openApiDocument ??= JSON.stringify(buildOpenApi(endpoints, { version: services.version }));
    return { body: openApiDocument, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } };
  },
  me: async ({ db, actor }) => {
    const email = await userEmail(db, actor.tenantId, actor.userId);
    return { body: { id: actor.userId, tenantId: actor.tenantId, displayName: actor.displayName, email, roles: actor.roles } };
  },
  getSettings: async ({ db, actor }) => one(await getSettings(db, actor.tenantId)),
  putSettings: async ({ db, actor, body, version }) => one(await replaceSettings(db, actor, body, version)),

  listAccounts: async ({ db, actor, query }) => ({ body: await searchAccounts(db, actor, query) }),
  createAccount: async ({ db, actor, body }) => created('accounts', await createAccount(db, actor, body)),
  getAccount: async ({ db, actor, params }) => one(await readAccount(db, actor, params.id)),
  updateAccount: async ({ db, actor, params, body, version }) => one(await changeAccount(db, actor, params.id, version, body)),
  deleteAccount: async ({ db, actor, params, version }) => (await removeAccount(db, actor, params.id, version), {}),
  accountTimeline: async ({ db, actor, params, query }) => ({ body: await timeline(db, actor, params.id, query) }),

  listContacts: async ({ db, actor, query }) => ({ body: await searchContacts(db, actor, query) }),
  createContact: async ({ db, actor, body }) => created('contacts', await createContact(db, actor, body)),
  getContact: async ({ db, actor, params }) => one(await readContact(db, actor, params.id)),
  updateContact: async ({ db, actor, params, body, version }) => one(await changeContact(db, actor, params.id, version, body)),
  deleteContact: async ({ db, actor, params, version }) => (await removeContact(db, actor, params.id, version), {}),
  contactConsents: async ({ db, actor, params }) => ({ body: await contactConsents(db, actor, params.id) }),

  listOpportunities: async ({ db, actor, query }) => ({ body: await searchOpportunities(db, actor, query) }),
  createOpportunity: async ({ db, actor, body }) => created('opportunities', await createOpportunity(db, actor, body)),
  getOpportunity: async ({ db, actor, params }) => one(await readOpportunity(db, actor, params.id)),
  updateOpportunity: async ({ db, actor, params, body, version }) => one(await changeOpportunity(db, actor, params.id, version, body)),
  deleteOpportunity: async ({ db, actor, params, version }) => (await removeOpportunity(db, actor, params.id, version), {}),

  listTasks: async ({ db, actor, query }) => ({ body: await searchTasks(db, actor, query) }),
  createTask: async ({ db, actor, body }) => created('tasks', await createTask(db, actor, body)),
  getTask: async ({ db, actor, params }) => one(await readTask(db, actor, params.id)),
  updateTask: async ({ db, actor, params, body, version }) => one(await changeTask(db, actor, params.id, version, body)),
  deleteTask: async ({ db, actor, params, version }) => (await removeTask(db, actor, params.id, version), {}),

  logInteraction: async ({ db, actor, body }) => created('interactions', await logInteraction(db, actor, body)),
  findInteractions: async ({ db, actor, query }) => ({ body: await lookupInteractions(db, actor, query) }),
  getInteraction: async ({ db, actor, params }) => one(await readInteraction(db, actor, params.id)),
  updateInteraction: async ({ db, actor, params, body, version }) => one(await changeInteraction(db, actor, params.id, version, body)),

  recordConsent: async ({ db, actor, body }) => {
    const result = await recordConsent(db, actor, body);
    return { status: result.created ? 201 : 200, body: result.value };
  },
  context: async ({ db, actor, query }) => ({
    body: await customerContext(db, actor, query.email, { internetMessageId: query.internetMessageId, conversationId: query.conversationId }),
  }),
  // Teams tabs
  accountOverview: async ({ db, actor, params }) => ({ body: await accountOverview(db, actor, params.id) }),
  myWork: async ({ db, actor }) => ({ body: await myWork(db, actor) }),
  // Graph sync
  getMySync: async ({ db, actor, services }) => ({ body: await syncStatus(db, actor, services.sync, false) }),
  putMySync: async ({ db, actor, services, body }) => ({ body: await switchMySync(db, actor, services.sync, body) }),
  syncStatus: async ({ db, actor, services }) => ({ body: await syncStatus(db, actor, services.sync, true) }),
  runSync: async ({ db, actor, services, body }) => ({ body: await runSyncNow(db, actor, services.sync, body) }),
  syncConflicts: async ({ db, actor }) => ({ body: await syncConflicts(db, actor) }),
  graphNotifications: (call) => graphWebhookReply(call),
  graphLifecycle: (call) => graphWebhookReply(call),
};

/** Graph first proves the URL with ?validationToken=..., expecting it back as text/plain within 10 seconds. */
async function graphWebhookReply({ query, request, services }: Pick<TypedCall<'graphNotifications'>, 'query' | 'request' | 'services'>): Promise<Reply> {
  if (query.validationToken !== undefined) return { status: 200, body: query.validationToken, headers: { 'content-type': 'text/plain; charset=utf-8' } };
  await graphWebhook(services.sync, validate(GraphNotificationBatch, await readJsonBody(request), 'body'));
  return { status: 202 };
}

export const implementationOf = (name: EndpointName): Implementation => table[name] as unknown as Implementation;
