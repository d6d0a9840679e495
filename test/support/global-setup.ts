// Once per test run: a migrated PGlite snapshot and, where PostgreSQL is installed, a throwaway server with a migrated template.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../functions/src/store/migrate';
import { openPglite } from '../../functions/src/store/pglite-db';
import { openPostgres } from '../../functions/src/store/postgres-db';
import { findPgBinDir, startPgCluster, type PgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test server (database "postgres"), or null when PostgreSQL is not installed. */
    pgAdminUrl: string | null;
    /** Database every test database is copied from. */
    pgTemplate: string;
    /** A migrated PGlite data directory dump (tar) to load instead of migrating again. */
    pgliteSnapshot: string;
  }
}

export const PG_TEMPLATE = 'crm_template';

const banner = (lines: string[]) => {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  console.warn(['', '!'.repeat(width), ...lines.map((l) => `! ${l.padEnd(width - 4)} !`), '!'.repeat(width), ''].join('\n'));
};

export default async function setup(project: TestProject) {
  const tempDir = mkdtempSync(join(tmpdir(), 'crm-test-'));
  let cluster: PgCluster | null = null;

  const pglite = await openPglite();
  await migrate(pglite);
  const snapshot = join(tempDir, 'pglite-migrated.tar');
  writeFileSync(snapshot, Buffer.from(await (await pglite.pglite.dumpDataDir('none')).arrayBuffer()));
  await pglite.close();

  const binDir = findPgBinDir();
  if (binDir) {
    cluster = await startPgCluster(binDir);
    await cluster.createDatabase(PG_TEMPLATE);
    const template = await openPostgres(cluster.url(PG_TEMPLATE));
    await migrate(template);
    await template.close();
  } else if (process.env.CI === 'true') {
    rmSync(tempDir, { recursive: true, force: true });
    throw new Error('CI=true requires the PostgreSQL-server run of the database tests, but initdb/pg_ctl were not found (apt-get install postgresql)');
  } else {
    banner([
      'PostgreSQL server run SKIPPED: initdb/pg_ctl not found.',
      'Database tests ran on embedded PGlite only.',
      'Install PostgreSQL (e.g. apt-get install postgresql) to run them on a real server too.',
    ]);
  }

  project.provide('pgAdminUrl', cluster ? cluster.url() : null);
  project.provide('pgTemplate', PG_TEMPLATE);
  project.provide('pgliteSnapshot', snapshot);

  return async () => {
    await cluster?.stop();
    rmSync(tempDir, { recursive: true, force: true });
  };
}
