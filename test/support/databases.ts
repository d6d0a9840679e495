// Runs a database suite once per kind: embedded PGlite and, when available, a real PostgreSQL server.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { AppRole } from '@crm/common';
import type { Actor } from '../../functions/src/core/actor';
import type { Db } from '../../functions/src/core/db/db';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { upsertUser } from '../../functions/src/core/tenancy/users-store';

export type DbKind = 'pglite' | 'postgres';

export const postgresAvailable = (): boolean => inject('pgAdminUrl') !== null;

const withUrl = (url: string, database: string) => {
  const target = new URL(url);
  target.pathname = `/${database}`;
  return target.toString();
};

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database of the given kind, migrated unless told otherwise; close() also drops a server database. */
export async function openTestDatabase(kind: DbKind, options: { migrated?: boolean } = {}): Promise<Db> {
  const migrated = options.migrated ?? true;
  if (kind === 'pglite') return migrated ? openPglite(undefined, new Blob([readFileSync(inject('pgliteSnapshot'))])) : openPglite();
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL test server is running');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  await admin(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${migrated ? inject('pgTemplate') : 'template0'}"`);
  try {
    const db = await openPostgres(withUrl(adminUrl, name), { max: 20 });
    return {
      ...db,
      async close() {
        await db.close();
        await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  } catch (error) {
    await admin(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
}

/** One describe per database kind, each with its own fresh database for the whole block. */
export function describeEachDatabase(name: string, suite: (getDb: () => Db) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const available = kind === 'pglite' || postgresAvailable();
    // A skipped block keeps its kind in the name, so the report shows what did not run.
    (available ? describe : describe.skip)(`${name} [${kind}${available ? '' : ': PostgreSQL server not found, SKIPPED'}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await db?.close();
      });
      suite(() => {
        if (!db) throw new Error('database not open yet: call getDb() inside hooks and tests');
        return db;
      });
    });
  }
}

/** A user of a tenant (a new tenant unless tenantId is given), as their first API call would create them. */
export async function seedActor(db: Db, options: { tenantId?: string; roles?: AppRole[]; name?: string } = {}): Promise<Actor> {
  const tenantId = options.tenantId ?? randomUUID();
  const roles = options.roles ?? ['CRM.User'];
  const displayName = options.name ?? 'Test User';
  const userId = await upsertUser(db, { tenantId, oid: randomUUID(), displayName, email: null, roles });
  return { tenantId, userId, displayName, roles };
}

/** For tests whose requests must be answered before any query: every use fails the test instead of opening a database. */
export function untouchableDatabase(): Db {
  const touched = (): never => {
    throw new Error('this request reached the database, but must be answered before any query');
  };
  return { kind: 'pglite', query: async () => touched(), exec: async () => touched(), transaction: async () => touched(), close: async () => undefined };
}
