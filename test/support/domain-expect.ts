// Expectations shared by the store and domain tests: typed domain failures, every page of a list, row counts.
import { expect } from 'vitest';
import { DomainError, type DomainErrorKind } from '../../functions/src/core/errors';
import type { Queryable } from '../../functions/src/core/db/db';

/** Awaits a promise that must reject with a DomainError of the given kind, and returns that error. */
export async function domainError(promise: Promise<unknown>, kind: DomainErrorKind): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).kind).toBe(kind);
  return error as DomainError;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Follows nextCursor from the first page to the last and returns the pages in order. */
export async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    pages.push(page.items);
    cursor = page.nextCursor ?? undefined;
    // A cursor that never ends would otherwise hang the test instead of failing it.
    if (pages.length > 1_000) throw new Error('paging never reached a last page');
  } while (cursor);
  return pages;
}

/** How many rows of a table belong to the tenant and match the given column values. */
export async function countRows(db: Queryable, table: string, tenantId: string, match: Record<string, unknown> = {}): Promise<number> {
  const conditions = ['tenant_id = $1', ...Object.keys(match).map((column, i) => `${column} = $${i + 2}`)];
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${conditions.join(' AND ')}`, [tenantId, ...Object.values(match)]);
  return rows[0]!.n;
}
