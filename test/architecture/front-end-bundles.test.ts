// What the pane and the tabs download before they can render must not include zod or the API catalogue: a value
// imported from '@crm/common' instead of '@crm/common/web' pulls in every contract (the pane went from 138 to 255 KB
// gzip that way). Reads the metafiles `npm run build:web` writes, which `npm test` runs first.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Metafile {
  outputs: Record<string, { imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }>;
}

/** Source files bundled into the entry and the chunks it imports statically. */
function initialInputs(app: string, entry: string): string[] {
  const metaPath = `${root}${app}/build-meta.json`;
  if (!existsSync(metaPath)) throw new Error(`${metaPath} is missing: run npm run build:web first (npm test does)`);
  const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Metafile;
  const seen = new Set<string>();
  const stack = [`dist/${entry}`];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of meta.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') stack.push(imported.path);
  }
  return [...seen].flatMap((file) => Object.keys(meta.outputs[file]?.inputs ?? {}));
}

describe.each([
  ['addin', 'taskpane.js'],
  ['addin', 'preview.js'],
  ['teams-app', 'account.js'],
  ['teams-app', 'personal.js'],
  ['teams-app', 'config.js'],
])('%s %s', (app, entry) => {
  it('loads neither zod nor the API catalogue up front', () => {
    const inputs = initialInputs(app, entry);
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => /node_modules\/zod\/|common\/src\/api\/endpoints\.ts|common\/src\/contracts\/(?!compose-rule)/.test(input))).toEqual([]);
  });
});
