// The companies compareCompanies could call anything but "different", found without comparing with every company:
// each name is indexed by its trigrams and its loose key, and a query counts the trigrams it shares with each name.
// A score of SIMILAR_NAME_THRESHOLD needs shared / (a + b - shared) of it, and equal keys or loose keys are found
// by the loose key, so the names left out are exactly those the comparison would call different.
import { SIMILAR_NAME_THRESHOLD, type CompanyName } from './company-names';

// The comparison rounds the score to a float4; this slack keeps a name at the threshold in.
const SLACK = 1e-6;

export class SimilarNames<T> {
  private readonly names: CompanyName[] = [];
  private readonly items: T[] = [];
  private readonly byTrigram = new Map<string, number[]>();
  private readonly byLooseKey = new Map<string, number[]>();
  private shared = new Uint32Array(64);

  add(name: CompanyName, item: T): void {
    const index = this.names.length;
    this.names.push(name);
    this.items.push(item);
    for (const trigram of name.trigrams) push(this.byTrigram, trigram, index);
    push(this.byLooseKey, name.looseKey, index);
    if (this.shared.length <= index) {
      const grown = new Uint32Array(this.shared.length * 2);
      grown.set(this.shared);
      this.shared = grown;
    }
  }

  /** The items whose names may be similar to this one, in the order they were added. */
  near(name: CompanyName): T[] {
    const touched: number[] = [];
    for (const trigram of name.trigrams) {
      for (const index of this.byTrigram.get(trigram) ?? []) {
        if (this.shared[index] === 0) touched.push(index);
        this.shared[index] = this.shared[index]! + 1;
      }
    }
    const picked = new Set<number>(this.byLooseKey.get(name.looseKey) ?? []);
    for (const index of touched) {
      const shared = this.shared[index]!;
      this.shared[index] = 0;
      if (shared / (name.trigrams.size + this.names[index]!.trigrams.size - shared) >= SIMILAR_NAME_THRESHOLD - SLACK) picked.add(index);
    }
    return [...picked].sort((a, b) => a - b).map((index) => this.items[index]!);
  }
}

function push(groups: Map<string, number[]>, key: string, index: number): void {
  const group = groups.get(key);
  if (group) group.push(index);
  else groups.set(key, [index]);
}
