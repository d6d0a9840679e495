// Turns constraint violations into domain errors that name the offending field.
import { conflict, DomainError, invalid } from '../domain/errors';
import { PgCode, pgConstraint, pgErrorCode, type Db, type Queryable } from './db';

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** Constraint names follow Postgres defaults: <table>_tenant_id_<column>_fkey. */
const fieldOfForeignKey = (constraint: string | undefined): string => {
  const match = constraint?.match(/_tenant_id_(.+)_fkey$/);
  return match ? camel(match[1]!) : 'reference';
};

export function translatePgError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = pgErrorCode(error);
  const message = error instanceof Error ? error.message : '';
  if (code === PgCode.foreignKeyViolation) {
    // "update or delete on table X violates ..." means something still points at the row.
    if (message.startsWith('update or delete')) {
      return conflict('this record is still referenced by other records; remove or reassign them first');
    }
    return invalid(fieldOfForeignKey(pgConstraint(error)), 'does not exist in this tenant');
  }
  if (code === PgCode.uniqueViolation) return conflict('a record with the same unique key already exists');
  return error;
}

/** A transaction whose constraint violations surface as 4xx domain errors, not 500s. */
export async function inTransaction<T>(db: Db, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  try {
    return await db.transaction(fn);
  } catch (error) {
    throw translatePgError(error);
  }
}
