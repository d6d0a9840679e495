// PGlite runs PostgreSQL in single-user mode, without the autovacuum daemon that keeps a server's planner statistics
// current, so its tables were never analysed and the planner guessed: the account tab's timeline page looked its 50
// interactions up by scanning the tenant's whole occurred-at index instead of the primary key, work that grows with the
// tenant (the tab's first screen read 1,223 buffers before an ANALYZE, 827 after; docs/BENCHMARKS.md). The local host
// calls this at start.
import type { Db } from './db';

/** A table is analysed when it never was, or when it grew by more than a fifth (and 10 pages) since it last was. */
const STALE_TABLES = `
  SELECT format('%I', c.relname) AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
    AND (c.reltuples < 0 OR pg_relation_size(c.oid) / current_setting('block_size')::int > c.relpages * 1.2 + 10)
  ORDER BY c.relname`;

/** Analyses an embedded database's stale tables and names them; a PostgreSQL server's autovacuum does this itself. */
export async function analyzeEmbedded(db: Db): Promise<string[]> {
  if (db.kind !== 'pglite') return [];
  const stale = (await db.query<{ name: string }>(STALE_TABLES)).map((r) => r.name);
  if (stale.length > 0) await db.exec(`ANALYZE ${stale.join(', ')}`);
  return stale;
}
