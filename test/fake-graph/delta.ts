// Delta rounds: opaque tokens that encode the change sequence, and server-side page snapshots so nextLinks stay stable while the model changes.
import type { Mailbox } from './model';
import { contactJson, eventJson } from './serialize';

export type DeltaScope = { kind: 'events'; windowStart: number; windowEnd: number } | { kind: 'contacts'; folderId: string };

interface DeltaState {
  mailboxId: string;
  generation: number;
  seq: number;
  scope: DeltaScope;
}

export interface Snapshot {
  mailboxId: string;
  generation: number;
  scope: DeltaScope;
  /** The mailbox sequence the snapshot reflects; the round's deltaLink continues from here. */
  seq: number;
  items: Record<string, unknown>[];
}

export const encodeDeltaToken = (state: DeltaState): string => Buffer.from(JSON.stringify(state)).toString('base64url');

export function decodeDeltaToken(token: string): DeltaState | null {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as DeltaState;
    return typeof state.seq === 'number' && typeof state.mailboxId === 'string' && state.scope ? state : null;
  } catch {
    return null;
  }
}

const overlaps = (start: number, end: number, scope: { windowStart: number; windowEnd: number }) => start < scope.windowEnd && end > scope.windowStart;

/** since null: a full listing of live items; otherwise every change after that sequence, oldest first, tombstones included. */
export function collectChanges(mailbox: Mailbox, scope: DeltaScope, since: number | null, zone?: string): Record<string, unknown>[] {
  if (scope.kind === 'events') {
    const records = [...mailbox.events.values()];
    if (since === null) {
      return records
        .filter((s) => !s.removed && overlaps(s.startMs, s.endMs, scope))
        .sort((a, b) => a.startMs - b.startMs)
        .map((s) => eventJson(s, mailbox, zone));
    }
    const out: Record<string, unknown>[] = [];
    for (const s of records.filter((r) => r.seq > since).sort((a, b) => a.seq - b.seq)) {
      const inside = overlaps(s.startMs, s.endMs, scope);
      const wasInside = s.prevRange !== null && overlaps(s.prevRange[0], s.prevRange[1], scope);
      if (s.removed ? inside || wasInside : inside) out.push(eventJson(s, mailbox, zone));
      else if (wasInside) out.push(eventJson({ ...s, removed: true }, mailbox, zone));
    }
    return out;
  }
  return [...mailbox.contacts.values()]
    .filter((s) => s.contact.parentFolderId === scope.folderId && (since === null ? !s.removed : s.seq > since))
    .sort((a, b) => a.seq - b.seq)
    .map(contactJson);
}

/** Bounded so a long benchmark cannot grow memory without limit; evicted snapshots answer 410 like expired Graph skip tokens. */
export class SnapshotStore {
  private readonly snapshots = new Map<string, Snapshot>();
  private counter = 0;

  constructor(private readonly limit = 2_000) {}

  create(snapshot: Snapshot): string {
    this.counter += 1;
    const id = `s${this.counter}`;
    this.snapshots.set(id, snapshot);
    if (this.snapshots.size > this.limit) this.snapshots.delete(this.snapshots.keys().next().value!);
    return id;
  }

  get(id: string): Snapshot | undefined {
    return this.snapshots.get(id);
  }
}

export const encodeSkipToken = (snapshotId: string, offset: number): string => Buffer.from(`${snapshotId}:${offset}`).toString('base64url');

export function decodeSkipToken(token: string): { snapshotId: string; offset: number } | null {
  const [snapshotId, offset] = Buffer.from(token, 'base64url').toString('utf8').split(':');
  const n = Number(offset);
  return snapshotId && Number.isInteger(n) && n >= 0 ? { snapshotId, offset: n } : null;
}
