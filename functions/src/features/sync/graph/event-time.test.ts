import { describe, expect, it } from 'vitest';
import { toUtc } from './event-time';

describe('Graph event times to UTC', () => {
  it('reads UTC, Windows and IANA zones, across daylight saving', () => {
    expect(toUtc({ dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' }).toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(toUtc({ dateTime: '2026-01-15T09:30:00.0000000', timeZone: 'W. Europe Standard Time' }).toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:30:00', timeZone: 'W. Europe Standard Time' }).toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:30:00', timeZone: 'America/New_York' }).toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(toUtc({ dateTime: '2026-10-25T12:00:00', timeZone: 'Europe/Berlin' }).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('refuses unknown zones and unreadable values instead of guessing', () => {
    expect(() => toUtc({ dateTime: '2026-01-15T09:30:00', timeZone: 'Atlantis Standard Time' })).toThrow(/unknown time zone/);
    expect(() => toUtc({ dateTime: 'yesterday', timeZone: 'UTC' })).toThrow(/unreadable/);
  });
});
