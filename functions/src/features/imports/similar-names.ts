// The companies compareCompanies could call anything but "different", found without comparing with every company:
// each name is indexed by its trigrams and its loose key, and a query counts the trigrams it shares with each name.
// A score of SIMILAR_NAME_THRESHOLD needs shared / (a + b - shared) of it, and equal keys or loose keys are found
// by the loose key, so the names left out are exactly those the comparison would call different.
import { SIMILAR_NAME_THRESHOLD, type CompanyName } from './company-names';

// The comparison rounds the score to a float4; this slack keeps a name at the threshold in. No two trigram counts of
// names shorter than thousands of trigrams score within it of the threshold, so it admits no score pg_trgm's
// similarity() >= 0.45 would refuse.
const SLACK = 1e-6;
const THRESHOLD = SIMILAR_NAME_THRESHOLD - SLACK;

/** Trigram sets by which sets scoring at least the threshold (shared / all distinct, as pg_trgm) are found. */
export class TrigramIndex {
  private readonly sets: ReadonlySet<string>[] = [];
  private readonly byTrigram = new Map<string, number[]>();
  private shared = new Uint32Array(64);

  get size(): number {
    return this.sets.length;
  }

  /** Adds a set; its position is the number of sets added before it. */
  add(trigrams: ReadonlySet<string>): void {
    const index = this.sets.length;
    this.sets.push(trigrams);
    for (const trigram of trigrams) push(this.byTrigram, trigram, index);
    if (this.shared.length <= index) {
      const grown = new Uint32Array(this.shared.length * 2);
      grown.set(this.shared);
      this.shared = grown;
    }
  }

  /** The positions of the sets scoring at least the threshold with this one, in no particular order. */
  similar(trigrams: ReadonlySet<string>): number[] {
    const size = trigrams.size;
    if (size === 0) return [];
    // shared / (a + b - shared) <= shared / a, so a set at the threshold shares at least `needed` of this set's a
    // trigrams and so at least one of any a - needed + 1 of them: only the trigrams with the shortest lists are looked
    // up, the others are checked for the sets found. Counting every trigram's list made the 100,000-row preview spend
    // 16 s here, most of it in the few trigrams nearly every name of a list has.
    const needed = Math.max(1, Math.ceil(THRESHOLD * size - 1e-9));
    const ordered = [...trigrams].sort((a, b) => (this.byTrigram.get(a)?.length ?? 0) - (this.byTrigram.get(b)?.length ?? 0));
    const probed = ordered.slice(0, size - needed + 1);
    const checked = ordered.slice(size - needed + 1);
    const touched: number[] = [];
    for (const trigram of probed) {
      for (const index of this.byTrigram.get(trigram) ?? []) {
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = this.shared[index]! + 1;
      }
    }
    const found: number[] = [];
    for (const index of touched) {
      let shared = this.shared[index]!;
      this.shared[index] = 0;
      const other = this.sets[index]!;
      for (const trigram of checked) if (other.has(trigram)) shared += 1;
      if (shared / (size + other.size - shared) >= THRESHOLD) found.push(index);
    }
    return found;
  }
}

export class SimilarNames<T> {
  private readonly items: T[] = [];
  private readonly index = new TrigramIndex();
  private readonly byLooseKey = new Map<string, number[]>();

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
