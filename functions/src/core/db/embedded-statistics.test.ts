// The local host's PGlite gets the planner statistics a PostgreSQL server's autovacuum would keep: stale tables are
// analysed at start, fresh ones are left alone, and a server is never touched.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases';
import { analyzeEmbedded } from './embedded-statistics';

describeEachDatabase('analyzeEmbedded', (getDb) => {
  const estimate = async () =>
    Number((await getDb().query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'statistics_probe'`))[0]!.reltuples);
  const fill = (from: number, to: number) =>
    getDb().query(`INSERT INTO statistics_probe SELECT g, repeat('x', 200) FROM generate_series($1::int, $2::int) g`, [from, to]);

  beforeAll(async () => {
    await getDb().query('CREATE TABLE statistics_probe (id int PRIMARY KEY, filler text NOT NULL)');
    await fill(1, 5_000);
  });
  afterAll(async () => {
    await getDb().query('DROP TABLE IF EXISTS statistics_probe');
  });

  it('analyses the tables PGlite never analysed, then only those that grew by more than a fifth; never a server', async () => {
    if (getDb().kind === 'postgres') {
      expect(await analyzeEmbedded(getDb())).toEqual([]);
      return;
    }
    expect(await estimate()).toBe(-1);
    const first = await analyzeEmbedded(getDb());
    expect(first).toContain('statistics_probe');
    expect(first).toContain('interactions');
    expect(await estimate()).toBe(5_000);
    expect(await analyzeEmbedded(getDb())).toEqual([]);
    await fill(5_001, 5_500);
    expect(await analyzeEmbedded(getDb())).toEqual([]);
    await fill(5_501, 7_000);
    expect(await analyzeEmbedded(getDb())).toEqual(['statistics_probe']);
    expect(await estimate()).toBe(7_000);
  });
});
