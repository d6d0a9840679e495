// PostgreSQL server through a pg connection pool: production, the server test run and benchmarks.
import pg from 'pg';
import type { Db, Queryable, Statement } from './db';

// Dates stay text and int8/numeric become numbers so rows look the same as PGlite's after mapping.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082) return (value: string) => value; // date
    if (oid === 20 || oid === 1700) return (value: string) => Number(value); // int8, numeric
    return pg.types.getTypeParser(oid, format);
  },
};

const config = (sql: string | Statement, params?: readonly unknown[]) =>
  typeof sql === 'string'
    ? { text: sql, values: params ? [...params] : undefined }
    : { name: sql.name, text: sql.text, values: params ? [...params] : undefined };

export async function openPostgres(connectionString: string, options: { max?: number } = {}): Promise<Db> {
  // plan_cache_mode stays at the server's 'auto': forcing generic plans pool-wide also hit unnamed
  // parameterised statements (a search estimated 50,000 rows instead of 87). Statement explains how
  // the hot named statements still get their generic plan.
  const pool = new pg.Pool({ connectionString, max: options.max ?? 10, types });
  pool.on('error', () => {
    // An idle client lost its server; the pool replaces it and the next query reports real errors.
  });
  const client = await pool.connect();
  client.release();
  return {
    kind: 'postgres',
    query: async (sql, params) => (await pool.query(config(sql, params))).rows,
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const scoped: Queryable = {
          query: async (sql, params) => (await connection.query(config(sql, params))).rows,
          exec: async (sql) => void (await connection.query(sql)),
        };
        const result = await fn(scoped);
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        connection.release();
      }
    },
    close: () => pool.end(),
  };
}
