// Migrations run once, in order, and two hosts starting at the same time do not both apply them.
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases';
import { migrate } from './migrate';
import { migrations } from './migrations/index';

describeEachDatabase('migrate', (getDb) => {
  it('applies nothing on a database that is up to date', async () => {
    expect(await migrate(getDb())).toEqual([]);
    const applied = await getDb().query<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(applied.map((r) => r.id)).toEqual(migrations.map((m) => m.id));
  });

  it('applies a new migration exactly once even when two migrators race', async () => {
    const extra = [...migrations, { id: '9999-test-race', sql: 'CREATE TABLE race_probe (id int PRIMARY KEY)' }];
    const results = await Promise.all([migrate(getDb(), extra), migrate(getDb(), extra)]);
    expect(results.flat()).toEqual(['9999-test-race']);
    await getDb().query('DROP TABLE race_probe');
    await getDb().query(`DELETE FROM schema_migrations WHERE id = '9999-test-race'`);
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
