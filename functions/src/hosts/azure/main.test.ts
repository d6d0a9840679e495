// The Azure bundle builds and registers every endpoint of the catalogue, the same table the local host serves.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { endpoints } from '@crm/common';
import { describe, expect, it } from 'vitest';

const functionsDir = fileURLToPath(new URL('../../../', import.meta.url));

describe('Azure Functions entry point', () => {
  it('bundles and registers exactly one HTTP function per catalogue endpoint (so no development routes) and the timers', () => {
    const dir = mkdtempSync(join(functionsDir, 'dist-test-'));
    try {
      const outfile = join(dir, 'main.js');
      execFileSync(process.execPath, ['build.mjs', outfile], { cwd: functionsDir, stdio: 'pipe' });
      // Outside the Functions runtime the library runs in test mode and reports each registration it skips.
      const run = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(outfile)})`], {
        cwd: functionsDir,
        env: { ...process.env, DATABASE_URL: 'postgres://unused@127.0.0.1:1/none' },
        encoding: 'utf8',
      });
      expect(run.status).toBe(0);
      const registered = [...`${run.stdout}${run.stderr}`.matchAll(/register function "([^"]+)"/g)].map((m) => m[1]);
      expect(registered.sort()).toEqual([...endpoints.map((e) => e.name), 'graphSubscriptions', 'graphSync'].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
