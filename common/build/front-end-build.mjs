// What the add-in and the Teams tabs build alike: the page config written into HTML, and one esbuild setup.
import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';

/** Where the pages find the API and how they sign in; set at build time for a deployment, defaults for the local host. */
export function pageConfig(env = process.env) {
  return {
    apiBaseUrl: env.CRM_API_BASE_URL ?? '',
    clientId: env.CRM_ADDIN_CLIENT_ID ?? '00000000-0000-0000-0000-000000000000',
    authority: env.CRM_AUTHORITY ?? 'https://login.microsoftonline.com/organizations',
    apiScope: env.CRM_API_SCOPE ?? 'api://00000000-0000-0000-0000-000000000000/access_as_user',
  };
}

/** JSON inside a <script> block: "<" is escaped so no value can close the block. */
export const withConfig = (html, config) => html.replace('__CRM_CONFIG__', JSON.stringify(config).replace(/</g, '\\u003c'));

const pageBuild = (entryPoints) =>
  build({
    entryPoints,
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

/**
 * Bundles the entry points into dist/ and keeps the metafile (outside dist/) for the benchmarks. `shared` builds them
 * together with chunks they share. Without it each page is built alone (lazy chunks still split off): a chunk shared
 * through Fluent UI's index carries every component any of the pages uses, so the Teams account tab downloaded the
 * personal tab's Switch and Link up front.
 */
export async function bundlePages(entryPoints, { shared = true } = {}) {
  const results = shared
    ? [await pageBuild(entryPoints)]
    : await Promise.all(Object.entries(entryPoints).map(([name, path]) => pageBuild({ [name]: path })));
  const metafile = { inputs: {}, outputs: {} };
  for (const { metafile: part } of results) {
    Object.assign(metafile.inputs, part.inputs);
    Object.assign(metafile.outputs, part.outputs);
  }
  writeFileSync('build-meta.json', JSON.stringify(metafile));
}

/**
 * Bundles one entry into one classic script with nothing to import (classic Outlook on Windows runs event handlers as a
 * single JavaScript file), with the deployment's settings compiled in as CRM_PAGE_CONFIG.
 */
export async function bundleScript(entryPoint, outfile, config) {
  await build({
    entryPoints: [entryPoint],
    outfile,
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    define: { 'process.env.NODE_ENV': '"production"', CRM_PAGE_CONFIG: JSON.stringify(config) },
    logLevel: 'warning',
  });
}
