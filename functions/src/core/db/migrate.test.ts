// Migrations run once, in order, atomically, and hosts starting at the same time do not both apply them.
import { expect, it } from 'vitest';
import { describeEachDatabase, openTestDatabase } from '../../../../test/support/databases';
import { migrate } from './migrate';
import { migrations } from './migrations/index';

describeEachDatabase('migrate', (getDb) => {
  const appliedIds = async (db = getDb()) => (await db.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')).map((r) => r.id);

  it('applies nothing on a database that is up to date', async () => {
    expect(await migrate(getDb())).toEqual([]);
    expect(await appliedIds()).toEqual(migrations.map((m) => m.id));
  });

  it('sets up an empty database exactly once when several hosts start against it at the same time', async () => {
    const empty = await openTestDatabase(getDb().kind, { migrated: false });
    try {
      // Open the connections first, so the migrators really start together instead of one per new connection.
      await Promise.all(Array.from({ length: 4 }, () => empty.query('SELECT pg_sleep(0.1)')));
      const results = await Promise.all([migrate(empty), migrate(empty), migrate(empty), migrate(empty)]);
      // Which host applies which migration is up to the lock; each is applied once, and in order.
      expect([...results.flat()].sort()).toEqual(migrations.map((m) => m.id));
      expect(await appliedIds(empty)).toEqual(migrations.map((m) => m.id));
      const byTime = await empty.query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY applied_at, id');
      expect(byTime.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
    } finally {
      await empty.close();
    }
    // Migrating an empty database from the first migration took 34 s with the machine at load 20.
  }, 120_000);

  it('applies a new migration exactly once even when two migrators race', async () => {
    const extra = [...migrations, { id: '9999-test-race', sql: 'CREATE TABLE race_probe (id int PRIMARY KEY)' }];
    try {
      const results = await Promise.all([migrate(getDb(), extra), migrate(getDb(), extra)]);
      expect(results.flat()).toEqual(['9999-test-race']);
    } finally {
      await getDb().query('DROP TABLE IF EXISTS race_probe');
      await getDb().query(`DELETE FROM schema_migrations WHERE id = '9999-test-race'`);
    }
  });

  it('rolls a failing migration back completely and does not record it', async () => {
    const broken = [...migrations, { id: '9999-test-broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_column FROM half_done' }];
    await expect(migrate(getDb(), broken)).rejects.toThrow(/no_such_column/);
    expect(await getDb().query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`)).toEqual([]);
    expect(await appliedIds()).toEqual(migrations.map((m) => m.id));
  });

  it('puts tenant_id first in every primary key, unique index and foreign key', async () => {
    const keys = await getDb().query<{ table_name: string; first_column: string }>(`
      SELECT c.relname AS table_name, a.attname AS first_column
      FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = i.indkey[0]
      WHERE i.indisprimary AND n.nspname = 'public' AND c.relname <> 'schema_migrations'`);
    expect(keys.length).toBeGreaterThan(10);
    for (const key of keys) expect(`${key.table_name}.${key.first_column}`).toBe(`${key.table_name}.tenant_id`);

    const others = await getDb().query<{ name: string; first_column: string }>(`
      SELECT con.conname AS name, a.attname AS first_column
      FROM pg_constraint con JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
      WHERE con.contype IN ('f', 'u') AND con.connamespace = 'public'::regnamespace
      UNION ALL
      SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
      WHERE i.indisunique AND NOT i.indisprimary AND c.relnamespace = 'public'::regnamespace`);
    expect(others.length).toBeGreaterThan(10);
    for (const key of others) expect(`${key.name}.${key.first_column}`).toBe(`${key.name}.tenant_id`);
  });
});
