// Subscriptions: the validation handshake, renew and delete, change notifications with clientState, and lifecycle events.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateCertificate, type TlsMaterial } from './certificate';
import { fetchToken, graphCaller } from './harness';
import { startNotificationReceiver, type NotificationReceiver } from './receiver';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

const ANNA = 'anna.becker@rheinwerk-maschinenbau.de';
let fg: FakeGraph;
let receiver: NotificationReceiver;
let call: ReturnType<typeof graphCaller>;
let untrust: () => void;
let tls: TlsMaterial;

const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

beforeAll(async () => {
  tls = generateCertificate();
  fg = await startFakeGraph({ validationTimeoutMs: 500, tls });
  untrust = trustFakeGraphCert(fg.certPem);
  receiver = await startNotificationReceiver({
    intercept: (_req, res, url) => {
      if (!url.pathname.startsWith('/broken')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      return true;
    },
  });
  fg.model.addMailbox({ email: ANNA });
  call = graphCaller(fg, await fetchToken(fg));
});
afterAll(async () => {
  untrust();
  await receiver.close();
  await fg.close();
});
beforeEach(() => {
  receiver.received.length = 0;
  for (const s of fg.subscriptions.list()) fg.subscriptions.remove(s.id);
});

const subscribe = (overrides: Record<string, unknown> = {}) =>
  call('POST', '/subscriptions', {
    body: {
      changeType: 'created,updated,deleted',
      notificationUrl: `${receiver.url}/notifications`,
      lifecycleNotificationUrl: `${receiver.url}/lifecycle`,
      resource: `/users/${ANNA}/events`,
      expirationDateTime: inDays(2),
      clientState: 'secret-state',
      ...overrides,
    },
  });

describe('subscriptions', () => {
  it('validates both endpoints, then creates, lists, renews and deletes', async () => {
    const before = receiver.validations.length;
    const created = await subscribe();
    expect(created.status).toBe(201);
    expect(receiver.validations.length - before).toBe(2);
    expect(receiver.validations.at(-1)).toMatch(/^Validation: Testing client application reachability/);
    expect(created.body).toMatchObject({ resource: `/users/${ANNA}/events`, clientState: 'secret-state', changeType: 'created,updated,deleted' });
    const id = created.body.id as string;
    expect(((await call('GET', '/subscriptions')).body.value as unknown[]).length).toBe(1);

    const renewed = await call('PATCH', `/subscriptions/${id}`, { body: { expirationDateTime: inDays(6) } });
    expect(renewed.status).toBe(200);
    expect(Date.parse(renewed.body.expirationDateTime as string)).toBeGreaterThan(Date.parse(created.body.expirationDateTime as string));
    expect((await call('PATCH', `/subscriptions/${id}`, { body: { expirationDateTime: inDays(8) } })).status).toBe(400);

    expect((await call('DELETE', `/subscriptions/${id}`)).status).toBe(204);
    expect((await call('GET', `/subscriptions/${id}`)).status).toBe(404);
  });

  it('fails with 400 when the endpoint does not echo the validation token as text/plain', async () => {
    const reply = await subscribe({ notificationUrl: `${receiver.url}/broken` });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatchObject({ code: 'InvalidRequest' });
    expect(fg.subscriptions.list()).toEqual([]);
  });

  it('fails with 403 without permission and 404 for an unknown mailbox', async () => {
    fg.model.setPermissions(ANNA, { contacts: false });
    expect((await subscribe({ resource: `/users/${ANNA}/contacts` })).status).toBe(403);
    fg.model.setPermissions(ANNA, { contacts: true });
    expect((await subscribe({ resource: '/users/nobody@example.com/events' })).status).toBe(404);
  });

  it('posts change notifications with the stored clientState, or a forged one on request', async () => {
    const created = await subscribe();
    const event = fg.model.addEvent(ANNA, { subject: 'Kickoff', start: inDays(1), end: inDays(1.1) });
    const [delivery] = await fg.notify(ANNA, 'events', 'created', { id: event.id });
    expect(delivery).toMatchObject({ subscriptionId: created.body.id, status: 202 });
    await fg.notify(ANNA, 'events', 'updated', { id: event.id, clientState: 'forged' });
    expect(receiver.received.map((r) => r.path)).toEqual(['/notifications', '/notifications']);
    const [first, forged] = receiver.received.map((r) => r.body.value[0]!);
    expect(first).toMatchObject({
      subscriptionId: created.body.id,
      clientState: 'secret-state',
      changeType: 'created',
      resource: `Users/${fg.model.mailbox(ANNA).id}/Events/${event.id}`,
      resourceData: { '@odata.type': '#Microsoft.Graph.Event', id: event.id },
      tenantId: fg.tenantId,
    });
    expect(forged!.clientState).toBe('forged');
    expect(await fg.notify(ANNA, 'contacts', 'created')).toEqual([]);
  });

  it('stops notifying an expired subscription', async () => {
    const created = await subscribe();
    fg.subscriptions.expire(created.body.id as string);
    expect(await fg.notify(ANNA, 'events', 'updated')).toEqual([]);
    expect((await call('GET', `/subscriptions/${created.body.id as string}`)).status).toBe(404);
  });

  it('sends lifecycle notifications; subscriptionRemoved drops the subscription', async () => {
    const id = (await subscribe()).body.id as string;
    for (const event of ['reauthorizationRequired', 'missed', 'subscriptionRemoved'] as const) await fg.sendLifecycle(id, event);
    expect(receiver.received.map((r) => [r.path, r.body.value[0]!.lifecycleEvent, r.body.value[0]!.clientState])).toEqual([
      ['/lifecycle', 'reauthorizationRequired', 'secret-state'],
      ['/lifecycle', 'missed', 'secret-state'],
      ['/lifecycle', 'subscriptionRemoved', 'secret-state'],
    ]);
    expect(fg.subscriptions.get(id)).toBeUndefined();
  });
});

describe('autoNotify', () => {
  it('notifies subscribers of model changes as they happen', async () => {
    const auto = await startFakeGraph({ autoNotify: true, tls });
    try {
      auto.model.addMailbox({ email: ANNA });
      const token = await fetchToken(auto);
      const created = await graphCaller(auto, token)('POST', '/subscriptions', {
        body: {
          changeType: 'created,updated',
          notificationUrl: `${receiver.url}/notifications`,
          resource: `/users/${ANNA}/contacts`,
          expirationDateTime: inDays(1),
          clientState: 'c',
        },
      });
      expect(created.status).toBe(201);
      const contact = auto.model.addContact(ANNA, { givenName: 'Julia', surname: 'Hoffmann', emailAddresses: ['julia.hoffmann@hoffmann-antriebstechnik.de'] });
      await expect.poll(() => receiver.received.length).toBe(1);
      expect(receiver.received[0]!.body.value[0]).toMatchObject({ changeType: 'created', resourceData: { id: contact.id } });
    } finally {
      await auto.close();
    }
  });
});
