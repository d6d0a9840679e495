// Derives the current consent state from the ledger: the latest entry per channel and purpose decides.
import { ConsentChannel, type ConsentEntry, type ConsentState, type ConsentStatus } from '@crm/common';

const rank: Record<ConsentStatus, number> = { objected: 3, withdrawn: 2, granted: 1, none: 0 };

/** Entries must be in any order; ties on capturedAt are broken by recordedAt (later recording wins). */
export function consentState(entries: readonly ConsentEntry[]): ConsentState {
  const latest = new Map<string, ConsentEntry>();
  for (const entry of entries) {
    const key = `${entry.channel}/${entry.purpose}`;
    const current = latest.get(key);
    if (!current || entry.capturedAt > current.capturedAt || (entry.capturedAt === current.capturedAt && entry.recordedAt > current.recordedAt)) {
      latest.set(key, entry);
    }
  }
  const current = [...latest.values()].sort((a, b) => a.channel.localeCompare(b.channel) || a.purpose.localeCompare(b.purpose));
  const channels = Object.fromEntries(ConsentChannel.options.map((c) => [c, 'none'])) as Record<ConsentChannel, ConsentStatus>;
  for (const entry of current) {
    // A withdrawal or objection for any purpose outranks a grant, so a warning is never hidden.
    if (rank[entry.action] > rank[channels[entry.channel]]) channels[entry.channel] = entry.action;
  }
  return { current, channels };
}
