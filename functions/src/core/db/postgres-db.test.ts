// Pooled PostgreSQL connections plan parameterised statements with their values, not with a forced generic plan.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresAvailable } from '../../../../test/support/databases';
import type { Db } from './db';

interface PlanNode {
  'Node Type': string;
  Filter?: string;
  'Plan Rows': number;
  Plans?: PlanNode[];
}

const filters = (node: PlanNode): string[] => [...(node.Filter ? [node.Filter] : []), ...(node.Plans ?? []).flatMap(filters)];

describe.skipIf(!postgresAvailable())(`PostgreSQL pool planning [postgres${postgresAvailable() ? '' : ': PostgreSQL server not found, SKIPPED'}]`, () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDatabase('postgres', { migrated: false });
    // Few rows match the search, so a plan made with the value estimates far fewer rows than a generic one.
    await db.exec(`
      CREATE TABLE people (id int PRIMARY KEY, name text NOT NULL);
      INSERT INTO people SELECT g, CASE WHEN g % 1000 = 0 THEN 'Rare ' || g ELSE 'Common ' || g END FROM generate_series(1, 20000) g;
      ANALYZE people;`);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('leaves plan_cache_mode at auto on every pooled connection', async () => {
    const modes = await Promise.all(Array.from({ length: 4 }, () => db.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')));
    expect(modes.map((rows) => rows[0]?.plan_cache_mode)).toEqual(['auto', 'auto', 'auto', 'auto']);
    expect(await db.transaction((tx) => tx.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode'))).toEqual([{ plan_cache_mode: 'auto' }]);
  });

  it('plans a parameterised search with its value', async () => {
    const plan = await db.transaction(async (tx) => {
      await tx.exec(`PREPARE search(text) AS SELECT id FROM people WHERE name LIKE $1`);
      const rows = await tx.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(`EXPLAIN (FORMAT JSON) EXECUTE search('Rare%')`);
      return rows[0]!['QUERY PLAN'][0]!.Plan;
    });
    expect(filters(plan).join(' ')).toContain("'Rare%'");
    expect(filters(plan).join(' ')).not.toContain('$1');
    // 20 rows match; a generic plan guesses a fixed share of the table instead.
    expect(plan['Plan Rows']).toBeLessThan(100);
  });
});
