// The one query layer: the same SQL runs on embedded PGlite and on a PostgreSQL server.

export type SqlValue = string | number | boolean | null | Date | readonly string[] | readonly number[] | Record<string, unknown> | unknown[];

/**
 * A hot statement that reaches its rows through tenant-prefixed indexes only. The PostgreSQL driver
 * prepares it once per connection; after five executions planned with their values, PostgreSQL
 * reuses one generic plan as long as its estimate is no worse than theirs, which for these statements
 * it is, so later calls skip planning (planning cost more than execution for the context lookup).
 * Forcing the generic plan per statement (SET LOCAL plan_cache_mode in a transaction) would cost two
 * more round trips per call than the planning it saves. PGlite runs the text as is.
 */
export interface Statement {
  name: string;
  text: string;
}

export const prepared = (name: string, text: string): Statement => ({ name, text });

/** Anything that can run a parameterised statement: the database or an open transaction. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string | Statement, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; it commits when fn resolves and rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Postgres error codes the domain turns into user-facing problems. */
export const PgCode = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

export const pgErrorCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;

export const pgConstraint = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'constraint' in error ? String((error as { constraint: unknown }).constraint) : undefined;
