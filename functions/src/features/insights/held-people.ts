// Who is on the accounts of a segment list of contacts, with their consents and restrictions, held per database
// handle and list with the database snapshot it was read in (migrations 0036, 0038, 0039). An entry serves only while
// no transaction it could not see has written a contact, a consent or a restriction on one of the list's accounts.
// After such a write the list's holder may read only the changed accounts' people again (`patch`), which holds the
// result by the snapshot the change was found in. Whatever it was patched from, the whole list is read again a minute
// after its last full read, behind the answers (callers never wait for it, changed or not), and before the answer five
// minutes on, so pruning the recorded changes after an hour can never hide one from it.
import type { Db, Queryable } from '../../core/db/db';
import { refreshInBackground } from './background-refresh';
import { changedSince, currentSnapshot, deleteChangesOlderThan, EVERY_ACCOUNT } from './people-changes-store';

/** Far below the hour after which recorded changes are pruned. */
const HELD_MS = 60_000;
/** An entry due to be read again still answers, patched after a change, meanwhile, up to this age of its whole read. */
const RENEWED_WITHIN_MS = 5 * 60_000;
const PRUNED_AFTER = '1 hour';
const LIMIT = 16;
/** Beyond this share of a list's accounts changed, reading them one by one would cost about what reading all does. */
const PATCHED_SHARE = 0.25;

/** The held value with the people of these accounts read again; the others' are as held. */
export type Patch<T> = (held: T, changedAccounts: readonly string[]) => Promise<T>;

interface Entry<T> {
  /** The accounts it was read for, joined by commas: what it is compared by, and sent to the check as they are. */
  key: string;
  accounts: readonly string[];
  /** When the whole list was last read, which a patch keeps. */
  readAt: number;
  snapshot: Promise<string>;
  value: Promise<T>;
  settled: boolean;
  /** Whether it is a patch of an entry before it rather than a whole read. */
  patched: boolean;
  /** Counts the reads and patches this holder started: the higher, the newer. */
  seq: number;
  /** The newest question its snapshot is as new as: it was taken, or the check it holds by began, after that one was asked. */
  answers: number;
}

/** A held entry as a check found it: the accounts changed since its snapshot, and the snapshot they were found in. */
interface Checked<T> {
  entry: Entry<T>;
  snapshot: string;
  changed: string[];
}

export class HeldPeople<T> {
  private readonly held = new WeakMap<Db, Map<string, Entry<T>>>();
  /** Per list the newest entry whose read or patch has finished, which the current one may still be working on. */
  private readonly settledHeld = new WeakMap<Db, Map<string, Entry<T>>>();
  private started = 0;
  /** Counts the callers' questions. */
  private questions = 0;

  constructor(private readonly clock: () => number = Date.now) {}

  /**
   * The value read by `read` for this tenant, list and accounts, or the one held for them while the people of those
   * accounts have not changed since, or with `patch` the held one with the changed accounts read again. Callers that
   * come while a read is under way share it, unless a change committed after its snapshot.
   */
  async get(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patch?: Patch<T>): Promise<T> {
    return (await this.entryFor(db, tenantId, listKey, accounts, read, patch)).entry.value;
  }

  /**
   * The held value while it is good and read, or patched (a patch costs less than any other answer); otherwise
   * undefined, and unless one is under way a whole read starts beside the caller's own answer, so that a later call
   * finds it: for a caller with a cheaper way to answer a single call than a whole read.
   */
  async peek(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patch?: Patch<T>): Promise<T | undefined> {
    const { entry, started } = await this.entryFor(db, tenantId, listKey, accounts, read, patch);
    if (entry.settled || entry.patched) return entry.value;
    if (started) refreshInBackground(db, `held people\n${tenantId}\n${listKey}`, () => entry.value);
    return undefined;
  }

  /**
   * The entry that answers this caller: the held one while unchanged, one under way that answers the question, or the
   * patch or whole read it starts (`started`). It starts one in the same turn as it decides, so two callers never both
   * start a read.
   */
  private async entryFor(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patch: Patch<T> | undefined) {
    const asked = ++this.questions;
    // While the held entry is still read or patched, the newest settled one is checked beside it rather than after.
    const current = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    const settledCheck = current && !current.settled && patch ? this.check(db, tenantId, listKey, accounts, this.settledHeld) : undefined;
    settledCheck?.catch(() => undefined);
    const checked = await this.check(db, tenantId, listKey, accounts);
    if (checked) this.renewIfDue(db, tenantId, listKey, checked.entry, read);
    if (checked?.changed.length === 0) return { entry: checked.entry, started: false };
    const settled = checked && !checked.entry.settled ? await settledCheck : undefined;
    const { entry, patching } = this.afterChange(db, tenantId, listKey, accounts, asked, checked, settled, patch);
    return entry ? { entry, started: false } : { entry: this.startRead(db, tenantId, listKey, accounts, read, patching), started: true };
  }

  /**
   * After a change of the current entry (`checked`): a read another caller started since; else, while the current one
   * is still read or patched, the newest settled entry (`settled`, checked too) if nothing changed since it, or a patch
   * of it beside the one under way (waiting behind that one, or reading everything instead, stalled all callers under
   * a stream of changes); else what to start: a patch of the current entry, or nothing, which means a whole read.
   */
  private afterChange(
    db: Db,
    tenantId: string,
    listKey: string,
    accounts: readonly string[],
    asked: number,
    checked: Checked<T> | undefined,
    settled: Checked<T> | undefined,
    patch: Patch<T> | undefined,
  ): { entry?: Entry<T>; patching?: Patching<T> } {
    if (settled?.changed.length === 0) return { entry: settled.entry };
    const shared = this.answering(db, tenantId, listKey, accounts, asked);
    return shared ? { entry: shared } : { patching: patchable(settled ?? checked, patch, asked) };
  }

  /**
   * The held entry (it may still be being read or patched) with what changed since its snapshot; undefined when none
   * serves.
   */
  private async check(db: Db, tenantId: string, listKey: string, accounts: readonly string[], from = this.held): Promise<Checked<T> | undefined> {
    const entry = from.get(db)?.get(`${tenantId}\n${listKey}`);
    if (!entry || !sameAccounts(entry, accounts)) return undefined;
    if (this.clock() - entry.readAt >= RENEWED_WITHIN_MS) return undefined;
    const held = await entry.snapshot.catch(() => null);
    if (held === null) return undefined;
    return { entry, ...(await changedSince(db, tenantId, held, entry.key)) };
  }

  /**
   * A minute after its whole read, an entry (and the patches of it) is read whole again behind the answers, once per
   * list at a time: 16 callers waiting for one whole read of a marketing list stalled them all for a second or more,
   * and under a stream of changes every minute. The read takes the place of whatever holds the same accounts from an
   * older whole read, patched or not: its snapshot is as good as any, and the next check finds what committed after it.
   */
  private renewIfDue(db: Db, tenantId: string, listKey: string, entry: Entry<T>, read: () => Promise<T>): void {
    if (this.clock() - entry.readAt < HELD_MS) return;
    const id = `${tenantId}\n${listKey}`;
    refreshInBackground(db, `held people renewed\n${id}`, async () => {
      const next = this.wholeRead(db, tenantId, entry.accounts, read);
      await next.value;
      const current = this.held.get(db)?.get(id);
      if (!current || (sameAccounts(current, next.accounts) && current.readAt < next.readAt)) this.place(db, id, next);
    });
  }

  /**
   * A read or patch another caller started whose snapshot is as new as this caller's question. A patch started after
   * the question may hold by the snapshot of a check that began before it, and then does not answer it. The callers
   * check and start without a pause between, so two of them never both start one.
   */
  private answering(db: Db, tenantId: string, listKey: string, accounts: readonly string[], asked: number): Entry<T> | undefined {
    const current = this.held.get(db)?.get(`${tenantId}\n${listKey}`);
    return current && current.answers >= asked && sameAccounts(current, accounts) ? current : undefined;
  }

  /**
   * A whole read takes its snapshot before it reads, so whatever commits during it shows as a change at the next call.
   * A patch is held by the snapshot its changes were found in: what that snapshot sees had committed before the check
   * looked, so the check found it; what it does not see, the next check will.
   */
  private startRead(db: Db, tenantId: string, listKey: string, accounts: readonly string[], read: () => Promise<T>, patching?: Patching<T>): Entry<T> {
    const id = `${tenantId}\n${listKey}`;
    const entry = patching ? this.patched(accounts, patching) : this.wholeRead(db, tenantId, accounts, read);
    // A failed read is not held: the next call reads again. Its callers get the failure.
    entry.value.catch(() => this.held.get(db)?.get(id) === entry && this.held.get(db)?.delete(id));
    this.place(db, id, entry);
    return entry;
  }

  private wholeRead(db: Db, tenantId: string, accounts: readonly string[], read: () => Promise<T>): Entry<T> {
    const snapshot = currentSnapshot(db, tenantId);
    const entry = { key: accounts.join(), accounts, readAt: this.clock(), snapshot, value: snapshot.then(read), settled: false, patched: false };
    return this.settling({ ...entry, seq: ++this.started, answers: this.questions });
  }

  private patched(accounts: readonly string[], { from, snapshot, changed, patch, asked }: Patching<T>): Entry<T> {
    const value = from.value.then((held) => patch(held, changed));
    const entry = { key: accounts.join(), accounts, readAt: from.readAt, snapshot: Promise.resolve(snapshot), value, settled: false, patched: true };
    return this.settling({ ...entry, seq: ++this.started, answers: asked });
  }

  private settling(entry: Entry<T>): Entry<T> {
    entry.value.then(
      () => (entry.settled = true),
      () => undefined,
    );
    return entry;
  }

  private place(db: Db, id: string, entry: Entry<T>): void {
    putLimited(this.held, db, id, entry);
    entry.value.then(
      () => {
        const newest = this.settledHeld.get(db)?.get(id);
        if (!newest || newest.seq < entry.seq) putLimited(this.settledHeld, db, id, entry);
      },
      () => undefined,
    );
  }
}

/** Holds the entry under the id as the newest, letting go of the oldest beyond the limit. */
function putLimited<T>(held: WeakMap<Db, Map<string, Entry<T>>>, db: Db, id: string, entry: Entry<T>): void {
  let entries = held.get(db);
  if (!entries) held.set(db, (entries = new Map()));
  entries.delete(id);
  entries.set(id, entry);
  if (entries.size > LIMIT) entries.delete(entries.keys().next().value!);
}

/** A caller that holds on to its array of accounts (as segment lists do per held analysis) is not compared by value. */
const sameAccounts = (entry: Entry<unknown>, accounts: readonly string[]) => entry.accounts === accounts || entry.key === accounts.join();

interface Patching<T> {
  from: Entry<T>;
  snapshot: string;
  changed: readonly string[];
  patch: Patch<T>;
  /** The question of the caller whose check found the changes. */
  asked: number;
}

/**
 * A patch of the checked entry, when its holder can patch, the entry is read and the change is of a few of the list's
 * accounts. A patch of a read or patch still under way would wait for it: under a stream of changes the patches would
 * queue one behind the other, where whole reads run side by side.
 */
function patchable<T>(checked: Checked<T> | undefined, patch: Patch<T> | undefined, asked: number): Patching<T> | undefined {
  if (!checked?.entry.settled || !patch || checked.changed.includes(EVERY_ACCOUNT)) return undefined;
  if (checked.changed.length > Math.max(1, checked.entry.accounts.length * PATCHED_SHARE)) return undefined;
  return { from: checked.entry, snapshot: checked.snapshot, changed: checked.changed, patch, asked };
}

/** Deletes recorded changes of people older than an hour, which no held entry can still need; answers how many. */
export const prunePeopleChanges = (db: Queryable): Promise<number> => deleteChangesOlderThan(db, PRUNED_AFTER);
