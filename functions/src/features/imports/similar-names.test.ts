import { describe, expect, it } from 'vitest';
import { compareCompanies, parseCompanyName, SIMILAR_NAME_THRESHOLD } from './company-names';
import { SimilarNames, TrigramIndex, trigramCounts } from './similar-names';

// Names built to sit around the threshold: shared words, typos, umlauts and transcriptions, double letters, legal forms.
const STEMS = ['Müller', 'Mueller', 'Muller', 'Hoffmann', 'Hofmann', 'Schmidt', 'Schmitt', 'Weiß', 'Weiss', 'Bäcker', 'Becker', 'Öztürk', 'Oeztuerk', 'Lang', 'Langer'];
const WORDS = ['Antriebstechnik', 'Antriebstechnick', 'Bau', 'Holzbau', 'Logistik', 'Logistic', 'Metall', 'Metallbau', 'Elektro', 'Service', '& Söhne', ''];
const FORMS = ['', ' GmbH', ' AG', ' GmbH & Co. KG', ' KG', ' e.K.', ' UG (haftungsbeschränkt)', ' Ltd'];

function names(count: number): string[] {
  let state = 12345;
  const pick = <T>(list: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return list[state % list.length]!;
  };
  return Array.from({ length: count }, () => `${pick(STEMS)} ${pick(WORDS)}${pick(FORMS)}`.replace(/\s+/g, ' ').trim());
}

describe('similar names index', () => {
  it.each([
    ['by text', false],
    ['rarest trigrams first', true],
  ])('finds exactly the names compareCompanies does not call different, in the order they were added (trigrams ordered %s)', (_order, byCount) => {
    const parsed = names(600).map((text) => parseCompanyName(text));
    const index = new SimilarNames<number>(byCount ? trigramCounts(parsed.map((name) => name.trigrams)) : undefined);
    let pairs = 0;
    parsed.forEach((name, i) => {
      const expected = parsed.slice(0, i).flatMap((other, j) => (compareCompanies(name, other).kind === 'different' ? [] : [j]));
      const found = index.near(name).filter((j) => compareCompanies(name, parsed[j]!).kind !== 'different');
      expect(found, parsed[i]!.text).toEqual(expected);
      pairs += expected.length;
      index.add(name, i);
    });
    // The list must hold matches for the comparison to mean anything.
    expect(pairs).toBeGreaterThan(1000);
  });

  it('skips names that share too few trigrams', () => {
    const index = new SimilarNames<string>();
    for (const text of ['Müller GmbH', 'Schneider AG', 'Hofmann Antriebstechnik GmbH', 'Zander Logistik']) index.add(parseCompanyName(text), text);
    expect(index.near(parseCompanyName('Hoffmann Antriebstechnik'))).toEqual(['Hofmann Antriebstechnik GmbH']);
    expect(index.near(parseCompanyName('Mueller AG'))).toEqual(['Müller GmbH']);
  });
});

// Sets drawn from few trigrams, so that many pairs sit on either side of the threshold at every pair of sizes.
function trigramSets(count: number): Set<string>[] {
  let state = 977;
  const next = (bound: number) => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    // The high bits: the low ones of this generator repeat after a few steps.
    return Math.floor(state / 2 ** 16) % bound;
  };
  return Array.from({ length: count }, () => {
    const size = 1 + next(24);
    const set = new Set<string>();
    while (set.size < size) set.add(`t${next(36)}`);
    return set;
  });
}

const atThreshold = (a: ReadonlySet<string>, b: ReadonlySet<string>) => {
  const shared = [...a].filter((trigram) => b.has(trigram)).length;
  return shared / (a.size + b.size - shared) >= SIMILAR_NAME_THRESHOLD - 1e-6;
};

describe('trigram index', () => {
  it.each([
    ['without counts', 0],
    ['with the counts of half of the sets, the others unseen', 0.5],
    ['with the counts of every set', 1],
  ])('finds exactly the earlier sets at the threshold, %s', (_counts, share) => {
    const sets = trigramSets(700);
    const index = new TrigramIndex(trigramCounts(sets.slice(0, Math.round(sets.length * share))));
    let pairs = 0;
    sets.forEach((set, i) => {
      const expected = sets.slice(0, i).flatMap((other, j) => (atThreshold(set, other) ? [j] : []));
      expect(index.similar(set).sort((a, b) => a - b), `set ${i}`).toEqual(expected);
      // Asked for one, it answers one of them, or none when there is none.
      expect(index.similar(set, 1).filter((j) => expected.includes(j))).toHaveLength(Math.min(1, expected.length));
      pairs += expected.length;
      index.add(set);
    });
    expect(pairs).toBeGreaterThan(2000);
  });
});
