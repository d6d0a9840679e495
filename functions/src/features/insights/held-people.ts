// Who is on the accounts of a segment list of contacts, with their consents and restrictions, held per database
// handle and list with the database snapshot it was read in (migrations 0036, 0038). An entry serves only while no
// transaction it could not see has written a contact, a consent or a restriction on one of the list's accounts, and
// for a minute at most, so pruning the recorded changes after an hour can never hide one from it.
import type { Db, Queryable } from '../../core/db/db';
import { refreshInBackground } from './background-refresh';
import { currentSnapshot, deleteChangesOlderThan, writtenSince } from './people-changes-store';

/** Far below the hour after which recorded changes are pruned. */
const HELD_MS = 60_000;
const PRUNED_AFTER = '1 hour';
const LIMIT = 16;

interface Entry<T> {
  /** The accounts it was read for, joined: what it is compared by. */
  key: string;
  accounts: readonly string[];
  readAt: number;
  snapshot: Promise<string>;
  value: Promise<T>;
  settled: boolean;
  /** Counts the reads this holder started: one started after a caller asked has a snapshot as new as its question. */
  seq: number;
}

export class HeldPeople<T> {
  private readonly held = new WeakMap<Db, Map<string, Entry<T>>>();
  private started = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * The value read by `read` for this tenant, list and accounts, or the one held for them while the people of those
   * accounts have not changed since. Callers that come while a read is under way share it, unless a change committed
   * after its snapshot.
   */
  async get(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>): Promise<T> {
    const asked = this.started;
    const entry = (await this.good(db, tenantId, listKey, accounts)) ?? this.startedSince(db, tenantId, listKey, accounts, asked);
    return (entry ?? this.startRead(db, tenantId, listKey, accounts, read)).value;
  }

  /**
   * The held value while it is good and read; otherwise undefined, and unless one is under way a read starts beside
   * the caller's own answer, so that a later call finds it: for a caller with a cheaper way to answer a single call.
   */
  async peek(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>): Promise<T | undefined> {
    const asked = this.started;
    const entry = (await this.good(db, tenantId, listKey, accounts)) ?? this.startedSince(db, tenantId, listKey, accounts, asked);
    if (entry) return entry.settled ? entry.value : undefined;
    const started = this.startRead(db, tenantId, listKey, accounts, read);
    refreshInBackground(db, `held people\n${tenantId}\n${listKey}`, () => started.value);
    return undefined;
  }

  /** The held entry while nothing it could not see has changed since its snapshot (it may still be being read). */
  private async good(db: Db, tenantId: string, listKey: string, accounts: readonly string[]): Promise<Entry<T> | undefined> {
    const entry = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    if (!entry || entry.key !== accounts.join() || this.clock() - entry.readAt >= HELD_MS) return undefined;
    const snapshot = await entry.snapshot.catch(() => null);
    return snapshot !== null && !(await writtenSince(db, tenantId, snapshot, entry.accounts)) ? entry : undefined;
  }

  /**
   * A read another caller started after `asked`: its snapshot is as new as this caller's question. The callers check
   * and start without a pause between, so two of them never both start one.
   */
  private startedSince(db: Db, tenantId: string, listKey: string, accounts: readonly string[], asked: number): Entry<T> | undefined {
    const current = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    return current && current.seq > asked && current.key === accounts.join() ? current : undefined;
  }

  /** The snapshot is taken before the read, so whatever commits during it shows as a change at the next call. */
  private startRead(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>): Entry<T> {
    let entries = this.held.get(db);
    if (!entries) this.held.set(db, (entries = new Map()));
    const id = `${tenantId}\n${listKey}`;
    const snapshot = currentSnapshot(db, tenantId);
    const key = accounts.join();
    const entry: Entry<T> = { key, accounts, readAt: this.clock(), snapshot, value: snapshot.then(read), settled: false, seq: ++this.started };
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

/** Deletes recorded changes of people older than an hour, which no held entry can still need; answers how many. */
export const prunePeopleChanges = (db: Queryable): Promise<number> => deleteChangesOlderThan(db, PRUNED_AFTER);
