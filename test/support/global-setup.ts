// Once per test run: a migrated PGlite snapshot and, where PostgreSQL is installed, a throwaway server with a migrated template.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../functions/src/core/db/migrate';
import { openPglite } from '../../functions/src/core/db/pglite-db';
import { openPostgres } from '../../functions/src/core/db/postgres-db';
import { seedDemoTenant } from '../../functions/src/seed/seed-demo';
import { findPgBinDir, startPgCluster, type PgCluster } from './pg-cluster';
import { buildLocalHostBundle } from './local-host-bundle';
import { LOCAL_HOST_BUNDLE_ENV } from './local-host-process';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the test server's "postgres" database, or null when the PostgreSQL-server run is skipped. */
    pgAdminUrl: string | null;
    /** The migrated database every PostgreSQL test database is copied from. */
    pgTemplate: string;
    /** Path of a migrated PGlite data directory dump (tar), loaded instead of migrating again. */
    pgliteSnapshot: string;
    /** A local host's data folder (CRM_DATA_DIR) with the demo tenant seeded, for copies (test/support/seeded-data-dir.ts). */
    seededHostData: string;
  }
}

const PG_TEMPLATE = 'crm_template';

const banner = (lines: string[]) => {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.warn(['', '!'.repeat(width), ...lines.map((l) => `! ${l.padEnd(width - 4)} !`), '!'.repeat(width), ''].join('\n'));
};

const SKIPPED = [
  'PostgreSQL-server run SKIPPED: initdb/pg_ctl not found (PATH, /usr/lib/postgresql/*/bin).',
  'Database tests ran on embedded PGlite only.',
  'Install PostgreSQL (apt-get install postgresql) to run them on a real server; CI=true makes it mandatory.',
];

/** A migrated PGlite's data directory dump: the one database the setup creates from nothing (initdb is most of its cost). */
async function pgliteSnapshot(path: string): Promise<Blob> {
  const db = await openPglite();
  try {
    await migrate(db);
    const dump = await db.pglite.dumpDataDir('none');
    writeFileSync(path, Buffer.from(await dump.arrayBuffer()));
    return dump;
  } finally {
    await db.close();
  }
}

/** What `npm start` leaves in its data folder on the first start, from the migrated snapshot: browser tests copy it instead of seeding again. */
async function seededHostData(dataDir: string, migrated: Blob): Promise<void> {
  mkdirSync(dataDir);
  const db = await openPglite(join(dataDir, 'pglite'), migrated);
  try {
    await seedDemoTenant(db);
  } finally {
    await db.close();
  }
}

async function migratedTemplate(cluster: PgCluster): Promise<void> {
  await cluster.createDatabase(PG_TEMPLATE);
  const db = await openPostgres(cluster.url(PG_TEMPLATE), { max: 1 });
  try {
    await migrate(db);
  } finally {
    // CREATE DATABASE ... TEMPLATE fails while anyone is still connected to the template.
    await db.close();
  }
}

export default async function setup(project: TestProject) {
  const tempDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  // Set inside the server start below; typed by cast so the checker does not narrow it to null here.
  let cluster = null as PgCluster | null;
  let bundle: Awaited<ReturnType<typeof buildLocalHostBundle>> | undefined;
  const cleanUp = async () => {
    await cluster?.stop();
    bundle?.remove();
    delete process.env[LOCAL_HOST_BUNDLE_ENV];
    rmSync(tempDir, { recursive: true, force: true });
  };

  try {
    const snapshot = join(tempDir, 'pglite-migrated.tar');
    const seeded = join(tempDir, 'seeded-host-data');
    const binDir = findPgBinDir();
    if (!binDir && process.env.CI === 'true') {
      throw new Error('CI=true requires the PostgreSQL-server run of the database tests, but initdb/pg_ctl were not found (apt-get install postgresql)');
    }
    if (!binDir) banner(SKIPPED);
    // The server starts and migrates in processes of its own, so that overlaps the PGlite work in this one.
    const server = binDir
      ? startPgCluster(binDir).then(async (started) => {
          cluster = started;
          await migratedTemplate(started);
        })
      : Promise.resolve();
    const hostBundle = buildLocalHostBundle(tempDir.split(/[\\/]/).at(-1)!).then((built) => {
      bundle = built;
    });
    const pglite = pgliteSnapshot(snapshot).then((migrated) => seededHostData(seeded, migrated));
    const results = await Promise.allSettled([server, pglite, hostBundle]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;

    project.provide('pgAdminUrl', cluster ? cluster.url() : null);
    project.provide('pgTemplate', PG_TEMPLATE);
    project.provide('pgliteSnapshot', snapshot);
    project.provide('seededHostData', seeded);
    // The workers are forked after this and inherit the environment, so every host a test starts runs from the bundle.
    process.env[LOCAL_HOST_BUNDLE_ENV] = bundle!.entry;
  } catch (error) {
    await cleanUp();
    throw error;
  }

  return async () => {
    await cleanUp();
    // Repeated at the end so the skip is next to the summary, not scrolled away.
    if (!cluster) banner(SKIPPED);
  };
}
