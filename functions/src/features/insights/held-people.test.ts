// The held people of a segment list, on PGlite and PostgreSQL: reused while nothing of the tenant's people changed,
// read again (or patched, account by account) after any write of its contacts, consents or restrictions (committed,
// not rolled back), behind the answers after a minute, and, on a server, after a write whose transaction was still open when the read or
// the check before a patch was taken.
import { randomUUID } from 'node:crypto';
import { AccountCreate, ConsentEntryCreate, ContactCreate } from '@crm/common';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeEachDatabase, openTestDatabase, postgresAvailable, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { createAccount } from '../accounts';
import { recordConsent } from '../consents';
import { createContact } from '../contacts';
import { backgroundRefreshesDone } from './background-refresh';
import { HeldPeople, prunePeopleChanges } from './held-people';

async function tenantWithContact(db: Db) {
  const actor = await seedActor(db);
  const account = (await createAccount(db, actor, AccountCreate.parse({ name: `Firma ${randomUUID()}` }))).value.id;
  const contact = (await createContact(db, actor, ContactCreate.parse({ accountId: account, lastName: 'Adler', emails: ['adler@firma.example'] }))).value.id;
  return { actor, account, contact };
}

/** Promise.withResolvers, which Node.js 20 lacks. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

const grant = (db: Db, actor: Actor, contactId: string, action = 'granted') =>
  recordConsent(db, actor, ConsentEntryCreate.parse({ contactId, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action, source: 'Messe' }));

describeEachDatabase('held people of segment lists', (getDb) => {
  let now = 0;
  let reads = 0;
  const held = new HeldPeople<number>(() => now);
  let tenant: Awaited<ReturnType<typeof tenantWithContact>>;
  const get = (accounts?: string[]) => held.get(getDb(), tenant.actor.tenantId, 'list', accounts ?? [tenant.account], async () => ++reads);

  beforeAll(async () => {
    tenant = await tenantWithContact(getDb());
  });

  it('serves what it read while nothing changed, and reads again after each committed write of its accounts’ people', async () => {
    const first = await get();
    let expected = first;
    const readAgain = async () => expect(await get()).toBe(++expected);
    const notAgain = async () => expect(await get()).toBe(expected);
    await notAgain();
    // Another tenant's people are not this tenant's, nor those of another account of it.
    const other = await tenantWithContact(getDb());
    await grant(getDb(), other.actor, other.contact);
    await notAgain();
    const elsewhere = (await createAccount(getDb(), tenant.actor, AccountCreate.parse({ name: 'Anderswo' }))).value.id;
    const stranger = (await createContact(getDb(), tenant.actor, ContactCreate.parse({ accountId: elsewhere, lastName: 'Fremd' }))).value.id;
    await grant(getDb(), tenant.actor, stranger);
    await notAgain();
    // Moved to the list's account, and away from it again: each a change of its people.
    await getDb().query(`UPDATE contacts SET account_id = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, stranger, tenant.account]);
    await readAgain();
    await getDb().query(`UPDATE contacts SET account_id = $3 WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, stranger, elsewhere]);
    await readAgain();

    await grant(getDb(), tenant.actor, tenant.contact);
    await readAgain();
    await notAgain();
    await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Art. 18', $3)`, [
      tenant.actor.tenantId,
      tenant.contact,
      tenant.actor.userId,
    ]);
    await readAgain();
    await getDb().query(`UPDATE contact_restrictions SET lifted_at = now(), lifted_by = $3 WHERE tenant_id = $1 AND contact_id = $2`, [
      tenant.actor.tenantId,
      tenant.contact,
      tenant.actor.userId,
    ]);
    await readAgain();
    await getDb().query(`UPDATE contacts SET last_name = 'Aal' WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, tenant.contact]);
    await readAgain();
    await getDb().query(`DELETE FROM consents WHERE tenant_id = $1 AND contact_id = $2`, [tenant.actor.tenantId, tenant.contact]);
    await readAgain();

    // A write rolled back is no change.
    await expect(
      getDb().transaction(async (tx) => {
        await tx.query(`UPDATE contacts SET last_name = 'Zander' WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, tenant.contact]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await notAgain();

    // Other accounts (a changed filter or analysis) are read again. A minute later what is held still answers while it
    // is read again behind the answer, and that read answers from then on; five minutes on, the read comes first.
    expect(await get([elsewhere])).toBe(++expected);
    now += 60_000;
    expect(await get([elsewhere])).toBe(expected);
    await backgroundRefreshesDone(getDb());
    expect(await get([elsewhere])).toBe(++expected);
    await notAgainFor([elsewhere]);
    now += 5 * 60_000;
    expect(await get([elsewhere])).toBe(++expected);
    await backgroundRefreshesDone(getDb());
    await notAgainFor([elsewhere]);

    async function notAgainFor(accounts: string[]) {
      expect(await get(accounts)).toBe(expected);
      await backgroundRefreshesDone(getDb());
      expect(await get(accounts)).toBe(expected);
    }
  });

  it('counts a contact deleted with its consents and restriction for its own account alone, and one on no account for none', async () => {
    // A tenant of its own, so the record holds only this test's changes.
    const own = await tenantWithContact(getDb());
    const getOwn = () => held.get(getDb(), own.actor.tenantId, 'own', [own.account], async () => ++reads);
    const elsewhere = (await createAccount(getDb(), own.actor, AccountCreate.parse({ name: 'Woanders' }))).value.id;
    const person = async (accountId: string | undefined, lastName: string) => {
      const id = (await createContact(getDb(), own.actor, ContactCreate.parse({ accountId, lastName }))).value.id;
      await grant(getDb(), own.actor, id);
      await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Art. 18', $3)`, [
        own.actor.tenantId,
        id,
        own.actor.userId,
      ]);
      return id;
    };
    const remove = (id: string) => getDb().query(`DELETE FROM contacts WHERE tenant_id = $1 AND id = $2`, [own.actor.tenantId, id]);
    const away = await person(elsewhere, 'Mit');
    const nowhere = await person(undefined, 'Ohne');
    const here = await person(own.account, 'Hier');
    const before = await getOwn();
    await remove(away);
    await remove(nowhere);
    expect(await getOwn()).toBe(before);
    await remove(here);
    expect(await getOwn()).toBe(before + 1);
    const recorded = await getDb().query<{ account_id: string }>(`SELECT DISTINCT account_id::text FROM people_changes WHERE tenant_id = $1 ORDER BY 1`, [own.actor.tenantId]);
    expect(recorded.map((r) => r.account_id)).toEqual([own.account, elsewhere].sort());
  });

  it('shares a read under way with callers that come during it, unless a change committed after its snapshot', async () => {
    let reads = 0;
    let gate = deferred();
    const sharing = new HeldPeople<number>(() => now);
    const slow = () =>
      sharing.get(getDb(), tenant.actor.tenantId, 'shared', [tenant.account], async () => {
        const n = ++reads;
        await gate.promise;
        return n;
      });
    const [a, b] = [slow(), slow()];
    gate.resolve();
    expect([await a, await b, reads]).toEqual([1, 1, 1]);

    await grant(getDb(), tenant.actor, tenant.contact, 'withdrawn');
    gate = deferred();
    const c = slow();
    // c's read has taken its snapshot; a consent committed now is not in it, so the next caller reads anew.
    await vi.waitFor(() => expect(reads).toBe(2));
    await grant(getDb(), tenant.actor, tenant.contact);
    const d = slow();
    gate.resolve();
    expect([await c, await d, reads]).toEqual([2, 3, 3]);
  });

  it('peeks: nothing held answers nothing and reads in the background, once, for the next call', async () => {
    let peeks = 0;
    const peeking = new HeldPeople<number>(() => now);
    const peek = () => peeking.peek(getDb(), tenant.actor.tenantId, 'peeked', [tenant.account], async () => ++peeks);
    // Two callers at once: neither waits, one read starts.
    expect(await Promise.all([peek(), peek()])).toEqual([undefined, undefined]);
    await backgroundRefreshesDone(getDb());
    expect([await peek(), peeks]).toEqual([1, 1]);
    await grant(getDb(), tenant.actor, tenant.contact);
    expect(await peek()).toBeUndefined();
    await backgroundRefreshesDone(getDb());
    expect(await peek()).toBe(2);
    // A holder that can patch answers a change of one account with the patch, at once, and holds it.
    const patchedPeek = () => peeking.peek(getDb(), tenant.actor.tenantId, 'peeked', [tenant.account], async () => ++peeks, async (value) => value + 100);
    await grant(getDb(), tenant.actor, tenant.contact, 'withdrawn');
    expect([await patchedPeek(), await patchedPeek(), peeks]).toEqual([102, 102, 2]);
  });

  it('patches what it holds with the changed accounts alone, reads all again for a change of every list or of many accounts, and a minute on behind the answers', async () => {
    const account = async (name: string) => (await createAccount(getDb(), tenant.actor, AccountCreate.parse({ name }))).value.id;
    const person = async (accountId: string, lastName: string) =>
      (await createContact(getDb(), tenant.actor, ContactCreate.parse({ accountId, lastName }))).value.id;
    const second = await account('Zweite');
    const accounts = [tenant.account, second, await account('Dritte'), await account('Vierte')];
    const other = await person(second, 'Berg');
    let reads = 0;
    const patches: string[][] = [];
    const patching = new HeldPeople<string>(() => now);
    const get = () =>
      patching.get(
        getDb(),
        tenant.actor.tenantId,
        'patched',
        accounts,
        async () => `read ${++reads}`,
        async (held, changed) => (patches.push([...changed]), `${held}, patched`),
      );
    expect(await get()).toBe('read 1');
    await grant(getDb(), tenant.actor, other);
    expect([await get(), patches]).toEqual(['read 1, patched', [[second]]]);
    // Held again, by the snapshot the change was found in.
    expect(await get()).toBe('read 1, patched');
    // Two of the four accounts: more than a quarter of them, read again.
    await grant(getDb(), tenant.actor, tenant.contact, 'withdrawn');
    await grant(getDb(), tenant.actor, other, 'withdrawn');
    expect([await get(), patches.length]).toEqual(['read 2', 1]);
    // A change of every list (as the rows recorded before migration 0038 are) is read whole.
    await getDb().query(`INSERT INTO people_changes (tenant_id, xid) VALUES ($1, pg_current_xact_id())`, [tenant.actor.tenantId]);
    expect([await get(), patches.length]).toEqual(['read 3', 1]);
    // Patched half a minute after the whole read. A minute after it, answered as patched while it is read whole behind
    // the answer. A change found a minute after the whole read is patched for the answer too, and read whole behind it:
    // under a stream of changes the whole read waited for every minute stalled every caller.
    now += 30_000;
    await grant(getDb(), tenant.actor, other);
    expect(await get()).toBe('read 3, patched');
    now += 30_000;
    expect(await get()).toBe('read 3, patched');
    await backgroundRefreshesDone(getDb());
    expect([await get(), patches]).toEqual(['read 4', [[second], [second]]]);
    now += 60_000;
    await grant(getDb(), tenant.actor, other, 'withdrawn');
    expect([await get(), patches.length]).toEqual(['read 4, patched', 3]);
    await backgroundRefreshesDone(getDb());
    expect([await get(), patches.length]).toEqual(['read 5', 3]);
    // The read behind the answers takes the place of a patch of an older whole read, and a change after it is patched.
    await grant(getDb(), tenant.actor, other);
    expect([await get(), patches.length]).toEqual(['read 5, patched', 4]);
    // Five minutes after the whole read (no call asked in between), the read comes before the answer.
    now += 5 * 60_000;
    expect([await get(), patches.length]).toEqual(['read 6', 4]);
  });

  it("patches side by side under a stream of changes, and never answers a caller with a patch that misses the caller's own write", async () => {
    const account = async (name: string) => (await createAccount(getDb(), tenant.actor, AccountCreate.parse({ name }))).value.id;
    const accounts: string[] = [];
    for (let i = 0; i < 8; i++) accounts.push(await account(`Strom ${i}`));
    const people = await Promise.all(accounts.slice(0, 3).map((id, i) => createContact(getDb(), tenant.actor, ContactCreate.parse({ accountId: id, lastName: `Fluss ${i}` }))));
    const [first, second, third] = people.map((p) => p.value.id) as [string, string, string];
    // The checks of the callers that ask while `paused` stop after their statement, until let go in turn.
    const paused: { returned: ReturnType<typeof deferred>; release: ReturnType<typeof deferred> }[] = [];
    let pausing = false;
    const pausingDb: Db = {
      ...getDb(),
      query: async (sql, params) => {
        const rows = await getDb().query(sql, params);
        if (pausing && typeof sql === 'string' && sql.includes('people_changed_since')) {
          const gate = { returned: deferred(), release: deferred() };
          paused.push(gate);
          gate.returned.resolve();
          await gate.release.promise;
        }
        return rows as never;
      },
    };
    const patchGates: ReturnType<typeof deferred>[] = [];
    const streaming = new HeldPeople<string>(() => now);
    const get = () =>
      streaming.get(
        pausingDb,
        tenant.actor.tenantId,
        'stream',
        accounts,
        async () => 'read',
        async (held, changed) => {
          const gate = patchGates.shift();
          if (gate) await gate.promise;
          return `${held} + ${changed.map((id) => accounts.indexOf(id)).sort().join(',')}`;
        },
      );
    expect(await get()).toBe('read');

    // A's check sees the first account's change; B writes the second and asks before A's patch starts.
    await grant(getDb(), tenant.actor, first);
    pausing = true;
    const a = get();
    await vi.waitFor(() => expect(paused).toHaveLength(1));
    await paused[0]!.returned.promise;
    await grant(getDb(), tenant.actor, second);
    const b = get();
    await vi.waitFor(() => expect(paused).toHaveLength(2));
    pausing = false;
    const slowPatch = deferred();
    patchGates.push(slowPatch);
    paused[0]!.release.resolve();
    // A's patch has started (it took the gate) before B's check goes on.
    await vi.waitFor(() => expect(patchGates).toHaveLength(0));
    paused[1]!.release.resolve();
    slowPatch.resolve();
    // B does not take A's patch, which holds by a snapshot before B's write: it patches both accounts itself.
    expect([await b, await a]).toEqual(['read + 0,1', 'read + 0']);
    // While a patch is under way, the next change is patched from the newest settled entry beside it, not behind it.
    const stuck = deferred();
    patchGates.push(stuck);
    await grant(getDb(), tenant.actor, third);
    const c = get();
    await vi.waitFor(() => expect(patchGates).toHaveLength(0));
    await grant(getDb(), tenant.actor, first, 'withdrawn');
    expect(await get()).toBe('read + 0,1 + 0,2');
    stuck.resolve();
    expect(await c).toBe('read + 0,1 + 2');
  });

  it('prunes the recorded changes older than an hour and keeps the newer ones', async () => {
    const { actor } = await tenantWithContact(getDb());
    await getDb().query(`INSERT INTO people_changes (tenant_id, xid, written_at) VALUES ($1, '1', now() - interval '61 minutes')`, [actor.tenantId]);
    const count = async () =>
      Number((await getDb().query<{ n: string }>(`SELECT count(*) AS n FROM people_changes WHERE tenant_id = $1`, [actor.tenantId]))[0]!.n);
    const before = await count();
    expect(before).toBeGreaterThan(1);
    expect(await prunePeopleChanges(getDb())).toBeGreaterThanOrEqual(1);
    expect(await count()).toBe(before - 1);
  });
});

// Only a server runs two transactions at once: PGlite has one connection.
(postgresAvailable() ? describe : describe.skip)('held people, a write open while they are read [postgres]', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await db?.close();
  });

  it('patches, after a change found while another write was open, that write’s account too once it commits', async () => {
    const tenant = await tenantWithContact(db);
    const second = (await createAccount(db, tenant.actor, AccountCreate.parse({ name: 'Zweite' }))).value.id;
    const other = (await createContact(db, tenant.actor, ContactCreate.parse({ accountId: second, lastName: 'Berg' }))).value.id;
    const patches: string[][] = [];
    const held = new HeldPeople<string>(() => 0);
    const get = () =>
      held.get(db, tenant.actor.tenantId, 'list', [tenant.account, second], async () => 'read', async (value, changed) => (patches.push([...changed]), value));
    expect(await get()).toBe('read');
    let written!: () => void;
    let commit!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const open = db.transaction(async (tx) => {
      await tx.query(`UPDATE contacts SET last_name = 'Aal' WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, other]);
      written();
      await committing;
    });
    await wrote;
    await grant(db, tenant.actor, tenant.contact);
    await get();
    commit();
    await open;
    await get();
    expect(patches).toEqual([[tenant.account], [second]]);
  });

  it('reads again after a write whose transaction began before the read and committed after it', async () => {
    const tenant = await tenantWithContact(db);
    let reads = 0;
    const held = new HeldPeople<number>(() => 0);
    const get = () => held.get(db, tenant.actor.tenantId, 'list', [tenant.account], async () => ++reads);
    let written!: () => void;
    let commit!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const committing = new Promise<void>((resolve) => (commit = resolve));
    const open = db.transaction(async (tx) => {
      await tx.query(`UPDATE contacts SET last_name = 'Aal' WHERE tenant_id = $1 AND id = $2`, [tenant.actor.tenantId, tenant.contact]);
      written();
      await committing;
    });
    await wrote;
    // A later transaction that ends first: the open one is now below the snapshot's horizon, listed as in progress.
    await tenantWithContact(db);
    expect(await get()).toBe(1);
    expect(await get()).toBe(1);
    commit();
    await open;
    expect(await get()).toBe(2);
  });
});
