// Sizes of a front-end's JavaScript from esbuild's metafile: what an entry loads up front and what it loads later.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface Metafile {
  outputs: Record<string, { imports: Array<{ path: string; kind: string }>; bytes: number; inputs?: Record<string, unknown> }>;
}

export interface EntrySize {
  entry: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
}

/** The entry's output files and the chunks it imports statically, each with the source files bundled into it. */
export function initialOutputs(appDir: string, entry: string): Array<{ file: string; inputs: string[] }> {
  const meta = JSON.parse(readFileSync(join(appDir, 'build-meta.json'), 'utf8')) as Metafile;
  const seen = new Set<string>();
  const stack = [`dist/${entry}`];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const imported of meta.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') stack.push(imported.path);
  }
  return [...seen].map((file) => ({ file, inputs: Object.keys(meta.outputs[file]?.inputs ?? {}) }));
}

/** The entry plus everything it imports statically: the JavaScript downloaded before the page can render. */
export function initialJavaScript(appDir: string, entry: string): EntrySize {
  const seen = initialOutputs(appDir, entry).map((o) => o.file);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const file of seen) {
    const bytes = readFileSync(join(appDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { entry, files: seen.length, rawBytes, gzipBytes };
}

/** Chunks loaded on demand (dynamic imports) with their gzipped sizes, largest first. */
export function lazyChunks(appDir: string): Array<{ file: string; gzipBytes: number }> {
  const meta = JSON.parse(readFileSync(join(appDir, 'build-meta.json'), 'utf8')) as Metafile;
  const dynamic = new Set(Object.values(meta.outputs).flatMap((o) => o.imports.filter((i) => i.kind === 'dynamic-import').map((i) => i.path)));
  return [...dynamic]
    .map((file) => ({ file, gzipBytes: gzipSync(readFileSync(join(appDir, file)), { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
