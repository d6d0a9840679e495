import { describe, expect, it } from 'vitest';
import { allDayToUtc, toUtc } from './event-time';

describe('Graph event times to UTC', () => {
  it('reads UTC, Windows and IANA zones, across daylight saving', () => {
    expect(toUtc({ dateTime: '2026-03-10T09:00:00.0000000', timeZone: 'UTC' }).toISOString()).toBe('2026-03-10T09:00:00.000Z');
    expect(toUtc({ dateTime: '2026-01-15T09:30:00.0000000', timeZone: 'W. Europe Standard Time' }).toISOString()).toBe('2026-01-15T08:30:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:30:00', timeZone: 'W. Europe Standard Time' }).toISOString()).toBe('2026-07-15T07:30:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:30:00', timeZone: 'America/New_York' }).toISOString()).toBe('2026-07-15T13:30:00.000Z');
    expect(toUtc({ dateTime: '2026-10-25T12:00:00', timeZone: 'Europe/Berlin' }).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('reads Windows zones beyond the usual European ones (any zone Windows supports, as Graph documents)', () => {
    // Tasmania is UTC+11 in January (daylight saving), Nepal UTC+5:45, Newfoundland UTC-2:30 in July, Samoa UTC+13.
    expect(toUtc({ dateTime: '2026-01-15T09:00:00.0000000', timeZone: 'Tasmania Standard Time' }).toISOString()).toBe('2026-01-14T22:00:00.000Z');
    expect(toUtc({ dateTime: '2026-01-15T09:00:00.0000000', timeZone: 'Nepal Standard Time' }).toISOString()).toBe('2026-01-15T03:15:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:00:00.0000000', timeZone: 'Newfoundland Standard Time' }).toISOString()).toBe('2026-07-15T11:30:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:00:00.0000000', timeZone: 'Samoa Standard Time' }).toISOString()).toBe('2026-07-14T20:00:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:00:00.0000000', timeZone: 'Arabian Standard Time' }).toISOString()).toBe('2026-07-15T05:00:00.000Z');
    expect(toUtc({ dateTime: '2026-07-15T09:00:00.0000000', timeZone: 'E. South America Standard Time' }).toISOString()).toBe('2026-07-15T12:00:00.000Z');
  });

  it('keeps an all-day event on its calendar date whatever zone Graph gives it in', () => {
    expect(allDayToUtc({ dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'Tokyo Standard Time' }).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(allDayToUtc({ dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' }).toISOString()).toBe('2026-03-10T00:00:00.000Z');
    expect(() => allDayToUtc({ dateTime: '2026-03-10T00:00:00', timeZone: 'Customized Time Zone' })).toThrow(/unknown time zone/);
  });

  it('refuses unknown zones and unreadable values instead of guessing', () => {
    expect(() => toUtc({ dateTime: '2026-01-15T09:30:00', timeZone: 'Atlantis Standard Time' })).toThrow(/unknown time zone/);
    expect(() => toUtc({ dateTime: 'yesterday', timeZone: 'UTC' })).toThrow(/unreadable/);
  });
});
