// Calendar sync against documented Graph behaviours the fake can switch on (test/fake-graph/README.md): events that turn
// private, answers in Windows zones despite Prefer: outlook.timezone, all-day events, zones no table knows, an empty first
// delta page, occurrences and exceptions with originalStart, and the documented request shape (issue #11).
import { beforeAll, expect, it } from 'vitest';
import { listSyncStates } from '../../functions/src/features/sync/store/sync-state-store';
import { CUSTOM_TIME_ZONE } from '../fake-graph/time-zones';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, inDays, meetingsOf, plusHour, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('calendar sync and documented Graph behaviours', (getDb) => {
  let world: SyncWorld;
  let n = 0;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });

  const setup = async (name: string) => {
    n++;
    const who = await world.employee(`${name} ${n}`);
    const domain = `verhalten-${n}-${who.mailbox.slice(0, 6)}.de`;
    const customer = await world.customer(`Verhalten ${n} GmbH`, domain, ['tom.fischer']);
    const attendee = `tom.fischer@${domain}`;
    const run = async () => {
      const [result] = await world.service().runNow(world.tenantId, { userId: who.actor.userId });
      expect(result).toMatchObject({ outcome: 'synced' });
      return result!;
    };
    return { ...who, ...customer, attendee, run };
  };

  const rowsAbout = async (interactionId: string) => {
    const count = async (table: string, column = 'interaction_id') =>
      (await world.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1 AND ${column} = $2`, [world.tenantId, interactionId]))[0]!
        .n;
    return {
      interactions: await count('interactions', 'id'),
      accounts: await count('interaction_accounts'),
      contacts: await count('interaction_contacts'),
      loggers: await count('interaction_loggers'),
      graphItems: await count('graph_items', 'record_id'),
    };
  };

  it('erases a meeting that turns private: row, links, subject and summary gone, the audit log without content', async () => {
    const who = await setup('Privat');
    const event = graph().model.addEvent(who.mailbox, {
      subject: 'Gehaltsverhandlung Tom',
      start: inDays(3),
      end: plusHour(inDays(3)),
      attendees: [who.attendee],
    });
    await who.run();
    const [meeting] = await meetingsOf(world.db, world.tenantId, who.accountId);
    expect(meeting).toMatchObject({ subject: 'Gehaltsverhandlung Tom', status: null });
    await world.db.query(`UPDATE interactions SET summary = 'Notizen zum Gespräch' WHERE tenant_id = $1 AND id = $2`, [world.tenantId, meeting!.id]);

    graph().model.updateEvent(who.mailbox, event.id, { sensitivity: 'private' });
    const round = await who.run();
    expect(round.removed).toBe(1);
    expect(await meetingsOf(world.db, world.tenantId, who.accountId)).toEqual([]);
    expect(await rowsAbout(meeting!.id)).toEqual({ interactions: 0, accounts: 0, contacts: 0, loggers: 0, graphItems: 0 });
    const leftovers = await world.db.query(`SELECT 1 FROM interactions WHERE tenant_id = $1 AND (subject LIKE '%Gehalt%' OR summary LIKE '%Notizen%')`, [
      world.tenantId,
    ]);
    expect(leftovers).toEqual([]);
    const audit = await world.db.query<{ action: string; changed_fields: string[] }>(
      `SELECT action, changed_fields FROM audit_log WHERE tenant_id = $1 AND entity = 'interaction' AND entity_id = $2 ORDER BY id`,
      [world.tenantId, meeting!.id],
    );
    expect(audit.at(-1)).toEqual({ action: 'delete', changed_fields: ['sensitivity'] });
  });

  it('erases a private meeting an earlier version left on the timeline as cancelled, on the next full pass', async () => {
    const who = await setup('Altlast');
    const event = graph().model.addEvent(who.mailbox, {
      subject: 'Arzttermin mit Kunde',
      start: inDays(5),
      end: plusHour(inDays(5)),
      attendees: [who.attendee],
    });
    await who.run();
    const [meeting] = await meetingsOf(world.db, world.tenantId, who.accountId);
    graph().model.updateEvent(who.mailbox, event.id, { sensitivity: 'private' });
    // What the sync before issue #11 did with it: the mailbox's link and logger gone, the meeting marked cancelled.
    await world.db.query(`DELETE FROM graph_items WHERE tenant_id = $1 AND record_id = $2`, [world.tenantId, meeting!.id]);
    await world.db.query(`DELETE FROM interaction_loggers WHERE tenant_id = $1 AND interaction_id = $2`, [world.tenantId, meeting!.id]);
    await world.db.query(`UPDATE interactions SET status = 'cancelled' WHERE tenant_id = $1 AND id = $2`, [world.tenantId, meeting!.id]);
    const [result] = await world.service().runNow(world.tenantId, { userId: who.actor.userId, full: true });
    expect(result).toMatchObject({ outcome: 'synced', removed: 1 });
    expect(await rowsAbout(meeting!.id)).toEqual({ interactions: 0, accounts: 0, contacts: 0, loggers: 0, graphItems: 0 });
  });

  it('keeps a shared meeting another mailbox still shows as normal, and erases it when that copy turns private too', async () => {
    const who = await setup('Geteilt');
    const other = await world.employee(`Kollegin ${n}`);
    const [mine, theirs] = graph().model.addSharedEvent([who.mailbox, other.mailbox], {
      subject: 'Lenkungskreis',
      start: inDays(6),
      end: plusHour(inDays(6)),
      attendees: [who.attendee],
    });
    await who.run();
    await world.service().runNow(world.tenantId, { userId: other.actor.userId });
    graph().model.updateEvent(who.mailbox, mine!.id, { sensitivity: 'private' });
    await who.run();
    expect((await meetingsOf(world.db, world.tenantId, who.accountId)).map((m) => [m.subject, m.status, m.loggers])).toEqual([['Lenkungskreis', null, 1]]);
    graph().model.updateEvent(other.mailbox, theirs!.id, { sensitivity: 'confidential' });
    await world.service().runNow(world.tenantId, { userId: other.actor.userId });
    expect(await meetingsOf(world.db, world.tenantId, who.accountId)).toEqual([]);
  });

  it('reads any Windows zone and all-day events when Graph ignores Prefer: outlook.timezone, and reports an event it cannot read', async () => {
    const who = await setup('Zonen');
    graph().model.setCalendarQuirks(who.mailbox, { ignoresTimeZonePreference: true });
    const day = inDays(20).slice(0, 10);
    const local = (time: string, timeZone: string) => ({ dateTime: `${day}T${time}:00.0000000`, timeZone });
    graph().model.addEvent(who.mailbox, {
      subject: 'Hobart',
      start: local('09:00', 'Tasmania Standard Time'),
      end: local('10:00', 'Tasmania Standard Time'),
      attendees: [who.attendee],
    });
    graph().model.addEvent(who.mailbox, {
      subject: 'Kathmandu',
      start: local('09:00', 'Nepal Standard Time'),
      end: local('10:00', 'Nepal Standard Time'),
      attendees: [who.attendee],
    });
    graph().model.addEvent(who.mailbox, {
      subject: 'Messe Tokio',
      isAllDay: true,
      start: local('00:00', 'Tokyo Standard Time'),
      end: { dateTime: `${inDays(21).slice(0, 10)}T00:00:00.0000000`, timeZone: 'Tokyo Standard Time' },
      attendees: [who.attendee],
    });
    const custom = graph().model.addEvent(who.mailbox, {
      subject: 'Eigene Zone',
      start: local('11:00', CUSTOM_TIME_ZONE),
      end: local('12:00', CUSTOM_TIME_ZONE),
      attendees: [who.attendee],
    });
    await who.run();
    // The fake answered in the events' own zones (no Preference-Applied), so the sync converted them itself.
    const times = Object.fromEntries(
      (await meetingsOf(world.db, world.tenantId, who.accountId)).map((m) => [m.subject, new Date(m.occurred_at).toISOString()]),
    );
    expect(times.Hobart).toBe(new Date(Date.parse(`${day}T09:00:00Z`) - (isHobartSummer(day) ? 11 : 10) * 3_600_000).toISOString());
    expect(times.Kathmandu).toBe(new Date(Date.parse(`${day}T09:00:00Z`) - 5.75 * 3_600_000).toISOString());
    expect(times['Messe Tokio']).toBe(`${day}T00:00:00.000Z`);
    expect(times['Eigene Zone']).toBeUndefined();
    const [state] = (await listSyncStates(world.db, world.tenantId, who.actor.userId)).filter((s) => s.resource === 'calendar');
    expect(state).toMatchObject({ status: 'active', unreadable: [{ id: custom.id, reason: `unknown time zone "${CUSTOM_TIME_ZONE}"` }] });

    // Once the organiser fixes the zone, the next round reads the event and the status no longer lists it.
    graph().model.updateEvent(who.mailbox, custom.id, { start: local('11:00', 'UTC'), end: local('12:00', 'UTC'), timeZone: 'UTC' });
    await who.run();
    expect((await meetingsOf(world.db, world.tenantId, who.accountId)).map((m) => m.subject)).toContain('Eigene Zone');
    const [after] = (await listSyncStates(world.db, world.tenantId, who.actor.userId)).filter((s) => s.resource === 'calendar');
    expect(after!.unreadable).toEqual([]);
  });

  it('follows an empty first delta page, keeps an exception of a series on its occurrence by originalStart, and sends no $select', async () => {
    const who = await setup('Serie');
    graph().model.setCalendarQuirks(who.mailbox, { emptyFirstDeltaPage: true });
    const { occurrences } = graph().model.addSeries(who.mailbox, {
      subject: 'Wochentermin',
      start: inDays(2, 9),
      end: plusHour(inDays(2, 9)),
      attendees: [who.attendee],
      recurrence: { type: 'weekly', occurrences: 3 },
    });
    graph().resetStats();
    const first = await who.run();
    expect(first).toMatchObject({ created: 3 });
    const deltaRequests = graph().requests.filter((r) => r.path.endsWith('/calendarView/delta'));
    expect(deltaRequests.length).toBe(2);
    expect(deltaRequests.every((r) => !decodeURIComponent(r.query).includes('$select'))).toBe(true);

    // The second occurrence moves a day later: an exception, the same interaction.
    graph().model.updateEvent(who.mailbox, occurrences[1]!.id, { start: inDays(10, 15), end: plusHour(inDays(10, 15)) });
    const moved = await who.run();
    expect(moved).toMatchObject({ created: 0, updated: 1 });
    const meetings = await meetingsOf(world.db, world.tenantId, who.accountId);
    expect(meetings.map((m) => new Date(m.occurred_at).toISOString())).toEqual([inDays(2, 9), inDays(10, 15), inDays(16, 9)]);
  });
});

/** Tasmania keeps daylight saving (UTC+11) from the first Sunday of October to the first Sunday of April. */
function isHobartSummer(day: string): boolean {
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Australia/Hobart', timeZoneName: 'shortOffset' })
    .formatToParts(new Date(`${day}T00:00:00Z`))
    .find((p) => p.type === 'timeZoneName')!.value;
  return offset === 'GMT+11';
}
