// Deterministic ids: valid v4 UUIDs and natural keys that are unique by construction, not by luck.
import { hash32, hashInts } from './random';

/** Every id-bearing kind has a code; (code, index) is spread over 48 bits by a bijection, so ids never collide. */
const KIND_CODES = {
  user: 1,
  oid: 2,
  account: 3,
  contact: 4,
  opportunity: 5,
  interaction: 6,
  task: 7,
  consent: 8,
  featured: 9,
} as const;
type IdKind = keyof typeof KIND_CODES;

const MAX_INDEX = 2 ** 40;
const LOW = 2 ** 24;

/** Four Feistel rounds over two 24-bit halves: a keyed permutation of 48-bit numbers. */
function permute48(key: number, value: number): number {
  let left = Math.floor(value / LOW);
  let right = value % LOW;
  for (let round = 0; round < 4; round++) {
    const next = (left ^ (hashInts(key, round, right) & (LOW - 1))) >>> 0;
    left = right;
    right = next;
  }
  return left * LOW + right;
}

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(8, '0').slice(-digits);

export interface IdSource {
  /** A v4 UUID (version and variant bits set, so zod's z.uuid() accepts it). */
  uuid(kind: IdKind, index: number): string;
  /** A unique number below 2^48 for the same (kind, index), e.g. for Teams message ids. */
  number(kind: IdKind, index: number): number;
}

/** Ids for one tenant: the same tenant and seed give the same ids on every machine. */
export function idSource(seed: number, tenantId: string): IdSource {
  const key = hash32(seed, tenantId);
  const number = (kind: IdKind, index: number) => {
    if (!Number.isInteger(index) || index < 0 || index >= MAX_INDEX) throw new RangeError(`id index out of range: ${index}`);
    return permute48(key, KIND_CODES[kind] * MAX_INDEX + index);
  };
  return {
    number,
    uuid(kind, index) {
      const unique = number(kind, index);
      const a = hashInts(key ^ KIND_CODES[kind], index, 1);
      const b = hashInts(key ^ KIND_CODES[kind], index, 2);
      const tail = `${hex(Math.floor(unique / 2 ** 32), 4)}${hex(unique % 2 ** 32, 8)}`;
      return `${hex(a, 8)}-${hex(b, 4)}-4${hex(b >>> 16, 3)}-${'89ab'[b >>> 30]}${hex(a >>> 8, 3)}-${tail}`;
    },
  };
}
