// Change notifications end to end: the fake Graph subscribes to the API's webhook, delivers changes and lifecycle events, and forgeries fail.
import { createRemoteJWKSet } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Services } from '../../functions/src/app/services';
import { createActorResolver } from '../../functions/src/core/auth/actor-resolver';
import { createDevTokenIssuer, DEV_AUDIENCE } from '../../functions/src/core/auth/dev-token-issuer';
import { createTokenValidator } from '../../functions/src/core/auth/token-validator';
import { startLocalServer, type LocalServer } from '../../functions/src/hosts/local/local-server';
import { buildApiApp } from '../../functions/src/app/routes';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, inDays, meetingsOf, plusHour, syncRow, until, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

/** A test holds the runs a notification starts until it has sent all it means to, so none arrives mid-run on a busy machine. */
let held: Promise<void> = Promise.resolve();

describeEachDatabase('Graph change notifications', (getDb) => {
  let world: SyncWorld;
  let api: LocalServer;
  let sync: ReturnType<SyncWorld['service']>;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
    api = await startLocalServer({
      host: '127.0.0.1',
      port: 0,
      sites: [],
      prepare: async (baseUrl) => {
        const issuer = await createDevTokenIssuer(baseUrl);
        sync = world.service({
          graph: { notificationUrl: baseUrl },
          sleep: async (ms) => {
            await held;
            await new Promise((resolve) => setTimeout(resolve, ms));
          },
        });
        const services: Services = {
          db: async () => world.db,
          authenticate: createTokenValidator([
            { issuerTemplate: issuer.issuerTemplate, keys: createRemoteJWKSet(new URL(`${baseUrl}/dev/jwks`)), audiences: [DEV_AUDIENCE], allowedTenants: '*' },
          ]),
          resolveActor: createActorResolver(),
          version: 'test',
          sync,
        };
        return { api: buildApiApp(services), issuer };
      },
    });
  });
  afterAll(async () => {
    await sync.idle();
    await api.close();
  });

  const subscriptionOf = async (userId: string, resource: string) =>
    (
      await world.db.query<{ id: string; expires_at: Date }>(
        `SELECT id, expires_at FROM graph_subscriptions WHERE tenant_id = $1 AND user_id = $2 AND resource = $3`,
        [world.tenantId, userId, resource],
      )
    )[0];

  it('echoes the validation token as text/plain and refuses malformed notifications with a problem document', async () => {
    const echo = await fetch(`${api.url}/api/graph/notifications?validationToken=${encodeURIComponent('Validation: Token <1>')}`, { method: 'POST' });
    expect(echo.status).toBe(200);
    expect(echo.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await echo.text()).toBe('Validation: Token <1>');
    const bad = await fetch(`${api.url}/api/graph/notifications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ value: [{}] }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0]!.field).toBe('value[0].subscriptionId');
  });

  it('subscribes every enabled mailbox, syncs on a notification, and counts a notification delivered three times once', async () => {
    const lena = await world.employee('Lena Hahn');
    const kunde = await world.customer('Notify Kunde GmbH', 'notify-kunde.de', ['ute.kraft']);
    await sync.runNow(world.tenantId, { userId: lena.actor.userId });
    const made = await sync.maintainSubscriptions();
    expect(made!.failed).toEqual([]);
    expect(made!.created).toBeGreaterThanOrEqual(1);
    const subscription = await subscriptionOf(lena.actor.userId, 'calendar');
    expect(graph().subscriptions.get(subscription!.id)).toBeTruthy();

    graph().model.addEvent(lena.mailbox, {
      subject: 'Kurzfristiger Termin',
      start: inDays(2),
      end: plusHour(inDays(2)),
      attendees: ['ute.kraft@notify-kunde.de'],
    });
    let release!: () => void;
    held = new Promise<void>((resolve) => (release = resolve));
    const deliveries = [
      ...(await graph().notify(lena.mailbox, 'events', 'created')),
      ...(await graph().notify(lena.mailbox, 'events', 'created')),
      ...(await graph().notify(lena.mailbox, 'events', 'created')),
    ];
    expect(deliveries.map((d) => d.status)).toEqual([202, 202, 202]);
    release();
    await until(async () => (await meetingsOf(world.db, world.tenantId, kunde.accountId)).length > 0, 'the meeting to arrive');
    await sync.idle();
    expect((await meetingsOf(world.db, world.tenantId, kunde.accountId)).map((m) => m.subject)).toEqual(['Kurzfristiger Termin']);
    expect(await syncRow(world.db, world.tenantId, lena.actor.userId, 'calendar')).toMatchObject({ status: 'active', pending: false });
  });

  it('rejects a forged notification without marking anything', async () => {
    const max = await world.employee('Max Forge');
    await sync.runNow(world.tenantId, { userId: max.actor.userId });
    await sync.maintainSubscriptions();
    const [forged] = await graph().notify(max.mailbox, 'events', 'created', { clientState: 'not-the-secret' });
    expect(forged!.status).toBe(403);
    expect(await syncRow(world.db, world.tenantId, max.actor.userId, 'calendar')).toMatchObject({ pending: false });
  });

  it('handles lifecycle events: missed marks a resync, removed subscriptions come back, reauthorization renews', async () => {
    const olga = await world.employee('Olga Lind');
    await sync.runNow(world.tenantId, { userId: olga.actor.userId });
    await sync.maintainSubscriptions();
    const first = (await subscriptionOf(olga.actor.userId, 'calendar'))!;

    expect((await graph().sendLifecycle(first.id, 'missed')).status).toBe(202);
    expect(await syncRow(world.db, world.tenantId, olga.actor.userId, 'calendar')).toMatchObject({ pending: true });
    await sync.idle();

    await world.db.query(`UPDATE graph_subscriptions SET expires_at = now() + interval '1 hour' WHERE tenant_id = $1 AND id = $2`, [world.tenantId, first.id]);
    expect((await graph().sendLifecycle(first.id, 'reauthorizationRequired')).status).toBe(202);
    await sync.idle();
    const renewed = (await subscriptionOf(olga.actor.userId, 'calendar'))!;
    expect(renewed.id).toBe(first.id);
    expect(new Date(renewed.expires_at).getTime()).toBeGreaterThan(Date.now() + 86_400_000);

    expect((await graph().sendLifecycle(first.id, 'subscriptionRemoved')).status).toBe(202);
    graph().subscriptions.remove(first.id);
    await sync.idle();
    await sync.maintainSubscriptions();
    const recreated = (await subscriptionOf(olga.actor.userId, 'calendar'))!;
    expect(recreated.id).not.toBe(first.id);
    expect(graph().subscriptions.get(recreated.id)).toBeTruthy();
  });
});
