// Graph's webhooks as Graph documents them: malformed bodies are 400 problems (never 500, which Graph redelivers for hours),
// unknown subscriptions are acknowledged without work, a batch costs one lookup, and validation tokens are form-encoded.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { Db, Queryable, Statement } from '../../functions/src/core/db/db';
import { saveSubscription } from '../../functions/src/features/sync/store/subscriptions-store';
import { createApiHarness, type ApiHarness } from '../support/api-harness';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, syncRow, useFakeGraph } from '../support/sync-harness';
import { startNotificationReceiver } from '../fake-graph/receiver';
import { formEncode, validateEndpoint } from '../fake-graph/subscriptions';

const graph = useFakeGraph();

/** Counts the statements a piece of work sends, transactions included. */
function countingDb(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const counted = (q: Queryable): Queryable => ({
    query: <T,>(sql: string | Statement, params?: readonly unknown[]) => {
      n++;
      return q.query<T>(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return { db: { ...db, ...counted(db), transaction: (work) => db.transaction((tx) => work(counted(tx))) }, count: () => n };
}

describeEachDatabase('Graph webhooks', (getDb) => {
  let world: SyncWorld;
  let api: ApiHarness;
  let counter: ReturnType<typeof countingDb>;
  let releaseRuns: () => void = () => undefined;
  let sync: ReturnType<SyncWorld['service']>;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
    counter = countingDb(world.db);
    // Runs after a notification wait for this gate, so the counts below hold the webhook's own statements only.
    const gate = new Promise<void>((resolve) => (releaseRuns = resolve));
    sync = world.service({ db: async () => counter.db, sleep: () => gate });
    api = await createApiHarness(world.db, { sync });
    return async () => {
      releaseRuns();
      await sync.idle();
    };
  });

  const post = (path: string, body: unknown) => api.call('POST', path, { body });

  it('answers the issue\'s example with 400 naming the tenant id, on both webhooks, without touching the database', async () => {
    const before = counter.count();
    for (const path of ['/api/graph/notifications', '/api/graph/lifecycle']) {
      const reply = await post(path, { value: [{ subscriptionId: 's', clientState: 'x', tenantId: 'contoso' }] });
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(reply.body.errors).toEqual([{ field: 'value[0].tenantId', in: 'body', reason: expect.any(String) }]);
    }
    expect(counter.count()).toBe(before);
  });

  it('refuses NUL and unpaired surrogates in a subscription id or clientState with 400', async () => {
    const tenantId = world.tenantId;
    const cases = [
      [{ subscriptionId: 'a\u0000b', tenantId }, 'value[0].subscriptionId'],
      [{ subscriptionId: 'ok', clientState: '\uD800', tenantId }, 'value[0].clientState'],
      [{ subscriptionId: 'ok', tenantId, changeType: 'exploded' }, 'value[0].changeType'],
    ] as const;
    for (const [item, field] of cases) {
      for (const path of ['/api/graph/notifications', '/api/graph/lifecycle']) {
        const reply = await post(path, { value: [item] });
        expect(reply.status, `${path} ${JSON.stringify(item)}`).toBe(400);
        expect(reply.body.errors[0].field).toBe(field);
      }
    }
  });

  it('acknowledges notifications of unknown subscriptions with 202 and does nothing else', async () => {
    const before = counter.count();
    const unknown = { subscriptionId: randomUUID(), clientState: 'whatever', tenantId: randomUUID(), changeType: 'updated' };
    expect((await post('/api/graph/notifications', { value: [unknown] })).status).toBe(202);
    expect((await post('/api/graph/lifecycle', { value: [{ ...unknown, lifecycleEvent: 'subscriptionRemoved' }] })).status).toBe(202);
    // One lookup each, nothing written.
    expect(counter.count() - before).toBe(2);
  });

  it('looks up a batch of 1,000 notifications in one query and marks their mailboxes in one more', async () => {
    const ana = await world.employee('Ana Batch', ['calendar', 'contacts']);
    const ben = await world.employee('Ben Batch', ['calendar']);
    const subs = [
      { tenantId: world.tenantId, userId: ana.actor.userId, resource: 'calendar' as const, id: randomUUID(), clientState: 'secret-ana-cal' },
      { tenantId: world.tenantId, userId: ana.actor.userId, resource: 'contacts' as const, id: randomUUID(), clientState: 'secret-ana-con' },
      { tenantId: world.tenantId, userId: ben.actor.userId, resource: 'calendar' as const, id: randomUUID(), clientState: 'secret-ben-cal' },
    ];
    for (const s of subs) await saveSubscription(world.db, { ...s, expiresAt: new Date(Date.now() + 86_400_000) });
    await world.db.query(`UPDATE mailbox_sync SET pending = false WHERE tenant_id = $1 AND user_id = ANY($2::uuid[])`, [
      world.tenantId,
      [ana.actor.userId, ben.actor.userId],
    ]);
    const value = Array.from({ length: 1000 }, (_, i) => {
      if (i % 10 === 9) return { subscriptionId: randomUUID(), clientState: 'x', tenantId: world.tenantId, changeType: 'created' };
      const s = subs[i % 3]!;
      return { subscriptionId: s.id, clientState: s.clientState, tenantId: world.tenantId.toUpperCase(), changeType: 'updated' };
    });
    const before = counter.count();
    const reply = await post('/api/graph/notifications', { value });
    expect(reply.status).toBe(202);
    expect(counter.count() - before).toBe(2);
    for (const s of subs) expect(await syncRow(world.db, world.tenantId, s.userId, s.resource)).toMatchObject({ pending: true });
  });

  it('refuses a batch whose only known subscription got the wrong clientState, and marks nothing', async () => {
    const cleo = await world.employee('Cleo Forge', ['calendar']);
    const id = randomUUID();
    await saveSubscription(world.db, {
      tenantId: world.tenantId,
      userId: cleo.actor.userId,
      resource: 'calendar',
      id,
      clientState: 'the-real-secret',
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    await world.db.query(`UPDATE mailbox_sync SET pending = false WHERE tenant_id = $1 AND user_id = $2`, [world.tenantId, cleo.actor.userId]);
    const reply = await post('/api/graph/notifications', { value: [{ subscriptionId: id, clientState: 'the-real-secreT', tenantId: world.tenantId }] });
    expect(reply.status).toBe(403);
    const without = await post('/api/graph/notifications', { value: [{ subscriptionId: id, clientState: null, tenantId: world.tenantId }] });
    expect(without.status).toBe(403);
    expect(await syncRow(world.db, world.tenantId, cleo.actor.userId, 'calendar')).toMatchObject({ pending: false });
  });

  it('echoes a form-encoded validation token decoded, as text/plain, on both webhooks', async () => {
    const token = 'Validation: Testing client application reachability for subscription Request-Id: 6f8a+b/c?d=e&f';
    expect(formEncode(token)).toContain('Validation%3a+Testing+client');
    for (const path of ['/api/graph/notifications', '/api/graph/lifecycle']) {
      const reply = await api.call('POST', `${path}?validationToken=${formEncode(token)}`, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.text).toBe(token);
    }
  });
});

it('the fake Graph sends the validation token form-encoded in the query with text/plain, as Graph does', async () => {
  const seen: { query: string; type: string | undefined }[] = [];
  const receiver = await startNotificationReceiver({
    intercept: (req, _res, url) => {
      seen.push({ query: url.search, type: req.headers['content-type'] });
      return false;
    },
  });
  try {
    expect(await validateEndpoint(`${receiver.url}/notifications`, 5_000)).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.query).toMatch(/^\?validationToken=Validation%3a\+Testing\+client\+application\+reachability\+for\+subscription\+Request-Id%3a\+[0-9a-f-]{36}$/);
    expect(seen[0]!.type).toBe('text/plain; charset=utf-8');
    expect(receiver.validations[0]).toMatch(/^Validation: Testing client application reachability for subscription Request-Id: /);
  } finally {
    await receiver.close();
  }
});
