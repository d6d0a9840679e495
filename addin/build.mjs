// Builds the Outlook add-in into dist/: taskpane.html for Outlook and index.html, the standalone preview mailbox.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { colorIcon } from '@crm/manifest/icons';

const env = process.env;
const config = {
  apiBaseUrl: env.CRM_API_BASE_URL ?? '',
  clientId: env.CRM_ADDIN_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
  authority: env.CRM_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
  apiScope: env.CRM_API_SCOPE ?? 'api://00000000-0000-0000-0000-000000000000/access_as_user',
  graphScope: 'https://graph.microsoft.com/Calendars.Read',
};

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', readFileSync('src/index.html'));
// Ribbon button icons: the manifest points Outlook at these URLs.
mkdirSync('dist/assets', { recursive: true });
for (const size of [16, 32, 80]) writeFileSync(`dist/assets/icon-${size}.png`, colorIcon(size));
// JSON inside a <script> block: escape "<" so no value can close the block.
writeFileSync('dist/taskpane.html', readFileSync('src/taskpane.html', 'utf8').replace('__CRM_CONFIG__', JSON.stringify(config).replace(/</g, '\\u003c')));

const result = await build({
  entryPoints: { taskpane: 'src/taskpane.tsx', preview: 'src/preview.tsx' },
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
