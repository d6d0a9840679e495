// Seeded randomness: every generated entity draws from its own stream, derived from (seed, kind, index).
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** mulberry32: fast, tiny and good enough for test data (not for anything secret). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

const mix = (h: number) => {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
};

/** A 32-bit hash of numbers and strings (FNV-1a over the parts, then murmur3's finaliser). */
export function hash32(...parts: ReadonlyArray<number | string>): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    if (typeof part === 'number') {
      h = Math.imul(h ^ (part >>> 0), 0x01000193);
      h = Math.imul(h ^ Math.floor(part / 4294967296), 0x01000193);
    } else {
      for (let i = 0; i < part.length; i++) h = Math.imul(h ^ part.charCodeAt(i), 0x01000193);
    }
    h = mix(h);
  }
  return h;
}

/** hash32 for two or three integers (up to 2^53) without the cost of a parts array: it runs for every generated row. */
export function hashInts(a: number, b: number, c = 0): number {
  let h = mix(Math.imul((a ^ 0x811c9dc5) >>> 0, 0x01000193));
  h = mix(Math.imul(h ^ (b >>> 0), 0x01000193) ^ Math.floor(b / 4294967296));
  return mix(Math.imul(h ^ (c >>> 0), 0x01000193) ^ Math.floor(c / 4294967296));
}

/**
 * The stream of entity `index` of one kind. Because each entity has its own stream, any contact or
 * interaction can be regenerated from its index alone, and changing one count does not reshuffle the rest.
 */
export function entityRandom(seed: number, kind: string): (index: number) => Random {
  const base = hash32(seed, kind);
  return (index) => mulberry32(hashInts(base, index));
}
