import { describe, expect, it } from 'vitest';
import { trigrams, trigramSimilarity } from './trigram';

// Each value is what PostgreSQL answered, on PGlite with pg_trgm: SELECT similarity(a, b), show_trgm(a).
const PG_TRGM: [string, string, number][] = [
  ['hoffmann antriebstechnik', 'hofmann antriebstechnik', 0.88461536],
  ['mueller', 'muller', 0.5],
  ['mueller', 'miller', 0.36363637],
  ['schmidt', 'schmitt', 0.45454547],
  ['baeckerei oeztuerk', 'backerei ozturk', 0.4],
  ['siemens', 'siemens energy', 0.53333336],
  ['word', 'two words', 0.36363637],
  ['meier bau', 'bau meier', 1],
  ['x1 2', 'x12', 0.2857143],
  ['ab', 'abc', 0.4],
  ['de', 'ed', 0],
  ['', 'abc', 0],
];

describe('trigram similarity as pg_trgm computes it', () => {
  it.each(PG_TRGM)('similarity(%j, %j) = %f', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBe(Math.fround(expected));
  });

  it('makes the same trigrams as show_trgm', () => {
    expect([...trigrams('mueller')].sort()).toEqual(['  m', ' mu', 'ell', 'er ', 'ler', 'lle', 'mue', 'uel']);
    expect([...trigrams('a')].sort()).toEqual(['  a', ' a ']);
    expect([...trigrams('x1 2')].sort()).toEqual(['  2', '  x', ' 2 ', ' x1', 'x1 ']);
  });
});
