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

/**
 * Trigram sets by which sets scoring at least the threshold (shared / all distinct, as pg_trgm) are found, with the
 * prefix filter of set-similarity joins: the trigrams in one global order (rarest first by the counts given, then by
 * text; any fixed order is correct, a rare-first one is fast), a set scoring at least t with another shares at least
 * ceil(t * its size) of its trigrams with it, so the two sets' first size - ceil(t * size) + 1 trigrams share one.
 * Only those first trigrams are indexed and probed; the sets found are then compared in full. Indexing every trigram
 * made the 100,000-row preview spend 47 s here, most of it walking the lists of trigrams nearly every name has.
 */
export class TrigramIndex {
  private readonly sets: ReadonlySet<string>[] = [];
  private readonly byTrigram = new Map<string, number[]>();
  private seen = new Uint8Array(64);

  constructor(private readonly counts: ReadonlyMap<string, number> = new Map()) {}

  get size(): number {
    return this.sets.length;
  }

  /** The first trigrams of a set in the index's order, enough that any set at the threshold shares one of them. */
  private prefix(trigrams: ReadonlySet<string>): string[] {
    const ordered = [...trigrams].sort((a, b) => (this.counts.get(a) ?? 0) - (this.counts.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    const needed = Math.max(1, Math.ceil(THRESHOLD * trigrams.size - 1e-9));
    return ordered.slice(0, trigrams.size - needed + 1);
  }

  /** Adds a set; its position is the number of sets added before it. */
  add(trigrams: ReadonlySet<string>): void {
    const index = this.sets.length;
    this.sets.push(trigrams);
    for (const trigram of this.prefix(trigrams)) push(this.byTrigram, trigram, index);
    if (this.seen.length <= index) {
      const grown = new Uint8Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
  }

  /** The positions of the sets scoring at least the threshold with this one, in no particular order. */
  similar(trigrams: ReadonlySet<string>): number[] {
    const size = trigrams.size;
    if (size === 0) return [];
    const touched: number[] = [];
    for (const trigram of this.prefix(trigrams)) {
      for (const index of this.byTrigram.get(trigram) ?? []) {
        if (this.seen[index] === 0) {
          this.seen[index] = 1;
          touched.push(index);
        }
      }
    }
    const found: number[] = [];
    for (const index of touched) {
      this.seen[index] = 0;
      const other = this.sets[index]!;
      // A set too short or too long cannot reach the threshold: shared <= the smaller size.
      if (Math.min(size, other.size) < THRESHOLD * Math.max(size, other.size)) continue;
      let shared = 0;
      for (const trigram of trigrams) if (other.has(trigram)) shared += 1;
      if (shared / (size + other.size - shared) >= THRESHOLD) found.push(index);
    }
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
