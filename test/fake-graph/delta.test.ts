// Delta rounds against the fake: paging, deltaLinks that return exactly the changes, @removed, windows, series and time zones.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { drainDelta, fetchToken, graphCaller } from './harness';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from './server';
import { FakeGraphModel } from './model';
import { toUtcMs } from './time-zones';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const WINDOW = `startDateTime=2026-09-01T00:00:00Z&endDateTime=2027-12-01T00:00:00Z`;
const PAGE10 = { prefer: 'odata.maxpagesize=10' };

let fg: FakeGraph;
let call: ReturnType<typeof graphCaller>;
let untrust: () => void;
let model: FakeGraphModel;
let mailboxSeq = 0;
let mbx: string;

beforeAll(async () => {
  fg = await startFakeGraph({ model: new FakeGraphModel({ now: () => NOW }) });
  untrust = trustFakeGraphCert(fg.certPem);
  call = graphCaller(fg, await fetchToken(fg));
  model = fg.model;
});
afterAll(async () => {
  untrust();
  await fg.close();
});
beforeEach(() => {
  mailboxSeq += 1;
  mbx = `user${mailboxSeq}@rheinwerk-maschinenbau.de`;
  model.addMailbox({ email: mbx });
});

const seed = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    model.addEvent(mbx, {
      subject: `Meeting ${i}`,
      start: new Date(NOW + i * 3_600_000).toISOString(),
      end: new Date(NOW + i * 3_600_000 + 1_800_000).toISOString(),
      attendees: ['julia.hoffmann@hoffmann-antriebstechnik.de'],
    }),
  );

describe('calendarView delta', () => {
  it('pages with nextLink, ends with a deltaLink, and honours Prefer odata.maxpagesize', async () => {
    seed(25);
    const first = await call('GET', `/users/${mbx}/calendarView/delta?${WINDOW}`, { headers: PAGE10 });
    expect(first.status).toBe(200);
    expect(first.headers.get('preference-applied')).toBe('odata.maxpagesize=10');
    expect(first.body.value).toHaveLength(10);
    expect(first.body['@odata.nextLink']).toMatch(new RegExp(`^${fg.url}/v1.0/users/.+/calendarView/delta\\?\\$skiptoken=`));
    const round = await drainDelta(call, first.body['@odata.nextLink'] as string, PAGE10);
    expect(round.pages).toBe(2);
    expect(round.items).toHaveLength(15);
    expect(round.deltaLink).toContain('$deltatoken=');
  });

  it('uses a default page size of 10 without a Prefer header', async () => {
    seed(12);
    const reply = await call('GET', `/users/${mbx}/calendarView/delta?${WINDOW}`);
    expect(reply.body.value).toHaveLength(10);
    expect(reply.headers.get('preference-applied')).toBeNull();
  });

  it('returns exactly the changes since the deltaLink, with @removed for deletions and organiser cancellations', async () => {
    const events = seed(8);
    const initial = await drainDelta(call, `/users/${mbx}/calendarView/delta?${WINDOW}`, PAGE10);
    expect(initial.items).toHaveLength(8);

    model.updateEvent(mbx, events[0]!.id, { subject: 'Moved' });
    model.deleteEvent(mbx, events[1]!.id);
    model.cancelEvent(mbx, events[2]!.id);
    model.cancelEvent(mbx, events[3]!.id, { keep: true });
    const added = model.addEvent(mbx, { subject: 'New', start: new Date(NOW).toISOString(), end: new Date(NOW + 60_000).toISOString() });

    const changes = await drainDelta(call, initial.deltaLink);
    expect(changes.pages).toBe(1);
    expect(changes.items.map((i) => [i.id, i['@removed'] ?? i.subject])).toEqual([
      [events[0]!.id, 'Moved'],
      [events[1]!.id, { reason: 'deleted' }],
      [events[2]!.id, { reason: 'deleted' }],
      [events[3]!.id, `Canceled: ${events[3]!.subject}`],
      [added.id, 'New'],
    ]);
    expect(changes.items[3]!.isCancelled).toBe(true);
    expect(changes.items[1]).toEqual({ '@odata.type': '#microsoft.graph.event', id: events[1]!.id, '@removed': { reason: 'deleted' } });

    const none = await call('GET', changes.deltaLink);
    expect(none.body.value).toEqual([]);
    expect(none.body['@odata.deltaLink']).toBeDefined();
    // a deltaLink can be replayed (e.g. after a crash before it was stored) and gives the same changes
    expect((await drainDelta(call, initial.deltaLink)).items).toHaveLength(5);
  });

  it('keeps nextLink pages stable while the mailbox changes, and the next round carries the change', async () => {
    const events = seed(20);
    const first = await call('GET', `/users/${mbx}/calendarView/delta?${WINDOW}`, { headers: PAGE10 });
    model.updateEvent(mbx, events[15]!.id, { subject: 'Changed mid-round' });
    model.deleteEvent(mbx, events[16]!.id);
    const rest = await drainDelta(call, first.body['@odata.nextLink'] as string, PAGE10);
    const all = [...(first.body.value as Record<string, unknown>[]), ...rest.items];
    expect(new Set(all.map((i) => i.id)).size).toBe(20);
    expect(all.find((i) => i.id === events[15]!.id)!.subject).toBe('Meeting 15');
    const next = await drainDelta(call, rest.deltaLink);
    expect(next.items.map((i) => i.id)).toEqual([events[15]!.id, events[16]!.id]);
  });

  it('filters by the window and reports an event moved out of it as removed', async () => {
    const inside = model.addEvent(mbx, { subject: 'Inside', start: '2026-12-01T10:00:00Z', end: '2026-12-01T11:00:00Z' });
    model.addEvent(mbx, { subject: 'Outside', start: '2028-01-01T10:00:00Z', end: '2028-01-01T11:00:00Z' });
    const initial = await drainDelta(call, `/users/${mbx}/calendarView/delta?${WINDOW}`);
    expect(initial.items.map((i) => i.subject)).toEqual(['Inside']);
    model.updateEvent(mbx, inside.id, { start: '2028-02-01T10:00:00Z', end: '2028-02-01T11:00:00Z' });
    const changes = await drainDelta(call, initial.deltaLink);
    expect(changes.items).toEqual([expect.objectContaining({ id: inside.id, '@removed': { reason: 'deleted' } })]);
  });

  it('expands a series into occurrences with their own iCalUId; a changed occurrence becomes an exception', async () => {
    const { master, occurrences } = model.addSeries(mbx, {
      subject: 'Jour fixe',
      start: { dateTime: '2027-03-22T09:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2027-03-22T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      recurrence: { type: 'weekly', occurrences: 3 },
    });
    const initial = await drainDelta(call, `/users/${mbx}/calendarView/delta?${WINDOW}`);
    expect(initial.items.map((i) => i.type)).toEqual(['occurrence', 'occurrence', 'occurrence']);
    expect(initial.items.every((i) => i.seriesMasterId === master.id)).toBe(true);
    expect(new Set(initial.items.map((i) => i.iCalUId)).size).toBe(3);
    // across the DST change on 28 March the local time stays 09:00, so the UTC instant moves by an hour
    expect(occurrences.map((o) => new Date(toUtcMs(o.start)).toISOString())).toEqual([
      '2027-03-22T08:00:00.000Z',
      '2027-03-29T07:00:00.000Z',
      '2027-04-05T07:00:00.000Z',
    ]);

    model.updateEvent(mbx, occurrences[1]!.id, { subject: 'Jour fixe (verschoben)' });
    model.cancelEvent(mbx, occurrences[2]!.id);
    const changes = await drainDelta(call, initial.deltaLink);
    expect(changes.items.map((i) => i.type ?? i['@removed'])).toEqual(['exception', { reason: 'deleted' }]);
    const masterReply = await call('GET', `/users/${mbx}/events/${master.id}`);
    expect(masterReply.body).toMatchObject({ type: 'seriesMaster', recurrence: { pattern: { type: 'weekly', interval: 1 } } });
  });

  it('returns times in the event time zone unless Prefer outlook.timezone asks otherwise', async () => {
    model.addEvent(mbx, {
      subject: 'Berlin',
      start: { dateTime: '2027-01-15T10:00:00.0000000', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2027-01-15T11:00:00.0000000', timeZone: 'W. Europe Standard Time' },
    });
    const native = await drainDelta(call, `/users/${mbx}/calendarView/delta?${WINDOW}`);
    expect(native.items[0]!.start).toEqual({ dateTime: '2027-01-15T10:00:00.0000000', timeZone: 'W. Europe Standard Time' });
    const utc = await call('GET', `/users/${mbx}/calendarView/delta?${WINDOW}`, { headers: { prefer: 'outlook.timezone="UTC"' } });
    expect((utc.body.value as Record<string, unknown>[])[0]!.start).toEqual({ dateTime: '2027-01-15T09:00:00.0000000', timeZone: 'UTC' });
    expect(utc.headers.get('preference-applied')).toBe('outlook.timezone="UTC"');
  });

  it('answers 410 SyncStateNotFound for delta and skip tokens after the sync state is dropped', async () => {
    seed(15);
    const first = await call('GET', `/users/${mbx}/calendarView/delta?${WINDOW}`, { headers: PAGE10 });
    const rest = await drainDelta(call, first.body['@odata.nextLink'] as string, PAGE10);
    model.invalidateDeltaTokens(mbx);
    for (const link of [rest.deltaLink, first.body['@odata.nextLink'] as string]) {
      const reply = await call('GET', link);
      expect(reply.status).toBe(410);
      expect(reply.body.error).toMatchObject({ code: 'SyncStateNotFound' });
    }
    expect((await drainDelta(call, `/users/${mbx}/calendarView/delta?${WINDOW}`, { prefer: 'odata.maxpagesize=50' })).items).toHaveLength(15);
  });

  it('requires the window on the first call', async () => {
    const reply = await call('GET', `/users/${mbx}/calendarView/delta`);
    expect(reply.status).toBe(400);
  });
});

describe('contacts', () => {
  it('creates a CRM folder, writes contacts into it and tracks them with folder delta', async () => {
    const folder = await call('POST', `/users/${mbx}/contactFolders`, { body: { displayName: 'CRM' } });
    expect(folder.status).toBe(201);
    expect((await call('POST', `/users/${mbx}/contactFolders`, { body: { displayName: 'CRM' } })).status).toBe(409);
    const listed = await call('GET', `/users/${mbx}/contactFolders?$filter=displayName eq 'CRM'`);
    expect(listed.body.value).toEqual([folder.body]);

    const base = `/users/${mbx}/contactFolders/${folder.body.id as string}/contacts`;
    const created = await call('POST', base, {
      body: {
        givenName: 'Julia',
        surname: 'Hoffmann',
        emailAddresses: [{ address: 'julia.hoffmann@hoffmann-antriebstechnik.de', name: 'Julia Hoffmann' }],
        companyName: 'Hoffmann Antriebstechnik GmbH',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ displayName: 'Julia Hoffmann', parentFolderId: folder.body.id });
    const initial = await drainDelta(call, `${base}/delta`);
    expect(initial.items.map((i) => i.id)).toEqual([created.body.id]);

    const patched = await call('PATCH', `${base}/${created.body.id as string}`, { body: { jobTitle: 'Einkaufsleiterin' } });
    expect(patched.body.jobTitle).toBe('Einkaufsleiterin');
    expect(patched.body.changeKey).not.toBe(created.body.changeKey);
    model.addContact(mbx, { givenName: 'Default', surname: 'Folder', emailAddresses: ['x@example.com'] });
    expect((await call('DELETE', `${base}/${created.body.id as string}`)).status).toBe(204);
    const changes = await drainDelta(call, initial.deltaLink);
    expect(changes.items.map((i) => i['@removed'] ?? i.jobTitle)).toEqual([{ reason: 'deleted' }]);
    expect((await call('GET', `${base}/${created.body.id as string}`)).status).toBe(404);
  });

  it('serves contact delta on the default folder by its id, and not on the undocumented /contacts/delta', async () => {
    const c = model.addContact(mbx, { givenName: 'Lena', surname: 'Vogt', emailAddresses: ['lena.vogt@hoffmann-antriebstechnik.de'] });
    expect((await call('GET', `/users/${mbx}/contacts/delta`)).status).toBe(400);
    const round = await drainDelta(call, `/users/${mbx}/contactFolders/${model.mailbox(mbx).defaultFolderId}/contacts/delta`);
    expect(round.items).toEqual([
      expect.objectContaining({
        id: c.id,
        displayName: 'Lena Vogt',
        emailAddresses: [{ address: 'lena.vogt@hoffmann-antriebstechnik.de', name: 'Lena Vogt' }],
      }),
    ]);
    model.updateContact(mbx, c.id, { mobilePhone: '+49 170 0000000' });
    expect((await drainDelta(call, round.deltaLink)).items).toEqual([expect.objectContaining({ mobilePhone: '+49 170 0000000' })]);
  });
});
