// Bundles the Azure Functions app into dist/main.js (or the path given); @azure/functions stays external as the runtime requires.
import { build } from 'esbuild';

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
  external: ['@azure/functions', 'pg-native'],
  // Bundled CommonJS dependencies (pg) call require(); give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'info',
});
