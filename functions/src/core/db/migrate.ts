// Applies pending migrations in order, each in its own transaction, one migrator at a time.
import type { Db } from './db';
import { migrations as allMigrations, type Migration } from './migrations/index';

// Two hosts starting against one server must not both run a migration; an advisory lock serialises them.
const MIGRATION_LOCK = 4_711_001;

export async function migrate(db: Db, migrations: readonly Migration[] = allMigrations): Promise<string[]> {
  // Under the lock too: two concurrent CREATE TABLE IF NOT EXISTS on an empty database collide in the catalog.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const existing = await tx.query('SELECT 1 FROM schema_migrations WHERE id = $1', [migration.id]);
      if (existing.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (id) VALUES ($1)', [migration.id]);
      return true;
    });
    if (done) applied.push(migration.id);
  }
  return applied;
}
