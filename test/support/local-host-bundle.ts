// The local host as one ES module, built once per test run: a start from it skips tsx's loader and the resolution of a
// few hundred source files, about 1.3 s of CPU per start on this machine (the suite starts the host some 30 times).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Bundles functions/src/hosts/local/start-local.ts with our own workspaces inlined and every package left to node_modules.
 * The file sits four folders below the repository, as the source does, because start-local.ts finds the repository
 * (the built front ends, the data folder) from its own URL.
 */
export async function buildLocalHostBundle(runId: string): Promise<{ entry: string; remove(): void }> {
  const dir = join(repoRoot, 'node_modules', '.cache', 'crm-test-host', runId);
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'start-local.mjs');
  await build({
    entryPoints: [join(repoRoot, 'functions/src/hosts/local/start-local.ts')],
    outfile: entry,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'packages-stay-in-node-modules',
        setup(context) {
          context.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@crm/') ? undefined : { external: true }));
        },
      },
    ],
  });
  return { entry, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
