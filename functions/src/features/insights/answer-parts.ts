// An account's answer in two parts, stored apart (migration 0029): what follows from its own facts, and what ranks it
// among the tenant's other accounts (the ABC class and rank; the segment, as champions are a rank among the lifetime
// values). One account's change moves the ranked parts of many others but the own part of none.
import { createHash } from 'node:crypto';
import type { AccountInsights } from '@crm/common';

export type RankedPart = Pick<AccountInsights, 'abc' | 'segment'>;
export type OwnPart = Omit<AccountInsights, 'abc' | 'segment' | 'asOf'>;

export function splitAnswer({ abc, segment, ...own }: AccountInsights): { own: OwnPart; ranked: RankedPart } {
  return { own, ranked: { abc, segment } };
}

/** JSON with every object's keys sorted: the same value gives the same text, whether it was built or read from jsonb. */
const canonical = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
};

/** Tells a refresh whether an account's own figures changed without reading its stored answer back. */
export const digestOf = (own: OwnPart): string => createHash('sha256').update(canonical(own)).digest('base64url');
