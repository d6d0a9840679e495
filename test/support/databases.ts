// Runs a database suite once per kind: embedded PGlite and, when available, a real PostgreSQL server.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { AppRole } from '@crm/common';
import type { Actor } from '../../functions/src/domain/actor';
import type { Db } from '../../functions/src/store/db';
import { openPglite } from '../../functions/src/store/pglite-db';
import { openPostgres } from '../../functions/src/store/postgres-db';
import { upsertUser } from '../../functions/src/store/tenant-store';

export type DbKind = 'pglite' | 'postgres';

/** A fresh database of the given kind, already migrated; close() also drops a server database. */
export async function openTestDatabase(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    return openPglite(undefined, new Blob([readFileSync(inject('pgliteSnapshot'))]));
  }
  const adminUrl = inject('pgAdminUrl');
  if (!adminUrl) throw new Error('no PostgreSQL test server is running');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject('pgTemplate')}"`);
  await admin.end();
  const db = await openPostgres(adminUrl.replace(/\/postgres$/, `/${name}`), { max: 20 });
  return {
    ...db,
    transaction: db.transaction.bind(db),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

export const postgresAvailable = () => inject('pgAdminUrl') !== null;

/** One describe per database kind, each with its own fresh database for the whole block. */
export function describeEachDatabase(name: string, suite: (getDb: () => Db) => void): void {
  for (const kind of ['pglite', 'postgres'] as const) {
    const available = kind === 'pglite' || postgresAvailable();
    (available ? describe : describe.skip)(`${name} [${kind}${available ? '' : ': PostgreSQL not installed, skipped'}]`, () => {
      let db: Db | undefined;
      beforeAll(async () => {
        db = await openTestDatabase(kind);
      });
      afterAll(async () => {
        await db?.close();
      });
      suite(() => {
        if (!db) throw new Error('database not open yet');
        return db;
      });
    });
  }
}

/** A tenant with one user, as the first API call of that user would create it. */
export async function seedActor(db: Db, options: { tenantId?: string; roles?: AppRole[]; name?: string } = {}): Promise<Actor> {
  const tenantId = options.tenantId ?? randomUUID();
  const roles = options.roles ?? ['CRM.User'];
  const displayName = options.name ?? 'Test User';
  const userId = await upsertUser(db, { tenantId, oid: randomUUID(), displayName, email: null, roles });
  return { tenantId, userId, displayName, roles };
}
