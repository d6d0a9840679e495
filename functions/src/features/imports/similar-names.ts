// The companies compareCompanies could call anything but "different", found without comparing with every company:
// each name is indexed by its rarest trigrams and its loose key, and the names a query finds are compared in full.
// A score of SIMILAR_NAME_THRESHOLD needs shared / (a + b - shared) of it, and equal keys or loose keys are found
// by the loose key, so the names left out are exactly those the comparison would call different.
import { SIMILAR_NAME_THRESHOLD, type CompanyName } from './company-names';

// The comparison rounds the score to a float4; this slack keeps a name at the threshold in. No two trigram counts of
// names shorter than thousands of trigrams score within it of the threshold, so it admits no score pg_trgm's
// similarity() >= 0.45 would refuse.
const SLACK = 1e-6;
const THRESHOLD = SIMILAR_NAME_THRESHOLD - SLACK;

/** How often each trigram occurs in the names an index will hold and be asked about: the order its prefixes follow. */
export function trigramCounts(sets: Iterable<ReadonlySet<string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const set of sets) for (const trigram of set) counts.set(trigram, (counts.get(trigram) ?? 0) + 1);
  return counts;
}

/** The least number of shared trigrams with which sets of these sizes reach the threshold, by the test similar() makes. */
function overlapNeeded(size: number, otherSize: number): number {
  const all = size + otherSize;
  let shared = Math.max(1, Math.floor((THRESHOLD * all) / (1 + THRESHOLD)) - 1);
  while (shared / (all - shared) < THRESHOLD) shared += 1;
  return shared;
}

/**
 * Trigram sets by which sets scoring at least the threshold (shared / all distinct, as pg_trgm) are found, with the
 * filters of set-similarity joins (PPJoin). Each trigram gets a number in one global order, rarest first by the counts
 * given, then by text (any fixed order is correct, a rare-first one is fast; trigrams the counts lack come first, in
 * the order they are met), and a set is kept as its numbers in that order.
 * Prefix filter: a set scoring at least t with another shares at least ceil(t * its size) of its trigrams with it, so
 * the two sets' first size - ceil(t * size) + 1 trigrams share one; only those first trigrams are indexed and probed.
 * Positional filter: where the first trigram two sets share sits at position i of one and j of the other, neither has
 * a shared one before it, so they share at most min(size - i, other size - j); a pair that cannot reach the overlap
 * the threshold needs is dropped, the others are compared by merging their numbers from there. Indexing every trigram
 * made the 100,000-row preview spend 47 s here, and comparing every set the prefixes found as sets of strings still
 * about two thirds of the preview's process CPU (docs/BENCHMARKS.md).
 */
export class TrigramIndex {
  private readonly ranks = new Map<string, number>();
  private readonly sets: Int32Array[] = [];
  /** Per trigram number, the sets indexed by it as pairs of the set's position and the trigram's place in the set. */
  private readonly postings = new Map<number, number[]>();
  private seen = new Uint8Array(64);
  private unseen = 0;

  constructor(counts: ReadonlyMap<string, number> = new Map()) {
    [...counts]
      .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
      .forEach(([trigram], rank) => this.ranks.set(trigram, rank));
  }

  get size(): number {
    return this.sets.length;
  }

  private numbers(trigrams: ReadonlySet<string>): Int32Array {
    const numbers = new Int32Array(trigrams.size);
    let i = 0;
    for (const trigram of trigrams) {
      let rank = this.ranks.get(trigram);
      if (rank === undefined) {
        this.unseen += 1;
        rank = -this.unseen;
        this.ranks.set(trigram, rank);
      }
      numbers[i++] = rank;
    }
    return numbers.sort();
  }

  /** How many of a set's first trigrams are enough that any set at the threshold shares one of them. */
  private static prefixLength(size: number): number {
    return size - Math.max(1, Math.ceil(THRESHOLD * size - 1e-9)) + 1;
  }

  /** Adds a set; its position is the number of sets added before it. */
  add(trigrams: ReadonlySet<string>): void {
    const index = this.sets.length;
    const numbers = this.numbers(trigrams);
    this.sets.push(numbers);
    const prefix = TrigramIndex.prefixLength(numbers.length);
    for (let place = 0; place < prefix; place += 1) {
      const list = this.postings.get(numbers[place]!);
      if (list) list.push(index, place);
      else this.postings.set(numbers[place]!, [index, place]);
    }
    if (this.seen.length <= index) {
      const grown = new Uint8Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
  }

  /** The positions of the sets scoring at least the threshold with this one (at most limit of them), in no particular order. */
  similar(trigrams: ReadonlySet<string>, limit = Infinity): number[] {
    const size = trigrams.size;
    if (size === 0) return [];
    const query = this.numbers(trigrams);
    const touched: number[] = [];
    const found: number[] = [];
    const prefix = TrigramIndex.prefixLength(size);
    probing: for (let i = 0; i < prefix; i += 1) {
      const list = this.postings.get(query[i]!);
      if (!list) continue;
      for (let k = 0; k < list.length; k += 2) {
        const index = list[k]!;
        // The first place a set is met is the first trigram it shares with the query: the positional filter's bound.
        if (this.seen[index] === 1) continue;
        this.seen[index] = 1;
        touched.push(index);
        const other = this.sets[index]!;
        const needed = overlapNeeded(size, other.length);
        let a = i;
        let b = list[k + 1]!;
        let shared = 0;
        while (a < size && b < other.length && shared + Math.min(size - a, other.length - b) >= needed) {
          if (query[a] === other[b]) {
            shared += 1;
            a += 1;
            b += 1;
          } else if (query[a]! < other[b]!) a += 1;
          else b += 1;
        }
        if (shared >= needed && shared / (size + other.length - shared) >= THRESHOLD && found.push(index) >= limit) break probing;
      }
    }
    for (const index of touched) this.seen[index] = 0;
    return found;
  }
}

export class SimilarNames<T> {
  private readonly items: T[] = [];
  private readonly index: TrigramIndex;
  private readonly byLooseKey = new Map<string, number[]>();

  /** counts: of the trigrams of the names it will hold and be asked about (trigramCounts), for a fast order. */
  constructor(counts?: ReadonlyMap<string, number>) {
    this.index = new TrigramIndex(counts);
  }

  add(name: CompanyName, item: T): void {
    push(this.byLooseKey, name.looseKey, this.items.length);
    this.items.push(item);
    this.index.add(name.trigrams);
  }

  /** The items whose names may be similar to this one, in the order they were added. */
  near(name: CompanyName): T[] {
    const picked = new Set<number>(this.byLooseKey.get(name.looseKey) ?? []);
    for (const index of this.index.similar(name.trigrams)) picked.add(index);
    return [...picked].sort((a, b) => a - b).map((index) => this.items[index]!);
  }
}

function push(groups: Map<string, number[]>, key: string, index: number): void {
  const group = groups.get(key);
  if (group) group.push(index);
  else groups.set(key, [index]);
}
