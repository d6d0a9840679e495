// What the merged record keeps: pure rules, tested without a database.
import type { ConsentEntry } from '@crm/common';
import { invalid } from '../../core/errors';
import { consentState } from '../consents';
import type { AppendedConsent } from './merge-store';

export type Side = 'survivor' | 'merged';

const isEmpty = (value: unknown): boolean =>
  value === null || value === undefined || value === '' || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0);

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Per field (API name -> column): the side the caller picked; otherwise the survivor's value, or the merged record's
 * where the survivor has none, so a merge never empties a field that one of the two had. Answers values by column.
 */
export function mergedColumns(
  columns: Readonly<Record<string, string>>,
  survivor: Record<string, unknown>,
  merged: Record<string, unknown>,
  picks: Readonly<Partial<Record<string, Side>>>,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    const pick = picks[field];
    result[column] = pick === 'merged' || (pick === undefined && isEmpty(survivor[column])) ? merged[column] : survivor[column];
  }
  return result;
}

/** Custom fields of both; where both have a field with different values the caller must say whose to keep. */
export function mergedCustomFields(
  survivor: Record<string, unknown>,
  merged: Record<string, unknown>,
  choices: Readonly<Record<string, Side>>,
): Record<string, unknown> {
  const differing = Object.keys(survivor).filter((key) => key in merged && !same(survivor[key], merged[key]));
  for (const key of Object.keys(choices)) {
    if (!differing.includes(key)) throw invalid(`customFields.${key}`, 'does not differ between the two records, so there is nothing to choose');
  }
  const result: Record<string, unknown> = { ...merged, ...survivor };
  for (const key of differing) {
    const choice = choices[key];
    if (!choice) throw invalid(`customFields.${key}`, 'differs between the two records; choose "survivor" or "merged"');
    result[key] = choice === 'merged' ? merged[key] : survivor[key];
  }
  return result;
}

export const union = <T>(a: readonly T[], b: readonly T[], key: (item: T) => string = String): T[] => {
  const seen = new Set<string>();
  return [...a, ...b].filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

const rank: Record<ConsentEntry['action'], number> = { granted: 1, withdrawn: 2, objected: 3 };

/**
 * The merged person's consent is the most restrictive of both. The ledgers are joined, and where the joined ledger's
 * latest entry for a channel and purpose is weaker than either person's own (one withdrew in 2023, the other granted in
 * 2024), a new entry repeats the stronger one, so the merge itself never grants anything.
 */
export function restrictiveEntries(survivor: readonly ConsentEntry[], merged: readonly ConsentEntry[]): AppendedConsent[] {
  const latest = (entries: readonly ConsentEntry[]) => new Map(consentState(entries).current.map((e) => [`${e.channel}/${e.purpose}`, e]));
  const [own, other, joined] = [latest(survivor), latest(merged), latest([...survivor, ...merged])];
  const appended: AppendedConsent[] = [];
  for (const [key, entry] of joined) {
    const strongest = [own.get(key), other.get(key)]
      .filter((e): e is ConsentEntry => e !== undefined)
      .reduce((a, b) => (rank[b.action] > rank[a.action] ? b : a));
    if (rank[strongest.action] > rank[entry.action]) {
      appended.push({
        channel: strongest.channel,
        purpose: strongest.purpose,
        legalBasis: strongest.legalBasis,
        action: strongest.action as AppendedConsent['action'],
        note: `merge of two records of this person: the ${strongest.action === 'objected' ? 'objection' : 'withdrawal'} of ${strongest.capturedAt.slice(0, 10)} (${strongest.source}) outranks the later grant`,
      });
    }
  }
  return appended;
}
