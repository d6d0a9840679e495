// Nothing lost when the process dies: 16 clients create contacts and log emails while the local host is killed with
// SIGKILL (no shutdown code runs). After each restart every write that was answered 2xx is there exactly once, the data
// opens without repair, and retrying every request (the client's own ids and internet message ids, docs/API.md) creates
// nothing twice. Embedded PGlite dies together with the host; a PostgreSQL server outlives it and rolls back what was
// in flight.
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { wrapPglite } from '../../functions/src/core/db/pglite-db';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import type { Db } from '../../functions/src/core/db/db';
import { postgresAvailable, type DbKind } from '../support/databases';
import { startLocalHostProcess, type LocalHostProcess } from '../support/local-host-process';
import { seededDataDir } from '../support/seeded-data-dir';

const CLIENTS = 16;
/** Acknowledged writes in a round before the kill: the first answers, a few dozen, a few hundred in. */
const KILL_POINTS = [1, 40, 150] as const;
const TEST_TIMEOUT_MS = 600_000;

interface Write {
  kind: 'contact' | 'email';
  /** The client's own key: the contact's id or the email's internet message id. */
  key: string;
  body: Record<string, unknown>;
  path: string;
  /** The id the API answered with, once a 2xx answer arrived. */
  acknowledgedId?: string;
}

interface Answer {
  status: number;
  body: { id?: string; items?: { id: string; internetMessageId?: string | null }[]; nextCursor?: string | null; access_token?: string };
}

/** One HTTP exchange; throws only when no answer arrived (the host died), so a status is always an answer. */
async function send(url: string, method: string, path: string, token?: string, body?: unknown): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {} };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** One file per database kind calls this, so the two halves of the heaviest suite run on both workers side by side. */
export function describeCrashSafety(kind: DbKind): void {
  const available = kind === 'pglite' || postgresAvailable();
  (available ? describe : describe.skip)(`crash safety under SIGKILL [${kind}${available ? '' : ': PostgreSQL server not found, SKIPPED'}]`, () => {
    const tenantId = randomUUID();
    const users = Array.from({ length: CLIENTS }, (_, c) => ({ userId: randomUUID(), name: `Crash Client ${c + 1}` }));
    const accountId = randomUUID();
    const writes: Write[][] = users.map(() => []);
    let dataDir: string | undefined;
    let databaseUrl: string | undefined;
    let databaseName: string | undefined;
    let host: LocalHostProcess | undefined;
    let tokens: string[] = [];
    const unexpected: string[] = [];

    const env = (): Record<string, string> =>
      kind === 'pglite' ? { CRM_DATA_DIR: dataDir!, CRM_SEED: 'none' } : { DATABASE_URL: databaseUrl!, DATABASE_POOL_SIZE: String(CLIENTS), CRM_SEED: 'none' };

    const start = async () => {
      host = await startLocalHostProcess(env());
      // Each start signs development tokens for its own address, so the clients sign in again.
      tokens = await Promise.all(users.map(async (user) => (await send(host!.url, 'POST', '/dev/token', undefined, { tenantId, ...user })).body.access_token!));
    };

    const nextWrite = (c: number): Write => {
      const j = writes[c]!.length;
      const lastContact = writes[c]!.findLast((w) => w.kind === 'contact' && w.acknowledgedId);
      const write: Write =
        j % 2 === 0
          ? (() => {
              const id = randomUUID();
              return {
                kind: 'contact',
                key: id,
                path: '/api/contacts',
                body: { id, firstName: `Client${c}`, lastName: `Crash ${j}`, emails: [`c${c}.w${j}@crash.example`], accountId },
              };
            })()
          : (() => {
              const internetMessageId = `<c${c}.w${j}.${randomUUID()}@crash.example>`;
              return {
                kind: 'email',
                key: internetMessageId,
                path: '/api/interactions',
                body: {
                  type: 'email',
                  direction: 'inbound',
                  occurredAt: new Date(Date.UTC(2026, 10, 1) + (c * 1000 + j) * 60_000).toISOString(),
                  subject: `Crash test ${c}/${j}`,
                  internetMessageId,
                  accountIds: [accountId],
                  contactIds: lastContact ? [lastContact.acknowledgedId!] : [],
                  source: 'addin',
                },
              };
            })();
      writes[c]!.push(write);
      return write;
    };

    /** Every client writes until its request finds no host; the host is killed once `killAfter` writes were answered. */
    const writeUntilKilled = async (killAfter: number) => {
      const target = host!;
      let acknowledged = 0;
      let kill: Promise<number | null> | undefined;
      const client = async (c: number) => {
        for (;;) {
          const write = nextWrite(c);
          let answer: Answer;
          try {
            answer = await send(target.url, 'POST', write.path, tokens[c], write.body);
          } catch {
            return;
          }
          if (answer.status !== 201) {
            // Ends the round: a client that cannot write would otherwise never reach the kill point.
            unexpected.push(`${write.path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
            kill ??= target.stop('SIGKILL');
            continue;
          }
          write.acknowledgedId = answer.body.id!;
          if (++acknowledged >= killAfter) kill ??= target.stop('SIGKILL');
        }
      };
      await Promise.all(users.map((_, c) => client(c)));
      await kill;
      return acknowledged;
    };

    const pages = async (path: string, token: string) => {
      const items: NonNullable<Answer['body']['items']> = [];
      for (let cursor: string | null | undefined = undefined; ;) {
        const page = await send(
          host!.url,
          'GET',
          `${path}${path.includes('?') ? '&' : '?'}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          token,
        );
        expect(page.status).toBe(200);
        items.push(...page.body.items!);
        cursor = page.body.nextCursor;
        if (!cursor) return items;
      }
    };

    /** What the API holds: contacts of the account by id, emails on its timeline by internet message id. */
    const stored = async () => {
      const contacts = await pages(`/api/contacts?accountId=${accountId}`, tokens[0]!);
      const emails = await pages(`/api/accounts/${accountId}/timeline`, tokens[0]!);
      return {
        contactIds: contacts.map((c) => c.id),
        messageIds: emails.map((e) => e.internetMessageId!),
        emailIds: new Map(emails.map((e) => [e.internetMessageId!, e.id])),
      };
    };

    const all = () => writes.flat();
    const keysOf = (kind: Write['kind'], acknowledgedOnly: boolean) =>
      all()
        .filter((w) => w.kind === kind && (!acknowledgedOnly || w.acknowledgedId))
        .map((w) => w.key);

    /** Exactly once: no key twice, nothing that no client sent, every acknowledged write present. */
    const expectAcknowledgedOnce = async () => {
      const { contactIds, messageIds, emailIds } = await stored();
      expect(new Set(contactIds).size).toBe(contactIds.length);
      expect(new Set(messageIds).size).toBe(messageIds.length);
      expect(keysOf('contact', false)).toEqual(expect.arrayContaining(contactIds));
      expect(keysOf('email', false)).toEqual(expect.arrayContaining(messageIds));
      expect(contactIds).toEqual(expect.arrayContaining(keysOf('contact', true)));
      expect(messageIds).toEqual(expect.arrayContaining(keysOf('email', true)));
      // Each acknowledged write is the very record its answer named: a contact under the client's id, an email as the
      // interaction answered then. The lists above hold each key once, so the read by key below finds the same.
      const acknowledged = all().filter((w) => w.acknowledgedId);
      expect(acknowledged.map((w) => [w.key, w.kind === 'contact' ? w.key : emailIds.get(w.key)])).toEqual(
        acknowledged.map((w) => [w.key, w.acknowledgedId]),
      );
      // The reads by key answer after the restart too (one of each kind; the lists above cover every record).
      const contact = acknowledged.findLast((w) => w.kind === 'contact');
      if (contact) expect((await send(host!.url, 'GET', `/api/contacts/${contact.key}`, tokens[0]!)).body.id).toBe(contact.key);
      const email = acknowledged.findLast((w) => w.kind === 'email');
      if (email) {
        const found = await send(host!.url, 'GET', `/api/interactions?internetMessageId=${encodeURIComponent(email.key)}`, tokens[0]!);
        expect(found.body.items!.map((i) => i.id)).toEqual([email.acknowledgedId]);
      }
    };

    /** Every client sends all its requests again, as a client does that cannot know which answers it missed. */
    const retryEverything = async () => {
      await Promise.all(
        users.map(async (_, c) => {
          for (const write of writes[c]!) {
            const answer = await send(host!.url, 'POST', write.path, tokens[c], write.body);
            // An acknowledged write is found again (200); one whose answer was lost is either found or created now.
            const allowed = write.acknowledgedId ? [200] : [200, 201];
            if (!allowed.includes(answer.status)) unexpected.push(`retry of ${write.path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
            if (write.acknowledgedId && answer.body.id !== write.acknowledgedId)
              unexpected.push(`retry of ${write.key} answered another record ${answer.body.id}`);
            write.acknowledgedId = answer.body.id;
          }
        }),
      );
    };

    beforeAll(async () => {
      if (kind === 'pglite') {
        // Migrated already, as the PostgreSQL template is: the first start is a restart like the later ones, not a migration
        // from nothing. The demo tenant in it is another tenant; every check below reads the suite's own.
        dataDir = seededDataDir('crm-crash-');
      } else {
        const adminUrl = inject('pgAdminUrl')!;
        databaseName = `crash_${randomUUID().replace(/-/g, '')}`;
        await adminQuery(adminUrl, `CREATE DATABASE "${databaseName}" TEMPLATE "${inject('pgTemplate')}"`);
        const url = new URL(adminUrl);
        url.pathname = `/${databaseName}`;
        databaseUrl = url.toString();
      }
      await start();
      const account = await send(host!.url, 'POST', '/api/accounts', tokens[0], { id: accountId, name: 'Crash Test GmbH' });
      expect(account.status).toBe(201);
    });

    afterAll(async () => {
      await host?.stop('SIGKILL');
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (databaseName) await adminQuery(inject('pgAdminUrl')!, `DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    });

    for (const killAfter of KILL_POINTS) {
      it(
        `killed after ${killAfter} acknowledged write(s): each is there once after the restart, and retries create nothing twice`,
        async () => {
          const acknowledged = await writeUntilKilled(killAfter);
          expect(unexpected).toEqual([]);
          expect(acknowledged).toBeGreaterThanOrEqual(killAfter);
          await start();
          // The same data, opened without repair: migrations found up to date, and the account from before the first kill.
          expect(host!.output()).toMatch(/migrations\s+up to date/);
          expect((await send(host!.url, 'GET', `/api/accounts/${accountId}`, tokens[0]!)).status).toBe(200);
          await expectAcknowledgedOnce();

          await retryEverything();
          const { contactIds, messageIds } = await stored();
          expect(contactIds.toSorted()).toEqual(keysOf('contact', false).toSorted());
          expect(messageIds.toSorted()).toEqual(keysOf('email', false).toSorted());
          expect(unexpected).toEqual([]);
        },
        TEST_TIMEOUT_MS,
      );
    }

    it(
      'the data opens directly after a kill, passes amcheck and holds exactly what the clients sent',
      async () => {
        await host!.stop('SIGKILL');
        const db: Db =
          kind === 'pglite'
            ? wrapPglite(await PGlite.create({ dataDir: join(dataDir!, 'pglite'), extensions: { amcheck } }))
            : await openPostgres(databaseUrl!, { max: 1 });
        try {
          // PostgreSQL's own checker: every table's pages and tuples, and every B-tree against its table.
          await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
          const corrupt = await db.query(
            `SELECT c.relname, v.msg FROM pg_class c CROSS JOIN LATERAL verify_heapam(c.oid) v WHERE c.relkind = 'r' AND c.relnamespace = 'public'::regnamespace`,
          );
          expect(corrupt).toEqual([]);
          const indexes = await db.query<{ relname: string }>(
            `SELECT c.relname, bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
             WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace`,
          );
          expect(indexes.map((i) => i.relname)).toEqual(expect.arrayContaining(['contacts_pkey']));
          const [contacts] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1', [tenantId]);
          const [emails] = await db.query<{ n: number }>(
            `SELECT count(*)::int AS n, count(DISTINCT internet_message_id)::int AS distinct_ids FROM interactions WHERE tenant_id = $1`,
            [tenantId],
          );
          expect(contacts!.n).toBe(keysOf('contact', false).length);
          expect(emails).toEqual({ n: keysOf('email', false).length, distinct_ids: keysOf('email', false).length });
        } finally {
          await db.close();
        }
        host = undefined;
      },
      TEST_TIMEOUT_MS,
    );
  });
}
