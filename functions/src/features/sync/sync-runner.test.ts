// Sync's state machine on a provider that is not Microsoft Graph: an in-memory mailbox implementing ./ports.ts, nothing from graph/.
import { AccountCreate, ContactCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { upsertUser } from '../../core/tenancy/users-store';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { SyncProviderError, type CalendarEvent, type FolderContact, type SyncFailure, type SyncProvider } from './ports';
import { setSwitch } from './store/sync-state-store';
import { createSyncService } from './sync-engine';

const PAGE_SIZE = 2;

/** Mailboxes in memory with a change log; cursors are "full:<mailbox>:<offset>" and "delta:<mailbox>:<log position>". */
function memoryProvider() {
  const events = new Map<string, Map<string, CalendarEvent>>();
  const log = new Map<string, { id: string; removed: boolean }[]>();
  const folders = new Map<string, Map<string, FolderContact>>();
  const requests = new Map<string, number>();
  const failNext: SyncFailure[] = [];
  const count = (mailbox: string) => requests.set(mailbox, (requests.get(mailbox) ?? 0) + 1);
  const request = (mailbox: string) => {
    count(mailbox);
    const failure = failNext.shift();
    if (failure) throw new SyncProviderError(failure);
  };
  const calendarOf = (mailbox: string) => events.get(mailbox) ?? events.set(mailbox, new Map()).get(mailbox)!;
  const logOf = (mailbox: string) => log.get(mailbox) ?? log.set(mailbox, []).get(mailbox)!;
  const deltaCursor = (mailbox: string) => `delta:${mailbox}:${logOf(mailbox).length}`;

  const provider: SyncProvider = {
    name: 'Memory Mail',
    requiredPermission: (resource) => `${resource}.read`,
    permissionAdvice: (resource) => `Grant ${resource}.read in the memory console.`,
    calendar: {
      start: (mailbox) => `full:${mailbox}:0`,
      async read(_tenantId, cursor) {
        const [kind, mailbox, at] = cursor.split(':') as [string, string, string];
        request(mailbox);
        if (kind === 'full') {
          const all = [...calendarOf(mailbox).values()];
          const offset = Number(at);
          const items = all.slice(offset, offset + PAGE_SIZE);
          return offset + PAGE_SIZE < all.length
            ? { items, removed: [], nextCursor: `full:${mailbox}:${offset + PAGE_SIZE}` }
            : { items, removed: [], deltaCursor: deltaCursor(mailbox) };
        }
        const changes = logOf(mailbox).slice(Number(at));
        const changed = [...new Set(changes.filter((c) => !c.removed).map((c) => c.id))];
        return {
          items: changed.map((id) => calendarOf(mailbox).get(id)).filter((e): e is CalendarEvent => Boolean(e)),
          removed: changes.filter((c) => c.removed).map((c) => c.id),
          deltaCursor: deltaCursor(mailbox),
        };
      },
    },
    contacts: {
      start: (mailbox) => `delta:${mailbox}:0`,
      async read(_tenantId, cursor) {
        request(cursor.split(':')[1]!);
        return { items: [], removed: [], deltaCursor: cursor };
      },
    },
    crmFolder: {
      async ensure(_tenantId, mailbox) {
        count(mailbox);
        folders.set(mailbox, folders.get(mailbox) ?? new Map());
        return `folder-of-${mailbox}`;
      },
      async list(_tenantId, mailbox) {
        count(mailbox);
        return [...folders.get(mailbox)!.entries()].map(([providerId, c]) => ({ ...c, providerId, displayName: '', modifiedAt: new Date() }));
      },
      async create(_tenantId, mailbox, _folderId, contact) {
        count(mailbox);
        const id = randomUUID();
        folders.get(mailbox)!.set(id, contact);
        return id;
      },
      async update(_tenantId, mailbox, _folderId, id, contact) {
        count(mailbox);
        folders.get(mailbox)!.set(id, contact);
      },
      async delete(_tenantId, mailbox, _folderId, id) {
        count(mailbox);
        folders.get(mailbox)!.delete(id);
      },
    },
    requestCount: (mailbox) => requests.get(mailbox) ?? 0,
  };

  return {
    provider,
    folders,
    failNext,
    put(mailbox: string, event: Omit<CalendarEvent, 'providerId' | 'meetingKey' | 'endsAt' | 'isPrivate' | 'isCancelled'> & Partial<CalendarEvent>) {
      const providerId = event.providerId ?? randomUUID();
      const full: CalendarEvent = {
        providerId,
        meetingKey: `${providerId}@memory`,
        endsAt: new Date(event.startsAt.getTime() + 3_600_000),
        isPrivate: false,
        isCancelled: false,
        ...event,
      };
      calendarOf(mailbox).set(providerId, full);
      logOf(mailbox).push({ id: providerId, removed: false });
      return full;
    },
    remove(mailbox: string, id: string) {
      calendarOf(mailbox).delete(id);
      logOf(mailbox).push({ id, removed: true });
    },
  };
}

describeEachDatabase('sync on a provider other than Graph', (getDb) => {
  let db: Db;
  const tenantId = randomUUID();
  let admin: Actor;
  beforeAll(async () => {
    db = getDb();
    const userId = await upsertUser(db, { tenantId, oid: randomUUID(), displayName: 'Admin', email: null, roles: ['CRM.Admin'] });
    admin = { tenantId, userId, displayName: 'Admin', roles: ['CRM.Admin'] };
  });

  /** A seller with a mailbox and a customer account (owned by them) with one contact. */
  const seller = async (name: string, resource: 'calendar' | 'contacts' = 'calendar') => {
    const mailbox = randomUUID();
    const userId = await upsertUser(db, { tenantId, oid: mailbox, displayName: name, email: null, roles: ['CRM.User'] });
    await setSwitch(db, { tenantId, userId, resource }, true);
    const domain = `${mailbox.slice(0, 8)}.example`;
    const account = await createAccount(db, admin, AccountCreate.parse({ name: `${name} Kunde`, domains: [domain], ownerId: userId }));
    await createContact(db, admin, ContactCreate.parse({ firstName: 'Kim', lastName: 'Weber', emails: [`kim@${domain}`], accountId: account.value.id }));
    return { mailbox, userId, customer: `kim@${domain}`, accountId: account.value.id };
  };
  const meetings = async (accountId: string) =>
    db.query<{ subject: string; status: string | null }>(
      `SELECT i.subject, i.status FROM interaction_accounts ia JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
       WHERE ia.tenant_id = $1 AND ia.account_id = $2 AND i.type = 'meeting' ORDER BY i.subject`,
      [tenantId, accountId],
    );
  const row = async (userId: string, resource = 'calendar') =>
    (
      await db.query<Record<string, unknown>>(
        `SELECT status, missing_permission, last_error, retry_after > now() + interval '100 seconds' AS backing_off FROM mailbox_sync
         WHERE tenant_id = $1 AND user_id = $2 AND resource = $3`,
        [tenantId, userId, resource],
      )
    )[0]!;
  const service = (provider: SyncProvider) =>
    createSyncService({ db: async () => db, provider, intervalSeconds: 900, leaseSeconds: 60, sleep: async () => undefined });

  it('pages a full pass, resumes with the delta cursor, and applies changes and removals', async () => {
    const memory = memoryProvider();
    const who = await seller('Ada');
    const at = (days: number) => new Date(Date.now() + days * 86_400_000);
    const first = memory.put(who.mailbox, { subject: 'Kick-off', startsAt: at(1), participants: [who.customer] });
    memory.put(who.mailbox, { subject: 'Review', startsAt: at(2), participants: [who.customer] });
    const third = memory.put(who.mailbox, { subject: 'Abschluss', startsAt: at(3), participants: [who.customer] });
    memory.put(who.mailbox, { subject: 'Arzt', startsAt: at(4), participants: [who.customer], isPrivate: true });
    memory.put(who.mailbox, { subject: 'Intern', startsAt: at(5), participants: ['colleague@internal.example'] });
    const sync = service(memory.provider);

    expect(await sync.runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'synced', pages: 3, items: 5, created: 3, requests: 3 }]);
    expect((await meetings(who.accountId)).map((m) => m.subject)).toEqual(['Abschluss', 'Kick-off', 'Review']);

    memory.put(who.mailbox, { ...first, subject: 'Kick-off (verschoben)' });
    memory.remove(who.mailbox, third.providerId);
    expect(await sync.runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'synced', pages: 1, updated: 1, removed: 1, requests: 1 }]);
    // A meeting removed from the calendar stays in the timeline as cancelled.
    expect((await meetings(who.accountId)).map((m) => [m.subject, m.status])).toEqual([
      ['Abschluss', 'cancelled'],
      ['Kick-off (verschoben)', null],
      ['Review', null],
    ]);
  });

  it('acts on the provider failures in sync terms: permission, back-off after Retry-After, one restart after a reset', async () => {
    const memory = memoryProvider();
    const sync = service(memory.provider);
    const who = await seller('Bo');
    memory.put(who.mailbox, { subject: 'Termin', startsAt: new Date(Date.now() + 86_400_000), participants: [who.customer] });

    memory.failNext.push({ kind: 'permission', status: 403, message: 'no' });
    const [refused] = await sync.runNow(tenantId, { userId: who.userId });
    expect(refused).toMatchObject({ outcome: 'needs_permission', requests: 1 });
    expect(await row(who.userId)).toMatchObject({
      status: 'needs_permission',
      missing_permission: 'calendar.read',
      last_error: 'Memory Mail refused access (403). Grant calendar.read in the memory console.',
    });

    memory.failNext.push({ kind: 'temporary', status: 429, message: 'slow down', retryAfterSeconds: 300 });
    const [busy] = await sync.runNow(tenantId, { userId: who.userId });
    expect(busy).toMatchObject({ outcome: 'failed', error: 'Memory Mail was busy or unavailable (429) after retries; the sync tries again later.' });
    expect(await row(who.userId)).toMatchObject({ status: 'failed', backing_off: true });

    expect(await sync.runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'synced', created: 1 }]);
    memory.failNext.push({ kind: 'reset', status: 410, message: 'state lost' });
    expect(await sync.runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'synced', created: 0, requests: 2 }]);
    expect(await meetings(who.accountId)).toHaveLength(1);

    memory.failNext.push({ kind: 'reset', status: 410, message: 'state lost' }, { kind: 'reset', status: 410, message: 'lost again' });
    expect(await sync.runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'failed', error: 'Memory Mail lost the sync state (410); a full resync follows.' }]);
  });

  it("writes the contacts of the seller's accounts to the provider's CRM folder", async () => {
    const memory = memoryProvider();
    const who = await seller('Cy', 'contacts');
    expect(await service(memory.provider).runNow(tenantId, { userId: who.userId })).toMatchObject([{ outcome: 'synced', created: 1 }]);
    expect([...memory.folders.get(who.mailbox)!.values()]).toMatchObject([{ emails: [who.customer], firstName: 'Kim', lastName: 'Weber' }]);
  });
});
