// The TypeScript trigram similarity against pg_trgm itself, on PGlite and on the PostgreSQL server: every pair of
// folded company names from the matching tests, so the later SQL candidate search and the row decisions agree.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, postgresAvailable } from '../../../../test/support/databases';
import { parseCompanyName } from './company-names';
import { trigramSimilarity } from './trigram';

const NAMES = [
  'Müller GmbH',
  'Mueller AG',
  'Muller GmbH & Co. KG',
  'Miller Ltd',
  'Hoffmann Antriebstechnik',
  'Hofmann Antriebstechnik GmbH',
  'Hofmann Antribstechnik',
  'Bäckerei Öztürk e.K.',
  'Backerei Ozturk',
  'Weiß-Bau AG',
  'Weiss Bau',
  'Schmidt & Co. KG',
  'Schmitt Logistik',
  'Bau Meier 24',
  'Meier-Bau 2024',
  'A & B',
  'X',
];
const KEYS = NAMES.map((name) => parseCompanyName(name).key);
const PAIRS = KEYS.flatMap((a) => KEYS.map((b) => [a, b] as const));

type Similarity = (a: string[], b: string[]) => Promise<number[]>;
const SQL = 'SELECT similarity(a, b) AS score FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(a, b, n) ORDER BY n';

function agreesWithPgTrgm(open: () => Promise<{ similarity: Similarity; close: () => Promise<void> }>) {
  let db: Awaited<ReturnType<typeof open>> | undefined;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it(`gives similarity() for all ${PAIRS.length} pairs of folded names`, async () => {
    const scores = await db!.similarity(
      PAIRS.map(([a]) => a),
      PAIRS.map(([, b]) => b),
    );
    // PostgreSQL answers a float4; the driver reads it into a double, so both sides are compared as float4.
    expect(PAIRS.map(([a, b]) => trigramSimilarity(a, b))).toEqual(scores.map((score) => Math.fround(Number(score))));
  });
}

describe('trigram similarity = pg_trgm [pglite]', () => {
  agreesWithPgTrgm(async () => {
    const pg = await PGlite.create({ extensions: { pg_trgm } });
    await pg.exec('CREATE EXTENSION pg_trgm');
    return {
      similarity: async (a, b) => (await pg.query<{ score: number }>(SQL, [a, b])).rows.map((row) => row.score),
      close: () => pg.close(),
    };
  });
});

(postgresAvailable() ? describe : describe.skip)(
  `trigram similarity = pg_trgm [postgres${postgresAvailable() ? '' : ': PostgreSQL server not found, SKIPPED'}]`,
  () => {
    agreesWithPgTrgm(async () => {
      const db = await openTestDatabase('postgres', { migrated: false });
      await db.exec('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      return {
        similarity: async (a, b) => (await db.query<{ score: number }>(SQL, [a, b])).map((row) => row.score),
        close: () => db.close(),
      };
    });
  },
);
