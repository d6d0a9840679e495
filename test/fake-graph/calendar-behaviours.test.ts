// The fake's documented calendar behaviours on the wire (README.md, "Calendar (events)"): originalStart, all-day events,
// Windows zones when Prefer: outlook.timezone is ignored, an empty first delta page, @removed for an event moved away.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { drainDelta, fetchToken, graphCaller } from './harness';
import { FakeGraphModel } from './model';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const WINDOW = `startDateTime=2026-11-01T00:00:00Z&endDateTime=2027-02-01T00:00:00Z`;
const UTC = { prefer: 'outlook.timezone="UTC"' };

let fg: FakeGraph;
let call: ReturnType<typeof graphCaller>;
let untrust: () => void;
let n = 0;
let mbx: string;

beforeAll(async () => {
  fg = await startFakeGraph({ model: new FakeGraphModel({ now: () => NOW }) });
  untrust = trustFakeGraphCert(fg.certPem);
  call = graphCaller(fg, await fetchToken(fg));
});
afterAll(async () => {
  untrust();
  await fg.close();
});
beforeEach(() => {
  n += 1;
  mbx = `kalender${n}@rheinwerk-maschinenbau.de`;
  fg.model.addMailbox({ email: mbx });
});

const deltaOf = () => `/users/${encodeURIComponent(mbx)}/calendarView/delta?${WINDOW}`;
const byId = (items: Record<string, unknown>[], id: string) => items.find((i) => i.id === id)!;

it('gives occurrences and exceptions their originalStart and single instances none', async () => {
  const single = fg.model.addEvent(mbx, { subject: 'Einmal', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' });
  const { occurrences } = fg.model.addSeries(mbx, {
    subject: 'Serie',
    start: '2026-12-02T09:00:00Z',
    end: '2026-12-02T10:00:00Z',
    recurrence: { type: 'weekly', occurrences: 2 },
  });
  fg.model.updateEvent(mbx, occurrences[1]!.id, { start: '2026-12-10T15:00:00Z', end: '2026-12-10T16:00:00Z' });
  const { items } = await drainDelta(call, deltaOf(), UTC);
  expect('originalStart' in byId(items, single.id)).toBe(false);
  expect(byId(items, occurrences[0]!.id)).toMatchObject({ type: 'occurrence', originalStart: '2026-12-02T09:00:00Z' });
  expect(byId(items, occurrences[1]!.id)).toMatchObject({
    type: 'exception',
    originalStart: '2026-12-09T09:00:00Z',
    start: { dateTime: '2026-12-10T15:00:00.0000000', timeZone: 'UTC' },
  });
});

it('keeps all-day events as midnights in their own zone, and answers in Windows zones when the preference is ignored', async () => {
  const allDay = fg.model.addEvent(mbx, {
    subject: 'Messe',
    isAllDay: true,
    start: { dateTime: '2026-12-03T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
    end: { dateTime: '2026-12-04T00:00:00.0000000', timeZone: 'Tokyo Standard Time' },
  });
  const hobart = fg.model.addEvent(mbx, {
    subject: 'Hobart',
    start: { dateTime: '2026-12-05T09:00:00.0000000', timeZone: 'Tasmania Standard Time' },
    end: { dateTime: '2026-12-05T10:00:00.0000000', timeZone: 'Tasmania Standard Time' },
  });
  const honoured = await call('GET', deltaOf(), { headers: UTC });
  expect(honoured.headers.get('preference-applied')).toBe('outlook.timezone="UTC"');
  const items = honoured.body.value as Record<string, unknown>[];
  expect(byId(items, allDay.id)).toMatchObject({ isAllDay: true, start: { dateTime: '2026-12-03T00:00:00.0000000', timeZone: 'Tokyo Standard Time' } });
  // 09:00 in Hobart in December is UTC+11.
  expect(byId(items, hobart.id)).toMatchObject({ start: { dateTime: '2026-12-04T22:00:00.0000000', timeZone: 'UTC' } });

  fg.model.setCalendarQuirks(mbx, { ignoresTimeZonePreference: true });
  const ignored = await call('GET', deltaOf(), { headers: UTC });
  expect(ignored.headers.get('preference-applied')).toBeNull();
  expect(byId(ignored.body.value as Record<string, unknown>[], hobart.id)).toMatchObject({
    start: { dateTime: '2026-12-05T09:00:00.0000000', timeZone: 'Tasmania Standard Time' },
    originalStartTimeZone: 'Tasmania Standard Time',
  });
});

it('can answer the first page of a full pass empty with only a nextLink', async () => {
  fg.model.addEvent(mbx, { subject: 'Eins', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' });
  fg.model.setCalendarQuirks(mbx, { emptyFirstDeltaPage: true });
  const page = await call('GET', deltaOf(), { headers: UTC });
  expect(page.body.value).toEqual([]);
  expect(page.body['@odata.nextLink']).toBeTruthy();
  expect(page.body['@odata.deltaLink']).toBeUndefined();
  const rest = await drainDelta(call, page.body['@odata.nextLink'] as string, UTC);
  expect(rest.items.map((i) => i.subject)).toEqual(['Eins']);
});

it('reports an event moved out of the window as @removed, while GET still finds it', async () => {
  const moving = fg.model.addEvent(mbx, { subject: 'Verschoben', start: '2026-12-01T09:00:00Z', end: '2026-12-01T10:00:00Z' });
  const { deltaLink } = await drainDelta(call, deltaOf(), UTC);
  fg.model.updateEvent(mbx, moving.id, { start: '2027-06-01T09:00:00Z', end: '2027-06-01T10:00:00Z' });
  const round = await drainDelta(call, deltaLink, UTC);
  expect(round.items).toEqual([{ '@odata.type': '#microsoft.graph.event', id: moving.id, '@removed': { reason: 'deleted' } }]);
  expect((await call('GET', `/users/${encodeURIComponent(mbx)}/events/${moving.id}`)).status).toBe(200);
});
