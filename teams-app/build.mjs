// Builds the Teams tabs into dist/ (served by the local host at /teams/): one page per tab, config written in at build time.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const env = process.env;
const config = {
  apiBaseUrl: env.CRM_API_BASE_URL ?? '',
  clientId: env.CRM_ADDIN_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
  authority: env.CRM_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
  apiScope: env.CRM_API_SCOPE ?? 'api://00000000-0000-0000-0000-000000000000/access_as_user',
};
const pages = { account: 'CRM: account', config: 'CRM: choose an account', personal: 'My CRM' };

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', readFileSync('src/index.html'));
const template = readFileSync('src/tab.html', 'utf8');
for (const [entry, title] of Object.entries(pages)) {
  // JSON inside a <script> block: escape "<" so no value can close the block.
  const html = template.replace('__TITLE__', title).replace('__ENTRY__', entry).replace('__CRM_CONFIG__', JSON.stringify(config).replace(/</g, '\\u003c'));
  writeFileSync(`dist/${entry}.html`, html);
}

const result = await build({
  entryPoints: Object.fromEntries(Object.keys(pages).map((entry) => [entry, `src/${entry}.tsx`])),
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  metafile: true,
  chunkNames: 'chunks/[name]-[hash]',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
// Kept outside dist/ (which is served): the benchmark reads it to size the initial JavaScript.
writeFileSync('build-meta.json', JSON.stringify(result.metafile));
