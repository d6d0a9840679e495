// A CRM tenant wired to the fake Graph server: users with mailboxes, customers to meet, and a sync service per "process".
import { randomUUID } from 'node:crypto';
import { AccountCreate, ContactCreate, type SyncResource } from '@crm/common';
import type { GraphConfig } from '../../functions/src/core/config';
import type { Actor } from '../../functions/src/core/actor';
import { createAccount } from '../../functions/src/features/accounts/service';
import { createContact } from '../../functions/src/features/contacts/service';
import { defaultSettings } from '../../functions/src/features/settings';
import type { Db } from '../../functions/src/core/db/db';
import { setSwitch } from '../../functions/src/features/sync/store/sync-state-store';
import { getSettings } from '../../functions/src/features/settings';
import { putSettings } from '../../functions/src/features/settings/store';
import { upsertUser } from '../../functions/src/core/tenancy/users-store';
import { createGraphProvider, createSyncService, type SyncServiceOptions } from '../../functions/src/features/sync';
import type { Sleep } from '../../functions/src/features/sync/clock';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { startFakeGraph, trustFakeGraphCert, type FakeGraph } from '../fake-graph/server';

export const CLIENT = { clientId: 'crm-sync-app', clientSecret: 'fake-secret-for-tests' };

export const graphConfigFor = (fg: FakeGraph, overrides: Partial<GraphConfig> = {}): GraphConfig => ({
  clientId: CLIENT.clientId,
  credential: { secret: CLIENT.clientSecret },
  baseUrl: fg.graphBaseUrl,
  authorityHost: fg.url,
  pageSize: 5,
  requestTimeoutMs: 5_000,
  ...overrides,
});

export interface SyncWorld {
  tenantId: string;
  db: Db;
  fg: FakeGraph;
  /** A CRM user whose mailbox exists in the fake, with sync switched on for the given resources. */
  employee(name: string, resources?: SyncResource[]): Promise<{ actor: Actor; mailbox: string; email: string }>;
  /** An account with a domain and a contact per address. */
  customer(name: string, domain: string, people: string[], ownerId?: string): Promise<{ accountId: string; contactIds: string[] }>;
  /** A sync "process" on the Graph driver; `sleep` and `clock` reach the driver's retries too. */
  service(options?: Partial<Omit<SyncServiceOptions, 'provider'>> & { graph?: Partial<GraphConfig> }): ReturnType<typeof createSyncService>;
}

/** The fake's token endpoint knows one tenant; tests keep apart by their own employees, customers and domains. */
export async function createSyncWorld(db: Db, fg: FakeGraph, tenantId = fg.tenantId): Promise<SyncWorld> {
  await upsertUser(db, { tenantId, oid: randomUUID(), displayName: 'Admin', email: null, roles: ['CRM.Admin'] });
  const current = await getSettings(db, tenantId);
  await putSettings(
    db,
    tenantId,
    { ...defaultSettings, graphSync: { ...defaultSettings.graphSync, connected: true } },
    Number(current.etag.replaceAll('"', '')),
  );
  const admin: Actor = { tenantId, userId: '', displayName: 'Admin', roles: ['CRM.Admin'] };
  return {
    tenantId,
    db,
    fg,
    async employee(name, resources = ['calendar']) {
      const mailbox = randomUUID();
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${mailbox.slice(0, 6)}@crm-tests.example`;
      fg.model.addMailbox({ email, id: mailbox, displayName: name });
      const userId = await upsertUser(db, { tenantId, oid: mailbox, displayName: name, email, roles: ['CRM.User'] });
      for (const resource of resources) await setSwitch(db, { tenantId, userId, resource }, true);
      return { actor: { tenantId, userId, displayName: name, roles: ['CRM.User'] }, mailbox, email };
    },
    async customer(name, domain, people, ownerId) {
      const actor = { ...admin, userId: (await db.query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 LIMIT 1`, [tenantId]))[0]!.id };
      const account = await createAccount(db, actor, AccountCreate.parse({ name, domains: [domain], ownerId: ownerId ?? null }));
      const contactIds: string[] = [];
      for (const person of people) {
        const [first, last] = person.split('.').map((part) => part.charAt(0).toUpperCase() + part.slice(1));
        const contact = await createContact(
          db,
          actor,
          ContactCreate.parse({ firstName: first, lastName: last ?? first, emails: [`${person}@${domain}`], accountId: account.value.id }),
        );
        contactIds.push(contact.value.id);
      }
      return { accountId: account.value.id, contactIds };
    },
    service(options = {}) {
      const { graph, ...rest } = options;
      const config = graphConfigFor(fg, graph);
      return createSyncService({
        db: async () => db,
        provider: createGraphProvider(config, { sleep: rest.sleep, clock: rest.clock }),
        notificationUrl: config.notificationUrl,
        intervalSeconds: 900,
        leaseSeconds: 60,
        ...rest,
      });
    },
  };
}

/** Meetings of an account's timeline as the API stores them. */
export async function meetingsOf(db: Db, tenantId: string, accountId: string) {
  return db.query<{ id: string; subject: string; occurred_at: Date; status: string | null; ical_uid: string; loggers: number }>(
    `SELECT i.id, i.subject, i.occurred_at, i.status, i.ical_uid,
       (SELECT count(*)::int FROM interaction_loggers l WHERE l.tenant_id = i.tenant_id AND l.interaction_id = i.id) AS loggers
     FROM interaction_accounts ia JOIN interactions i ON i.tenant_id = ia.tenant_id AND i.id = ia.interaction_id
     WHERE ia.tenant_id = $1 AND ia.account_id = $2 AND i.type = 'meeting' ORDER BY i.occurred_at, i.subject`,
    [tenantId, accountId],
  );
}

export async function syncRow(db: Db, tenantId: string, userId: string, resource: SyncResource) {
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM mailbox_sync WHERE tenant_id = $1 AND user_id = $2 AND resource = $3`, [
    tenantId,
    userId,
    resource,
  ]);
  return rows[0]!;
}

/** One fake Graph per test file, trusted by this process for its lifetime. */
export function useFakeGraph(options: Parameters<typeof startFakeGraph>[0] = {}): () => FakeGraph {
  let fg: FakeGraph | undefined;
  let untrust: (() => void) | undefined;
  beforeAll(async () => {
    fg = await startFakeGraph(options);
    untrust = trustFakeGraphCert(fg.certPem);
  });
  afterEach(() => {
    fg?.faults.clear();
    fg?.setLatency(0);
  });
  afterAll(async () => {
    untrust?.();
    await fg?.close();
  });
  return () => {
    if (!fg) throw new Error('the fake Graph is not started yet: use it inside hooks and tests');
    return fg;
  };
}

/** An ISO instant `days` from now at a whole UTC hour. */
export const inDays = (days: number, hour = 10) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};
export const plusHour = (iso: string) => new Date(new Date(iso).getTime() + 3_600_000).toISOString();

/** A sleep that returns at once and remembers what it was asked to wait, so tests check waits without spending them. */
export function recordingSleep(): { sleep: Sleep; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
}

/** Polls until the check holds (background work such as a sync after a notification). */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}
