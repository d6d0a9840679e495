// Embedded PGlite (file-backed or in memory): the zero-setup database for `npm start` and tests.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Queryable, Statement } from './db';

// Same value types as the PostgreSQL driver: dates stay 'YYYY-MM-DD' text, numeric becomes a number.
const parsers = { 1082: (value: string) => value, 1700: (value: string) => Number(value) };

/**
 * Durability, as test/e2e/crash-safety-suite.ts shows it: on Node a data folder is PGlite's NodeFS, which passes each
 * write straight to the file (there is no later sync step, so `relaxedDurability` changes nothing here), and PostgreSQL
 * commits synchronously, so a transaction whose promise resolved survives the process being killed. PGlite starts
 * PostgreSQL with fsync off (`-F`) and NodeFS has no fsync, so a power cut or an operating-system crash can still lose
 * the last commits or damage the folder; production runs on a PostgreSQL server (DATABASE_URL). Never turn
 * synchronous_commit off here: single-user PGlite has no WAL writer, and the crash test then loses even the schema.
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Db & { pglite: PGlite }> {
  // pg_trgm serves the import's fuzzy candidate search (migration 0007); PostgreSQL servers ship it in contrib.
  const pg = await PGlite.create({ parsers, extensions: { pg_trgm }, ...(dataDir ? { dataDir } : {}), ...(loadDataDir ? { loadDataDir } : {}) });
  return wrapPglite(pg);
}

export function wrapPglite(pg: PGlite): Db & { pglite: PGlite } {
  const run = async <T>(target: Pick<PGlite, 'query'>, sql: string | Statement, params?: readonly unknown[]): Promise<T[]> => {
    const result = await target.query<T>(typeof sql === 'string' ? sql : sql.text, params ? [...params] : undefined);
    return result.rows;
  };
  return {
    kind: 'pglite',
    pglite: pg,
    query: (sql, params) => run(pg, sql, params),
    exec: async (sql) => void (await pg.exec(sql)),
    transaction: (fn) =>
      pg.transaction(async (tx) => {
        const scoped: Queryable = { query: (sql, params) => run(tx, sql, params), exec: async (sql) => void (await tx.exec(sql)) };
        return fn(scoped);
      }),
    close: () => pg.close(),
  };
}
