// Opaque keyset cursors: the sort key of the last row, so pages stay stable while data changes.
import { invalid } from '../errors';

export const encodeCursor = (key: readonly unknown[]): string => Buffer.from(JSON.stringify(key)).toString('base64url');

export function decodeCursor(cursor: string | undefined, length: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === length) return value;
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor', 'is not a cursor this API returned', 'query');
}

/** Fetch limit + 1 rows; the extra row only tells whether another page exists. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null };
  const page = rows.slice(0, limit);
  return { rows: page, nextCursor: encodeCursor(keyOf(page[page.length - 1]!)) };
}
