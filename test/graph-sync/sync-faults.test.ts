// The faults Graph sync must survive: throttling, lost sync state, missing permission, network trouble, a killed run, two workers.
import { beforeAll, expect, it } from 'vitest';
import { dueMailboxes } from '../../functions/src/features/sync/store/sync-state-store';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, inDays, meetingsOf, plusHour, recordingSleep, syncRow, until, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('graph sync under faults', (getDb) => {
  let world: SyncWorld;
  let n = 0;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });

  /** An employee with `count` customer meetings at a customer of their own. */
  const setup = async (count: number) => {
    n++;
    const who = await world.employee(`Person ${n}`);
    const domain = `faults-${n}-${who.mailbox.slice(0, 6)}.de`;
    const customer = await world.customer(`Faults ${n} GmbH`, domain, ['kim.weber']);
    for (let i = 0; i < count; i++) {
      graph().model.addEvent(who.mailbox, {
        subject: `Termin ${i + 1}`,
        start: inDays(1 + i),
        end: plusHour(inDays(1 + i)),
        attendees: [`kim.weber@${domain}`],
      });
    }
    return { ...who, ...customer, domain };
  };

  it('honours Retry-After on 429, 503 and 504 and never sends more than 4 requests at once to a mailbox', async () => {
    const who = await setup(12);
    graph().faults.add({ match: { mailbox: who.mailbox }, status: 429, retryAfterSeconds: 1, afterRequests: 1 });
    graph().faults.add({ match: { mailbox: who.mailbox }, status: 503, retryAfterSeconds: 1 });
    graph().faults.add({ match: { mailbox: who.mailbox }, status: 504, retryAfterSeconds: 1 });
    // The waits are asked of the injected sleep, which returns at once: the test checks them without spending them.
    const { sleep, waits } = recordingSleep();
    const [result] = await world.service({ sleep }).runNow(world.tenantId, { userId: who.actor.userId });
    expect(result).toMatchObject({ outcome: 'synced', created: 12 });
    expect(graph().faults.pending()).toHaveLength(0);
    const faulted = graph().requests.filter((r) => r.mailbox === who.mailbox && r.fault);
    expect(faulted.map((r) => r.status).sort()).toEqual([429, 503, 504]);
    expect(waits).toEqual([1000, 1000, 1000]);
    expect(graph().peakConcurrency.get(who.mailbox) ?? 0).toBeLessThanOrEqual(4);
    expect((await meetingsOf(world.db, world.tenantId, who.accountId)).length).toBe(12);
  });

  it('resets the delta link on 410 SyncStateNotFound and resyncs without duplicates', async () => {
    const who = await setup(8);
    const service = world.service();
    await service.runNow(world.tenantId, { userId: who.actor.userId });
    graph().model.addEvent(who.mailbox, { subject: 'Neu nach Reset', start: inDays(20), end: plusHour(inDays(20)), attendees: [`kim.weber@${who.domain}`] });
    graph().faults.add({ match: { mailbox: who.mailbox }, status: 410, code: 'SyncStateNotFound' });
    const [result] = await service.runNow(world.tenantId, { userId: who.actor.userId });
    expect(result).toMatchObject({ outcome: 'synced', created: 1 });
    const meetings = await meetingsOf(world.db, world.tenantId, who.accountId);
    expect(meetings).toHaveLength(9);
    expect(new Set(meetings.map((m) => m.ical_uid)).size).toBe(9);
  });

  it('says which permission is missing on 403, once, and does not retry before the back-off', async () => {
    const who = await setup(2);
    graph().model.setPermissions(who.mailbox, { calendar: false });
    graph().resetStats();
    const [result] = await world.service().runNow(world.tenantId, { userId: who.actor.userId });
    expect(result).toMatchObject({ outcome: 'needs_permission', requests: 1 });
    expect(graph().countRequests({ mailbox: who.mailbox })).toBe(1);
    const row = await syncRow(world.db, world.tenantId, who.actor.userId, 'calendar');
    expect(row).toMatchObject({ status: 'needs_permission', missing_permission: 'Calendars.Read', failure_count: 1 });
    expect(String(row.last_error)).toMatch(/Calendars\.Read/);
    const due = await dueMailboxes(world.db, 900);
    expect(due.some((k) => k.userId === who.actor.userId)).toBe(false);
    graph().model.setPermissions(who.mailbox, { calendar: true });
  });

  it('treats a 401 from Graph the same way: needs permission, one request, no retries', async () => {
    const who = await setup(1);
    graph().faults.add({ match: { mailbox: who.mailbox }, status: 401, code: 'InvalidAuthenticationToken' });
    graph().resetStats();
    const [result] = await world.service().runNow(world.tenantId, { userId: who.actor.userId });
    expect(result).toMatchObject({ outcome: 'needs_permission', requests: 1 });
    expect(await syncRow(world.db, world.tenantId, who.actor.userId, 'calendar')).toMatchObject({
      status: 'needs_permission',
      missing_permission: 'Calendars.Read',
    });
  });

  it('records network errors and timeouts in words and resumes on the next run', async () => {
    const who = await setup(12);
    // Only the run that meets the hang gets a short deadline: on a busy machine an ordinary request can take longer than that.
    const service = world.service();
    const impatient = world.service({ graph: { requestTimeoutMs: 400 } });
    graph().faults.add({ match: { mailbox: who.mailbox }, kind: 'reset', afterRequests: 1 });
    const [broken] = await service.runNow(world.tenantId, { userId: who.actor.userId });
    expect(broken).toMatchObject({ outcome: 'failed', pages: 1 });
    expect(broken!.error).toMatch(/could not be reached/);
    expect(await syncRow(world.db, world.tenantId, who.actor.userId, 'calendar')).toMatchObject({ status: 'failed', pages_done: 1 });

    graph().faults.add({ match: { mailbox: who.mailbox }, kind: 'hang' });
    const [hung] = await impatient.runNow(world.tenantId, { userId: who.actor.userId });
    expect(hung).toMatchObject({ outcome: 'failed' });
    expect(hung!.error).toMatch(/could not be reached/);

    const [resumed] = await service.runNow(world.tenantId, { userId: who.actor.userId });
    expect(resumed).toMatchObject({ outcome: 'synced', pages: 2 });
    expect(await meetingsOf(world.db, world.tenantId, who.accountId)).toHaveLength(12);
  });

  it('resumes a run killed between page 2 and 3 of 5 and ends exactly as an uninterrupted run', async () => {
    const who = await setup(25);
    const control = await setup(25);
    await world.service().runNow(world.tenantId, { userId: control.actor.userId });

    // The first worker stops dead after committing page 2, as if the process were killed; its lease runs out.
    const killed = world.service({ afterPage: (_key, pages) => (pages === 2 ? new Promise<void>(() => undefined) : undefined) });
    void killed.runNow(world.tenantId, { userId: who.actor.userId });
    await until(async () => Number((await syncRow(world.db, world.tenantId, who.actor.userId, 'calendar')).pages_done) === 2, 'page 2 to commit');
    const stuck = await syncRow(world.db, world.tenantId, who.actor.userId, 'calendar');
    expect(stuck).toMatchObject({ status: 'syncing', stage: 'initial' });
    expect(stuck.next_link).toBeTruthy();
    expect(await world.service().runNow(world.tenantId, { userId: who.actor.userId })).toMatchObject([{ outcome: 'busy' }]);
    // The lease is the database's clock (now() in the claim), shared by all workers; ageing the row stands for the second passing.
    await world.db.query(
      `UPDATE mailbox_sync SET claimed_until = now() - interval '1 second' WHERE tenant_id = $1 AND user_id = $2 AND resource = 'calendar'`,
      [world.tenantId, who.actor.userId],
    );

    graph().resetStats();
    const [resumed] = await world.service().runNow(world.tenantId, { userId: who.actor.userId });
    expect(resumed).toMatchObject({ outcome: 'synced', pages: 3, requests: 3 });
    const shape = async (accountId: string) =>
      (await meetingsOf(world.db, world.tenantId, accountId)).map((m) => [m.subject, new Date(m.occurred_at).toISOString(), m.status, m.loggers]);
    const ours = await shape(who.accountId);
    expect(ours).toHaveLength(25);
    expect(ours).toEqual(await shape(control.accountId));
  });

  it('lets only one of two workers started at once sync a mailbox', async () => {
    const who = await setup(10);
    graph().setLatency(20);
    const [a, b] = await Promise.all([
      world.service().runNow(world.tenantId, { userId: who.actor.userId }),
      world.service().runNow(world.tenantId, { userId: who.actor.userId }),
    ]);
    expect([a[0]!.outcome, b[0]!.outcome].sort()).toEqual(['busy', 'synced']);
    const meetings = await meetingsOf(world.db, world.tenantId, who.accountId);
    expect(meetings).toHaveLength(10);
  });
});
