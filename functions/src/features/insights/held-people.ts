// Who is on the accounts of a segment list of contacts, with their consents and restrictions, held per database
// handle and list with the database snapshot it was read in (migrations 0036, 0038, 0039). An entry serves only while
// no transaction it could not see has written a contact, a consent or a restriction on one of the list's accounts.
// After such a write the list's holder may read only the changed accounts' people again (`patch`), which holds the
// result by the snapshot the change was found in. Whatever it was patched from, the whole list is read again a minute
// after its last full read at the latest, so pruning the recorded changes after an hour can never hide one from it.
import type { Db, Queryable } from '../../core/db/db';
import { refreshInBackground } from './background-refresh';
import { changedSince, currentSnapshot, deleteChangesOlderThan, EVERY_ACCOUNT } from './people-changes-store';

/** Far below the hour after which recorded changes are pruned. */
const HELD_MS = 60_000;
const PRUNED_AFTER = '1 hour';
const LIMIT = 16;
/** Beyond this share of a list's accounts changed, reading them one by one would cost about what reading all does. */
const PATCHED_SHARE = 0.25;

/** The held value with the people of these accounts read again; the others' are as held. */
export type Patch<T> = (held: T, changedAccounts: readonly string[]) => Promise<T>;

interface Entry<T> {
  /** The accounts it was read for, joined: what it is compared by. */
  key: string;
  accounts: readonly string[];
  /** When the whole list was last read, which a patch keeps. */
  readAt: number;
  snapshot: Promise<string>;
  value: Promise<T>;
  settled: boolean;
  /** Whether it is a patch of an entry before it rather than a whole read. */
  patched: boolean;
  /** Counts the reads this holder started: one started after a caller asked has a snapshot as new as its question. */
  seq: number;
}

/** A held entry as a check found it: the accounts changed since its snapshot, and the snapshot they were found in. */
interface Checked<T> {
  entry: Entry<T>;
  snapshot: string;
  changed: string[];
}

export class HeldPeople<T> {
  private readonly held = new WeakMap<Db, Map<string, Entry<T>>>();
  private started = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * The value read by `read` for this tenant, list and accounts, or the one held for them while the people of those
   * accounts have not changed since, or with `patch` the held one with the changed accounts read again. Callers that
   * come while a read is under way share it, unless a change committed after its snapshot.
   */
  async get(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patch?: Patch<T>): Promise<T> {
    const asked = this.started;
    const checked = await this.check(db, tenantId, listKey, accounts);
    if (checked?.changed.length === 0) return checked.entry.value;
    const shared = this.startedSince(db, tenantId, listKey, accounts, asked);
    return (shared ?? this.startRead(db, tenantId, listKey, accounts, read, patchable(checked, patch))).value;
  }

  /**
   * The held value while it is good and read, or patched (a patch costs less than any other answer); otherwise
   * undefined, and unless one is under way a whole read starts beside the caller's own answer, so that a later call
   * finds it: for a caller with a cheaper way to answer a single call than a whole read.
   */
  async peek(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patch?: Patch<T>): Promise<T | undefined> {
    const asked = this.started;
    const checked = await this.check(db, tenantId, listKey, accounts);
    const entry = checked?.changed.length === 0 ? checked.entry : this.startedSince(db, tenantId, listKey, accounts, asked);
    if (entry) return entry.settled || entry.patched ? entry.value : undefined;
    const patching = patchable(checked, patch);
    const started = this.startRead(db, tenantId, listKey, accounts, read, patching);
    if (patching) return started.value;
    refreshInBackground(db, `held people\n${tenantId}\n${listKey}`, () => started.value);
    return undefined;
  }

  /** The held entry (it may still be being read) with what changed since its snapshot; undefined when none serves. */
  private async check(db: Db, tenantId: string, listKey: string, accounts: readonly string[]): Promise<Checked<T> | undefined> {
    const entry = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    if (!entry || entry.key !== accounts.join() || this.clock() - entry.readAt >= HELD_MS) return undefined;
    const held = await entry.snapshot.catch(() => null);
    return held === null ? undefined : { entry, ...(await changedSince(db, tenantId, held, entry.accounts)) };
  }

  /**
   * A read another caller started after `asked`: its snapshot is as new as this caller's question. The callers check
   * and start without a pause between, so two of them never both start one.
   */
  private startedSince(db: Db, tenantId: string, listKey: string, accounts: readonly string[], asked: number): Entry<T> | undefined {
    const current = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    return current && current.seq > asked && current.key === accounts.join() ? current : undefined;
  }

  /**
   * A whole read takes its snapshot before it reads, so whatever commits during it shows as a change at the next call.
   * A patch is held by the snapshot its changes were found in: what that snapshot sees had committed before the check
   * looked, so the check found it; what it does not see, the next check will.
   */
  private startRead(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patching?: Patching<T>): Entry<T> {
    let entries = this.held.get(db);
    if (!entries) this.held.set(db, (entries = new Map()));
    const id = `${tenantId}\n${listKey}`;
    const seq = ++this.started;
    const key = accounts.join();
    let entry: Entry<T>;
    if (patching) {
      const { from, snapshot, changed, patch } = patching;
      entry = { key, accounts, readAt: from.readAt, snapshot: Promise.resolve(snapshot), value: from.value.then((held) => patch(held, changed)), settled: false, patched: true, seq };
    } else {
      const snapshot = currentSnapshot(db, tenantId);
      entry = { key, accounts, readAt: this.clock(), snapshot, value: snapshot.then(read), settled: false, patched: false, seq };
    }
    entry.value.then(
      () => (entry.settled = true),
      // A failed read is not held: the next call reads again. Its callers get the failure.
      () => entries.get(id) === entry && entries.delete(id),
    );
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
    return entry;
  }
}

interface Patching<T> {
  from: Entry<T>;
  snapshot: string;
  changed: readonly string[];
  patch: Patch<T>;
}

/**
 * A patch of the checked entry, when its holder can patch, the entry is read and the change is of a few of the list's
 * accounts. A patch of a read or patch still under way would wait for it: under a stream of changes the patches would
 * queue one behind the other, where whole reads run side by side.
 */
function patchable<T>(checked: Checked<T> | undefined, patch: Patch<T> | undefined): Patching<T> | undefined {
  if (!checked?.entry.settled || !patch || checked.changed.includes(EVERY_ACCOUNT)) return undefined;
  if (checked.changed.length > Math.max(1, checked.entry.accounts.length * PATCHED_SHARE)) return undefined;
  return { from: checked.entry, snapshot: checked.snapshot, changed: checked.changed, patch };
}

/** Deletes recorded changes of people older than an hour, which no held entry can still need; answers how many. */
export const prunePeopleChanges = (db: Queryable): Promise<number> => deleteChangesOlderThan(db, PRUNED_AFTER);
