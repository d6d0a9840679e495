// Calendar sync against the fake Graph: customer meetings become one interaction each, follow updates, cancellations and deletions.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, inDays, meetingsOf, plusHour, syncRow, useFakeGraph } from '../support/sync-harness';

const graph = useFakeGraph();

describeEachDatabase('calendar sync', (getDb) => {
  let world: SyncWorld;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });

  it('imports customer meetings once per meeting, in UTC, one per occurrence, never private or internal ones', async () => {
    const anna = await world.employee('Anna Becker');
    const ben = await world.employee('Ben Graf');
    const kunde = await world.customer('Kunde Eins GmbH', 'kunde-eins.de', ['julia.hoffmann', 'peter.lang']);
    const start = inDays(3);
    graph().model.addEvent(anna.mailbox, {
      subject: 'Angebotsbesprechung',
      start: { dateTime: start.replace('Z', '').replace('T10:', 'T11:'), timeZone: 'W. Europe Standard Time' },
      end: { dateTime: start.replace('Z', '').replace('T10:', 'T12:'), timeZone: 'W. Europe Standard Time' },
      attendees: ['julia.hoffmann@kunde-eins.de'],
    });
    graph().model.addSharedEvent([anna.mailbox, ben.mailbox], {
      subject: 'Review mit Kunde Eins',
      start: inDays(5),
      end: plusHour(inDays(5)),
      attendees: ['peter.lang@kunde-eins.de'],
    });
    graph().model.addEvent(anna.mailbox, {
      subject: 'Arzttermin',
      start: inDays(2),
      end: plusHour(inDays(2)),
      sensitivity: 'private',
      attendees: ['julia.hoffmann@kunde-eins.de'],
    });
    graph().model.addEvent(anna.mailbox, { subject: 'Interne Runde', start: inDays(2, 14), end: plusHour(inDays(2, 14)), attendees: [ben.email] });
    graph().model.addSeries(anna.mailbox, {
      subject: 'Jour fixe Kunde Eins',
      start: inDays(-7, 8),
      end: plusHour(inDays(-7, 8)),
      attendees: ['julia.hoffmann@kunde-eins.de'],
      recurrence: { type: 'weekly', occurrences: 3 },
    });
    const service = world.service();
    const results = await service.runNow(world.tenantId, { userId: anna.actor.userId });
    const benResults = await service.runNow(world.tenantId, { userId: ben.actor.userId });
    expect([...results, ...benResults].map((r) => r.outcome)).toEqual(['synced', 'synced']);
    expect(results[0]!.pages).toBeGreaterThan(1);

    const meetings = await meetingsOf(world.db, world.tenantId, kunde.accountId);
    expect(meetings.map((m) => m.subject).sort()).toEqual([
      'Angebotsbesprechung',
      'Jour fixe Kunde Eins',
      'Jour fixe Kunde Eins',
      'Jour fixe Kunde Eins',
      'Review mit Kunde Eins',
    ]);
    const offer = meetings.find((m) => m.subject === 'Angebotsbesprechung')!;
    // 11:00 Berlin time is 10:00 UTC in winter and 09:00 UTC in summer.
    expect([9, 10]).toContain(new Date(offer.occurred_at).getUTCHours());
    expect(meetings.find((m) => m.subject === 'Review mit Kunde Eins')!.loggers).toBe(2);
    const row = await syncRow(world.db, world.tenantId, anna.actor.userId, 'calendar');
    expect(row).toMatchObject({ status: 'active', stage: 'incremental', next_link: null, failure_count: 0 });
    expect(row.delta_link).toBeTruthy();
  });

  it('moves updated meetings, marks cancelled and deleted ones, and needs one request when nothing changed', async () => {
    const carla = await world.employee('Carla Stein');
    const kunde = await world.customer('Kunde Zwei AG', 'kunde-zwei.de', ['eva.maier']);
    const moved = graph().model.addEvent(carla.mailbox, {
      subject: 'Technik-Workshop',
      start: inDays(4),
      end: plusHour(inDays(4)),
      attendees: ['eva.maier@kunde-zwei.de'],
    });
    const cancelled = graph().model.addEvent(carla.mailbox, {
      subject: 'Werksbesuch',
      start: inDays(6),
      end: plusHour(inDays(6)),
      attendees: ['eva.maier@kunde-zwei.de'],
    });
    const deleted = graph().model.addEvent(carla.mailbox, {
      subject: 'Telefonat Planung',
      start: inDays(7),
      end: plusHour(inDays(7)),
      attendees: ['eva.maier@kunde-zwei.de'],
    });
    const service = world.service();
    await service.runNow(world.tenantId, { userId: carla.actor.userId });

    graph().resetStats();
    const unchanged = await service.runNow(world.tenantId, { userId: carla.actor.userId });
    expect(unchanged[0]).toMatchObject({ outcome: 'synced', requests: 1, created: 0, updated: 0, removed: 0 });
    expect(graph().countRequests({ mailbox: carla.mailbox })).toBe(1);

    graph().model.updateEvent(carla.mailbox, moved.id, { start: inDays(8), end: plusHour(inDays(8)) });
    graph().model.cancelEvent(carla.mailbox, cancelled.id, { keep: true });
    graph().model.deleteEvent(carla.mailbox, deleted.id);
    const changed = await service.runNow(world.tenantId, { userId: carla.actor.userId });
    expect(changed[0]).toMatchObject({ outcome: 'synced', created: 0 });
    const meetings = await meetingsOf(world.db, world.tenantId, kunde.accountId);
    expect(meetings.map((m) => [m.subject, m.status])).toEqual([
      ['Werksbesuch', 'cancelled'],
      ['Telefonat Planung', 'cancelled'],
      ['Technik-Workshop', null],
    ]);
    expect(new Date(meetings[2]!.occurred_at).toISOString()).toBe(inDays(8));
    // The timeline copy moved with it.
    const link = await world.db.query<{ occurred_at: Date }>(`SELECT occurred_at FROM interaction_accounts WHERE tenant_id = $1 AND interaction_id = $2`, [
      world.tenantId,
      meetings[2]!.id,
    ]);
    expect(new Date(link[0]!.occurred_at).toISOString()).toBe(inDays(8));
  });

  it('stores a meeting two mailboxes sync at the same moment once, linked to both', async () => {
    const ina = await world.employee('Ina Vogt');
    const jan = await world.employee('Jan Brandt');
    const kunde = await world.customer('Gleichzeitig GmbH', 'gleichzeitig.de', ['olaf.weiss']);
    for (let i = 0; i < 12; i++) {
      graph().model.addSharedEvent([ina.mailbox, jan.mailbox], {
        subject: `Gemeinsamer Termin ${i + 1}`,
        start: inDays(10 + i),
        end: plusHour(inDays(10 + i)),
        attendees: ['olaf.weiss@gleichzeitig.de'],
      });
    }
    const [a, b] = await Promise.all([
      world.service().runNow(world.tenantId, { userId: ina.actor.userId }),
      world.service().runNow(world.tenantId, { userId: jan.actor.userId }),
    ]);
    expect([a[0]!.outcome, b[0]!.outcome]).toEqual(['synced', 'synced']);
    expect(a[0]!.created + b[0]!.created).toBe(12);
    const meetings = await meetingsOf(world.db, world.tenantId, kunde.accountId);
    expect(meetings).toHaveLength(12);
    expect(meetings.every((m) => m.loggers === 2)).toBe(true);
    const links = await world.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graph_items WHERE tenant_id = $1 AND kind = 'event' AND user_id = ANY($2::uuid[])`,
      [world.tenantId, [ina.actor.userId, jan.actor.userId]],
    );
    expect(links[0]!.n).toBe(24);
  });

  it('keeps a meeting another mailbox still shows when one attendee deletes it', async () => {
    const dora = await world.employee('Dora Klein');
    const emil = await world.employee('Emil Roth');
    const kunde = await world.customer('Kunde Drei KG', 'kunde-drei.de', ['frank.ott']);
    const [inDora] = graph().model.addSharedEvent([dora.mailbox, emil.mailbox], {
      subject: 'Jahresgespräch',
      start: inDays(9),
      end: plusHour(inDays(9)),
      attendees: ['frank.ott@kunde-drei.de'],
    });
    const service = world.service();
    await service.runNow(world.tenantId, { userId: dora.actor.userId });
    await service.runNow(world.tenantId, { userId: emil.actor.userId });
    graph().model.deleteEvent(dora.mailbox, inDora!.id);
    await service.runNow(world.tenantId, { userId: dora.actor.userId });
    expect((await meetingsOf(world.db, world.tenantId, kunde.accountId)).map((m) => [m.subject, m.status, m.loggers])).toEqual([['Jahresgespräch', null, 1]]);
  });
});
