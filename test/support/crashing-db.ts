// A host dying between two writes, for tests that nothing half-written survives: a database handle that fails, inside a
// transaction, every statement whose text matches.
import type { Db, Queryable } from '../../functions/src/core/db/db';

/** The database, except that inside a transaction a statement matching `crashAt` fails. */
export function crashingIn(db: Db, crashAt: RegExp): Db {
  const crashing = (tx: Queryable): Queryable => ({
    query: (sql, params) => (crashAt.test(typeof sql === 'string' ? sql : sql.text) ? Promise.reject(new Error('injected crash')) : tx.query(sql, params)),
    exec: (sql) => tx.exec(sql),
  });
  return { ...db, transaction: (fn) => db.transaction((tx) => fn(crashing(tx))) };
}
