// A cursor is only ever the sort key this API wrote; any other value would reach SQL casts and fail there.
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { decodeCursor, encodeCursor, isListCursor, pageOfList, type CursorPart } from './paging';

const id = '5b5928e2-036e-4d20-93ca-ad4a36555a08';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

const refusal = (cursor: string, shape: readonly CursorPart[]) => {
  try {
    decodeCursor(cursor, shape);
  } catch (error) {
    return error instanceof DomainError ? { kind: error.kind, field: error.field, location: error.location } : error;
  }
  return 'accepted';
};

describe('decodeCursor', () => {
  it('gives back the key of every cursor the stores write', () => {
    const keys: [readonly CursorPart[], string[]][] = [
      [
        ['text', 'uuid'],
        ['acme gmbh', id],
      ],
      [
        ['text', 'text', 'uuid'],
        ['müller', '', id],
      ],
      [
        ['date', 'uuid'],
        ['2026-12-02', id],
      ],
      [
        ['timestamp', 'uuid'],
        ['2026-12-02T05:01:02.123456Z', id],
      ],
      // Stored before dates were bounded, or synced: paging must still get past such rows.
      [
        ['date', 'uuid'],
        ['1850-06-30', id],
      ],
      [
        ['text', 'uuid'],
        ['\u0001'.repeat(200), id],
      ],
    ];
    for (const [shape, key] of keys) expect(decodeCursor(encodeCursor(key), shape)).toEqual(key);
    expect(decodeCursor(undefined, ['text', 'uuid'])).toBeNull();
  });

  it('answers anything else with a 400 naming the cursor query parameter', () => {
    const crafted: [readonly CursorPart[], unknown][] = [
      [
        ['text', 'uuid'],
        ['x', 'y'],
      ],
      [
        ['text', 'uuid'],
        [1, 2],
      ],
      [
        ['text', 'uuid'],
        [null, id],
      ],
      [
        ['text', 'uuid'],
        [{}, []],
      ],
      [
        ['text', 'uuid'],
        ['a\u0000b', id],
      ],
      [
        ['text', 'uuid'],
        ['a\ud800', id],
      ],
      [
        ['text', 'uuid'],
        ['x', id, 'extra'],
      ],
      [
        ['text', 'text', 'uuid'],
        ['x', 'y', 'z'],
      ],
      [
        ['date', 'uuid'],
        ['x', id],
      ],
      [
        ['date', 'uuid'],
        ['0000-01-01', id],
      ],
      [
        ['date', 'uuid'],
        ['2026-02-30', id],
      ],
      [
        ['date', 'uuid'],
        ['2026-12-02T00:00:00Z', id],
      ],
      [
        ['timestamp', 'uuid'],
        ['0000-01-01T00:00:00.000000Z', id],
      ],
      [
        ['timestamp', 'uuid'],
        ['2026-13-45T00:00:00.000000Z', id],
      ],
      [
        ['timestamp', 'uuid'],
        ['2026-12-02', id],
      ],
      [
        ['timestamp', 'uuid'],
        [1764651662000, id],
      ],
      [['text', 'uuid'], { 0: 'x', 1: id, length: 2 }],
      [['text', 'uuid'], 'x'],
    ];
    for (const [shape, key] of crafted) {
      expect(refusal(cursorOf(key), shape), JSON.stringify(key)).toEqual({ kind: 'invalid', field: 'cursor', location: 'query' });
    }
    for (const cursor of ['bogus', 'WyJ4Ii', '%%%', Buffer.from([0xff, 0xfe]).toString('base64url')]) {
      expect(refusal(cursor, ['text', 'uuid']), cursor).toEqual({ kind: 'invalid', field: 'cursor', location: 'query' });
    }
  });

  it('refuses the example from the issue on every sort key', () => {
    expect(Buffer.from('WyJ4IiwieSJd', 'base64url').toString()).toBe('["x","y"]');
    for (const shape of [
      ['text', 'uuid'],
      ['text', 'text', 'uuid'],
      ['date', 'uuid'],
      ['timestamp', 'uuid'],
    ] as const) {
      expect(refusal('WyJ4IiwieSJd', shape)).toEqual({ kind: 'invalid', field: 'cursor', location: 'query' });
    }
  });
});

describe('isListCursor', () => {
  it('tells a cursor of a list paged in memory from a keyset cursor and from anything else', () => {
    const id = '7c1d5a3e-2f4b-4c6d-9e8f-0a1b2c3d4e5f';
    const listed = pageOfList([{ id }, { id: id.replace('7c', '8c') }], (x) => x.id, 1, undefined).nextCursor!;
    expect(isListCursor(listed)).toBe(true);
    expect(isListCursor(encodeCursor(['keller', 'karl', id]))).toBe(false);
    expect(isListCursor(encodeCursor(['not an id', '1']))).toBe(false);
    expect(isListCursor('%%%')).toBe(false);
  });
});

describe('pageOfList', () => {
  const ids = Array.from({ length: 7 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);
  const all = (items: readonly string[], limit: number) => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = pageOfList(items, (x) => x, limit, cursor);
      seen.push(...page.rows);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return seen;
  };

  it('walks a list in pages, the last one without a cursor', () => {
    expect(all(ids, 3)).toEqual(ids);
    expect(pageOfList(ids, (x) => x, 7, undefined).nextCursor).toBeNull();
    expect(pageOfList([], (x: string) => x, 3, undefined)).toEqual({ rows: [], nextCursor: null });
  });

  it('continues after the last item shown when the list changed in between, at its position when it left', () => {
    const first = pageOfList(ids, (x) => x, 3, undefined);
    expect(first.rows).toEqual(ids.slice(0, 3));
    // Two items came in before it: the next page still starts after ids[2].
    const grown = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000a2', ...ids];
    expect(pageOfList(grown, (x) => x, 3, first.nextCursor ?? undefined).rows).toEqual(ids.slice(3, 6));
    // ids[2] itself left: from the same position.
    const shrunk = ids.filter((x) => x !== ids[2]);
    expect(pageOfList(shrunk, (x) => x, 3, first.nextCursor ?? undefined).rows).toEqual(shrunk.slice(3, 6));
    expect(pageOfList(ids.slice(0, 2), (x) => x, 3, first.nextCursor ?? undefined)).toEqual({ rows: [], nextCursor: null });
  });

  it('refuses a cursor it did not write, naming the cursor', () => {
    for (const cursor of [cursorOf([ids[0], '0']), cursorOf([ids[0], '-1']), cursorOf([ids[0], '1e3']), cursorOf([ids[0]]), 'x'])
      expect(() => pageOfList(ids, (x) => x, 3, cursor)).toThrow(expect.objectContaining({ kind: 'invalid', field: 'cursor' }));
  });
});
