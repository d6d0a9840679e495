// The calendarView window moves with time; meetings that leave it are history, not cancellations (issue #11). The sync's
// clock and the fake's model share one simulated time, so weeks pass without waiting.
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { FakeGraphModel } from '../fake-graph/model';
import { describeEachDatabase } from '../support/databases';
import { type SyncWorld, createSyncWorld, meetingsOf, useFakeGraph } from '../support/sync-harness';

const DAY = 86_400_000;
let simulated = Date.now();
const clock = { now: () => simulated };
// Tokens are reckoned in the model's time too; one that lives a year outlasts the simulated weeks.
const graph = useFakeGraph({ model: new FakeGraphModel({ now: clock.now }), tokenLifetimeSeconds: 365 * 86_400 });

/** An ISO instant `days` from the simulated now, at 10:00 UTC. */
const at = (days: number, hour = 10) => {
  const d = new Date(simulated + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
const hourLater = (iso: string) => new Date(Date.parse(iso) + 3_600_000).toISOString();

describeEachDatabase('calendar window', (getDb) => {
  let world: SyncWorld;
  let n = 0;
  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
  });
  beforeEach(() => {
    simulated = Date.now();
  });

  const setup = async () => {
    n++;
    const who = await world.employee(`Fenster ${n}`);
    const domain = `fenster-${n}-${who.mailbox.slice(0, 6)}.de`;
    const customer = await world.customer(`Fenster ${n} GmbH`, domain, ['lea.brandt']);
    const meeting = (subject: string, days: number) =>
      graph().model.addEvent(who.mailbox, { subject, start: at(days), end: hourLater(at(days)), attendees: [`lea.brandt@${domain}`] });
    const run = async (filter: { full?: boolean } = {}) => {
      const [result] = await world.service({ clock }).runNow(world.tenantId, { userId: who.actor.userId, ...filter });
      expect(result).toMatchObject({ outcome: 'synced' });
      return result!;
    };
    const timeline = async () =>
      (await meetingsOf(world.db, world.tenantId, customer.accountId)).map((m) => ({ subject: m.subject, status: m.status, loggers: m.loggers }));
    return { ...who, ...customer, meeting, run, timeline };
  };

  it('keeps a past meeting as it was while the window moves past it over simulated weeks', async () => {
    const who = await setup();
    who.meeting('Vertragsabschluss', -30);
    const later = who.meeting('Nachbesprechung', 21);
    await who.run();
    expect(await who.timeline()).toEqual([
      { subject: 'Vertragsabschluss', status: null, loggers: 1 },
      { subject: 'Nachbesprechung', status: null, loggers: 1 },
    ]);
    // Fourteen weeks: the default 90 days back lose the first meeting after about nine; every run is a fresh pass
    // over the moved window. The second meeting is deleted in week two, inside the window.
    for (let week = 1; week <= 14; week++) {
      simulated += 7 * DAY + 3_600_000;
      if (week === 2) graph().model.deleteEvent(who.mailbox, later.id);
      await who.run();
      expect(await who.timeline()).toEqual([
        { subject: 'Vertragsabschluss', status: null, loggers: 1 },
        { subject: 'Nachbesprechung', status: week >= 2 ? 'cancelled' : null, loggers: week >= 2 ? 0 : 1 },
      ]);
    }
  });

  it('keeps history outside the window on a requested full pass and on a 410 recovery', async () => {
    const who = await setup();
    who.meeting('Alte Schulung', -88);
    who.meeting('Gestrichen', 10);
    const deleted = who.meeting('Entfällt', 12);
    await who.run();
    // Five days on, the window (90 days back) starts after the first meeting, yet the delta link is still current.
    simulated += 5 * DAY;
    graph().model.deleteEvent(who.mailbox, deleted.id);
    const full = await who.run({ full: true });
    expect(full.removed).toBe(1);
    graph().model.invalidateDeltaTokens(who.mailbox);
    await who.run();
    expect(await who.timeline()).toEqual([
      { subject: 'Alte Schulung', status: null, loggers: 1 },
      { subject: 'Gestrichen', status: null, loggers: 1 },
      { subject: 'Entfällt', status: 'cancelled', loggers: 0 },
    ]);
  });

  it('moves a meeting rescheduled beyond the window instead of cancelling it', async () => {
    const who = await setup();
    const moved = who.meeting('Jahresplanung', 10);
    await who.run();
    // Beyond the 365 days ahead: the delta reports it @removed, as an event that left the view.
    graph().model.updateEvent(who.mailbox, moved.id, { start: at(400), end: hourLater(at(400)) });
    graph().resetStats();
    await who.run();
    expect(graph().requests.some((r) => r.path.endsWith(`/events/${moved.id}`))).toBe(true);
    const [meeting] = await meetingsOf(world.db, world.tenantId, who.accountId);
    expect({ subject: meeting!.subject, status: meeting!.status, at: new Date(meeting!.occurred_at).toISOString() }).toEqual({
      subject: 'Jahresplanung',
      status: null,
      at: at(400),
    });
  });

  it('cancels a meeting deleted inside the window in an incremental round', async () => {
    const who = await setup();
    const gone = who.meeting('Abgesagt', 4);
    await who.run();
    graph().model.deleteEvent(who.mailbox, gone.id);
    const round = await who.run();
    expect(round.removed).toBe(1);
    expect(await who.timeline()).toEqual([{ subject: 'Abgesagt', status: 'cancelled', loggers: 0 }]);
  });
});
