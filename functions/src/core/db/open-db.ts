// Chooses the database: DATABASE_URL selects a PostgreSQL server, otherwise embedded PGlite.
import type { Db } from './db';
import { openPglite } from './pglite-db';
import { openPostgres } from './postgres-db';

export async function openDb(options: { databaseUrl?: string; dataDir?: string; poolSize?: number }): Promise<Db> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, { max: options.poolSize });
  return openPglite(options.dataDir);
}
