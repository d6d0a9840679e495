// ABC analysis against hand-counted classes: no revenue, one customer, ten customers and ties on both boundaries.
import { describe, expect, it } from 'vitest';
import { abcClasses, topCount } from './abc';

const shares = { aPercent: 10, bPercent: 20 };
const classes = (revenue: Record<string, number>) =>
  Object.fromEntries([...abcClasses(new Map(Object.entries(revenue)), shares)].map(([id, r]) => [id, r.class]));

describe('ABC analysis', () => {
  it('gives no class to anyone when nobody had revenue', () => {
    const result = abcClasses(new Map([['a', 0]]), shares);
    expect(result.get('a')).toEqual({ class: null, revenue: 0, rank: null, customers: 0, aUpToRank: 0, bUpToRank: 0 });
  });

  it('makes a single customer an A customer (10 % of one customer rounds up to one)', () => {
    expect(abcClasses(new Map([['only', 50_000]]), shares).get('only')).toEqual({
      class: 'A',
      revenue: 500,
      rank: 1,
      customers: 1,
      aUpToRank: 1,
      bUpToRank: 1,
    });
  });

  it('splits ten customers 1 / 2 / 7 and leaves an account without revenue out', () => {
    const revenue = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`c${i + 1}`, (10 - i) * 1000]));
    expect(classes({ ...revenue, none: 0 })).toEqual({
      c1: 'A',
      c2: 'B',
      c3: 'B',
      c4: 'C',
      c5: 'C',
      c6: 'C',
      c7: 'C',
      c8: 'C',
      c9: 'C',
      c10: 'C',
      none: null,
    });
  });

  it('puts customers tied across a boundary together into the better class', () => {
    // Ten customers: A ends at rank 1, B at rank 3. The two at 100 share rank 1, the three at 50 share rank 3.
    const result = abcClasses(new Map(Object.entries({ a1: 100, a2: 100, b1: 50, b2: 50, b3: 50, c1: 10, c2: 10, c3: 10, c4: 10, c5: 10 })), shares);
    expect([...result].map(([id, r]) => [id, r.class, r.rank])).toEqual([
      ['a1', 'A', 1],
      ['a2', 'A', 1],
      ['b1', 'B', 3],
      ['b2', 'B', 3],
      ['b3', 'B', 3],
      ['c1', 'C', 6],
      ['c2', 'C', 6],
      ['c3', 'C', 6],
      ['c4', 'C', 6],
      ['c5', 'C', 6],
    ]);
  });

  it('rounds the class sizes up', () => {
    expect([topCount(3, 10), topCount(3, 30), topCount(21, 10), topCount(20, 10), topCount(5, 0)]).toEqual([1, 1, 3, 2, 0]);
  });
});
