// Trigram similarity computed the way PostgreSQL's pg_trgm computes similarity(): each word (a run of letters and
// digits) is padded with two spaces in front and one behind, its three-character windows form a set, and the score is
// shared / (all distinct), as a float4. The inputs are folded ASCII keys (folding.ts), so the SQL candidate search
// over the same keys gives the same numbers in any database locale.
export function trigrams(key: string): Set<string> {
  const set = new Set<string>();
  for (const word of key.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word === '') continue;
    const padded = `  ${word} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) set.add(padded.slice(i, i + 3));
  }
  return set;
}

export const trigramSimilarity = (a: string, b: string): number => setSimilarity(trigrams(a), trigrams(b));

/** For keys compared many times: their trigram sets made once. */
export function setSimilarity(left: ReadonlySet<string>, right: ReadonlySet<string>): number {
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const trigram of left) if (right.has(trigram)) shared += 1;
  return Math.fround(shared / (left.size + right.size - shared));
}
