// A local host's data folder that already holds the migrated, seeded demo tenant: a copy of the one the global setup
// made, so a browser test's host starts in about a second instead of migrating and seeding for several.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';

/** A new folder for CRM_DATA_DIR; the caller removes it. */
export function seededDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(inject('seededHostData'), dir, { recursive: true });
  return dir;
}
