import { describe, expect, it } from 'vitest';
import { SyncProviderError } from '../ports';
import { calendarDeltaStart, readCalendarPage, type RawEvent } from './calendar-driver';
import type { GraphApi } from './graph-api';

const LINK = 'https://graph.example/v1.0/users/0b6f/calendarView/delta?$skiptoken=abc';
const event = (id: string, over: Partial<RawEvent> = {}): RawEvent => ({
  id,
  iCalUId: `ical-${id}`,
  subject: `Termin ${id}`,
  start: { dateTime: '2026-12-01T09:00:00.0000000', timeZone: 'UTC' },
  end: { dateTime: '2026-12-01T10:00:00.0000000', timeZone: 'UTC' },
  attendees: [{ emailAddress: { address: 'kunde@example.de' } }],
  type: 'singleInstance',
  ...over,
});

/** A Graph that answers one delta page and GET /events/{id} from a table; absent ids are 404. */
function stubApi(page: unknown, events: Record<string, RawEvent>): GraphApi & { gets: string[] } {
  const gets: string[] = [];
  const get = async <T>(_tenant: string, url: string): Promise<T> => {
    gets.push(url);
    if (url === LINK) return page as T;
    const id = decodeURIComponent(url.split('/events/')[1] ?? '');
    const found = events[id];
    if (!found) throw new SyncProviderError({ kind: 'not_found', status: 404, message: 'ErrorItemNotFound' });
    return found as T;
  };
  const unused = () => Promise.reject(new Error('not used'));
  return { get, post: unused, patch: unused, delete: unused, stats: { requests: new Map(), peak: new Map() }, gets };
}

describe('calendar driver', () => {
  it('asks calendarView delta for the window without $select', () => {
    const url = calendarDeltaStart('0b6f', new Date('2026-09-01T00:00:00Z'), new Date('2027-12-01T00:00:00Z'));
    expect(url).toBe('/users/0b6f/calendarView/delta?startDateTime=2026-09-01T00:00:00.000Z&endDateTime=2027-12-01T00:00:00.000Z');
  });

  it('tells a deleted event from one that moved away, drops series masters, and lists what it cannot read', async () => {
    const removed = { id: 'gone', '@removed': { reason: 'deleted' } };
    const page = {
      value: [
        event('custom', { start: { dateTime: '2026-12-01T09:00:00', timeZone: 'Customized Time Zone' } }),
        { id: 'moved', '@removed': { reason: 'deleted' } },
        removed,
        { id: 'master', '@removed': { reason: 'deleted' } },
      ],
      '@odata.deltaLink': 'https://graph.example/v1.0/users/0b6f/calendarView/delta?$deltatoken=d',
    };
    const api = stubApi(page, {
      moved: event('moved', { start: { dateTime: '2028-01-10T09:00:00.0000000', timeZone: 'UTC' } }),
      master: event('master', { type: 'seriesMaster' }),
    });
    const result = await readCalendarPage(api, 'tenant', LINK, 10);
    expect(api.gets.filter((u) => u.includes('/events/')).sort()).toEqual(['/users/0b6f/events/gone', '/users/0b6f/events/master', '/users/0b6f/events/moved']);
    expect(result.items.map((e) => [e.providerId, e.startsAt.toISOString()])).toEqual([['moved', '2028-01-10T09:00:00.000Z']]);
    expect(result.removed).toEqual(['gone']);
    expect(result.unreadable).toEqual([{ providerId: 'custom', reason: 'unknown time zone "Customized Time Zone"' }]);
  });
});
