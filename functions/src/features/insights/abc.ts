// ABC analysis: rank the period's customers by revenue; A = the top aPercent of them, B = the next bPercent, C = the rest.
import type { AbcClass, AbcResult } from '@crm/common';

/** How many of n items the top `percent` are; rounded up, so one customer is an A customer and not nobody. */
export const topCount = (n: number, percent: number): number => Math.ceil((n * percent) / 100);

/**
 * 1 + how many values are strictly greater, for every positive value (others get null). Tied values share a rank, so
 * customers with equal revenue never fall on different sides of a class boundary: a tie there joins the better class.
 */
export function ranksOf(values: ReadonlyMap<string, number>): Map<string, number> {
  const positive = [...values.values()].filter((v) => v > 0).sort((a, b) => b - a);
  const firstIndex = new Map<number, number>();
  positive.forEach((value, index) => {
    if (!firstIndex.has(value)) firstIndex.set(value, index);
  });
  const ranks = new Map<string, number>();
  for (const [id, value] of values) if (value > 0) ranks.set(id, (firstIndex.get(value) ?? 0) + 1);
  return ranks;
}

/** Revenue in cents per account; an account without revenue in the period gets no class. */
export function abcClasses(revenueCents: ReadonlyMap<string, number>, shares: { aPercent: number; bPercent: number }): Map<string, AbcResult> {
  const ranks = ranksOf(revenueCents);
  const customers = ranks.size;
  const aUpToRank = topCount(customers, shares.aPercent);
  const bUpToRank = topCount(customers, shares.aPercent + shares.bPercent);
  const classOf = (rank: number | undefined): AbcClass | null => {
    if (rank === undefined) return null;
    if (rank <= aUpToRank) return 'A';
    return rank <= bUpToRank ? 'B' : 'C';
  };
  const result = new Map<string, AbcResult>();
  for (const [id, cents] of revenueCents) {
    const rank = ranks.get(id);
    result.set(id, { class: classOf(rank), revenue: cents / 100, rank: rank ?? null, customers, aUpToRank, bUpToRank });
  }
  return result;
}
