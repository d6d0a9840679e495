// Turns constraint violations into domain errors that name the offending field.
import { conflict, DomainError, invalid } from '../errors';
import { PgCode, pgConstraint, pgErrorCode, type Db, type Queryable } from './db';

const camel = (snake: string) => snake.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

// Link tables take lists of ids in the API (accountIds, contactIds), so their fields are plural.
const LINK_TABLES = new Set(['interaction_accounts', 'interaction_contacts', 'interaction_opportunities', 'opportunity_contacts']);

/** Constraint names follow Postgres defaults: <table>_tenant_id_<column>_fkey. */
const fieldOfForeignKey = (constraint: string | undefined): string => {
  const match = constraint?.match(/^(.+?)_tenant_id_(.+)_fkey$/);
  if (!match) return 'reference';
  const field = camel(match[2]!);
  return LINK_TABLES.has(match[1]!) ? `${field}s` : field;
};

/**
 * character_not_in_repertoire (NUL in text) and untranslatable_character (NUL in jsonb): the contracts refuse both
 * characters with the field named, so these only fire for text that reached SQL another way; still the input's fault.
 */
const UNSTORABLE_TEXT = new Set(['22021', '22P05']);

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
  if (code && UNSTORABLE_TEXT.has(code)) {
    return new DomainError('invalid', 'the request contains text the database cannot store, such as a NUL character (U+0000)');
  }
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
