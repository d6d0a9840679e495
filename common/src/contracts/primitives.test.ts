// The shared primitives refuse what PostgreSQL cannot store as sent, instead of failing later or storing it altered.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CustomFields, IsoDate, IsoDateTime, NonEmptyText, PageQuery, Text } from './primitives';

const messages = (result: { success: boolean; error?: { issues: { message: string; path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]);

describe('Text', () => {
  it('refuses NUL anywhere, also where trimming would have removed it', () => {
    for (const value of ['a\u0000b', '\u0000', ' x\u0000']) {
      expect(messages(NonEmptyText(100).safeParse(value)), JSON.stringify(value)).toContainEqual(['', 'must not contain the NUL character (U+0000)']);
    }
  });

  it('refuses unpaired surrogates, keeps a pair as it is', () => {
    for (const value of ['a\ud800b', 'a\udc00b', '\udc00\ud800', 'end\ud83d']) {
      expect(messages(Text.safeParse(value)), JSON.stringify(value)).toEqual([['', 'must not contain an unpaired UTF-16 surrogate (U+D800 to U+DFFF)']]);
    }
    expect(Text.parse('Grüße 😀 \ud83d\ude00')).toBe('Grüße 😀 😀');
  });

  it('lets the other control characters through unchanged', () => {
    expect(Text.parse('tab\there\u0001')).toBe('tab\there\u0001');
  });
});

describe('IsoDate and IsoDateTime', () => {
  it('take dates from 1900-01-01 to 9999-12-31 only', () => {
    for (const date of ['1900-01-01', '2026-02-28', '9999-12-31']) expect(IsoDate.parse(date)).toBe(date);
    for (const date of ['0000-01-01', '0001-01-01', '1899-12-31']) {
      expect(messages(IsoDate.safeParse(date)), date).toEqual([['', 'must be between 1900-01-01 and 9999-12-31']]);
    }
  });

  it('bound the instant, so an offset cannot carry it out of range', () => {
    for (const value of ['1900-01-01T00:00:00Z', '1900-01-01T01:00:00+01:00', '9999-12-31T23:59:59.999999Z', '9999-12-31T12:00:00-11:00']) {
      expect(IsoDateTime.parse(value)).toBe(value);
    }
    for (const value of ['0000-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '1900-01-01T00:00:00+00:01', '9999-12-31T23:59:59-14:00']) {
      expect(messages(IsoDateTime.safeParse(value)), value).toEqual([['', 'must be between 1900-01-01 and 9999-12-31 (in UTC)']]);
    }
  });

  it('state their range in the OpenAPI document, which has no keyword for it', () => {
    expect(z.toJSONSchema(IsoDate).description).toBe('ISO 8601 date, from 1900-01-01 to 9999-12-31');
    expect(z.toJSONSchema(IsoDateTime).description).toBe('ISO 8601 date-time with offset, from 1900-01-01 to 9999-12-31 in UTC');
  });

  it('say only that the format is wrong when it is', () => {
    expect(messages(IsoDate.safeParse('0000-13-01'))).toHaveLength(1);
    expect(messages(IsoDateTime.safeParse('2026-01-01T00:00:00+99:99'))).toEqual([['', 'Invalid ISO datetime']]);
  });
});

describe('CustomFields', () => {
  it('refuses the keys that reach the prototype, including a "__proto__" that JSON.parse made an own key', () => {
    const parsed: unknown = JSON.parse('{"__proto__": "x", "constructor": 1, "prototype": true, "colour": "blue"}');
    expect(messages(CustomFields.safeParse(parsed))).toEqual([
      ['__proto__', 'is a reserved name; choose another key'],
      ['constructor', 'is a reserved name; choose another key'],
      ['prototype', 'is a reserved name; choose another key'],
    ]);
  });

  it('refuses NUL in keys and values and keeps everything else as sent', () => {
    expect(CustomFields.safeParse({ 'k\u0000': 'x' }).success).toBe(false);
    expect(messages(CustomFields.safeParse({ k: 'a\u0000b' }))).toContainEqual(['k', 'must not contain the NUL character (U+0000)']);
    expect(CustomFields.parse({ proto: 'x', Constructor: 2, ' spaced ': null })).toEqual({ proto: 'x', Constructor: 2, ' spaced ': null });
  });
});

describe('PageQuery', () => {
  it('takes the cursor of a name as long as the contracts allow, in its worst JSON escaping', () => {
    const key = JSON.stringify(['\u0001'.repeat(200), '00000000-0000-4000-8000-000000000000']);
    const cursor = Buffer.from(key).toString('base64url');
    expect(cursor.length).toBeGreaterThan(500);
    expect(PageQuery.parse({ cursor }).cursor).toBe(cursor);
  });
});
