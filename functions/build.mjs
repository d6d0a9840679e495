// Bundles the Azure Functions app into dist/main.js (or the path given); @azure/functions stays external as the runtime requires.
import { build } from 'esbuild';
import { PDF_PACKAGES } from './scripts/pdf-packages.mjs';

const outfile = process.argv[2] ?? 'dist/main.js';
await build({
  entryPoints: ['src/hosts/azure/main.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  // The oldest Node the bundle must run on: `npm run start:func` on Node 20.19 here; Azure runs it on Node 22.
  target: 'node20',
  format: 'esm',
  sourcemap: true,
  // The PDF export reads font and data files next to its packages at run time, so they stay installed packages
  // (functions/deploy/package.json lists them) instead of being bundled away from those files.
  external: ['@azure/functions', 'pg-native', ...PDF_PACKAGES],
  // Bundled CommonJS dependencies (pg) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'info',
});
