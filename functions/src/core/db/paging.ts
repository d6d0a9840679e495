// Opaque keyset cursors: the sort key of the last row, so pages stay stable while data changes.
import { Text, Uuid } from '@crm/common';
import { z } from 'zod';
import { invalid } from '../errors';

// Year 0000 matches the ISO patterns but does not exist for PostgreSQL. Rows older than the API's own date range may
// still be stored (synced, or saved before it was enforced), so a cursor may point at them.
const notYearZero = (value: string) => !value.startsWith('0000');

/**
 * What each value of a sort key may be, in the shape the stores write it: text as stored, a uuid, a 'YYYY-MM-DD' date
 * or a UTC timestamp with microseconds. Every value reaches SQL as a parameter, most with a cast; one that does not fit its
 * cast would fail in the database and answer 500.
 */
const parts = {
  text: Text,
  uuid: Uuid,
  date: z.iso.date().refine(notYearZero),
  timestamp: z.iso.datetime({ precision: 6 }).refine(notYearZero),
} as const;

export type CursorPart = keyof typeof parts;

/** What a cursor holds, or undefined when it is not base64url JSON. */
function cursorValue(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export const encodeCursor = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The values of a cursor this API wrote for the given sort key, or null when there is none; anything else is a 400 naming cursor. */
export function decodeCursor<const Shape extends readonly CursorPart[]>(cursor: string | undefined, shape: Shape): { [K in keyof Shape]: string } | null {
  if (!cursor) return null;
  const value = cursorValue(cursor);
  if (Array.isArray(value) && value.length === shape.length && shape.every((part, i) => parts[part].safeParse(value[i]).success)) {
    return value as { [K in keyof Shape]: string };
  }
  throw invalid('cursor', 'is not a cursor this API returned', 'query');
}

/** Whether the cursor is one `pageOfList` wrote (the last item's id and its position), where a list answers both kinds. */
export function isListCursor(cursor: string): boolean {
  const value = cursorValue(cursor);
  return Array.isArray(value) && value.length === 2 && parts.uuid.safeParse(value[0]).success;
}

/** Fetch limit + 1 rows; the extra row only tells whether another page exists. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}

/**
 * A page of a list computed in memory, where the sort key cannot be compared outside the database that sorted it (its
 * collation). The cursor holds the last item's id and the position after it: the next page starts there when that item
 * is still in place, else after wherever it moved, and only when it left the list at the same position.
 */
export function pageOfList<T>(items: readonly T[], idOf: (item: T) => string, limit: number, cursor: string | undefined): { rows: T[]; nextCursor: string | null } {
  const after = decodeCursor(cursor, ['uuid', 'text']);
  let start = 0;
  if (after) {
    const [id, position] = after;
    const at = /^\d{1,9}$/.test(position) ? Number(position) : NaN;
    if (!Number.isSafeInteger(at) || at < 1) throw invalid('cursor', 'is not a cursor this API returned', 'query');
    const moved = at <= items.length && idOf(items[at - 1]!) === id ? at - 1 : items.findIndex((item) => idOf(item) === id);
    start = moved >= 0 ? moved + 1 : Math.min(at, items.length);
  }
  const rows = items.slice(start, start + limit);
  const end = start + rows.length;
  return { rows, nextCursor: end < items.length && rows.length > 0 ? encodeCursor([idOf(rows[rows.length - 1]!), String(end)]) : null };
}
