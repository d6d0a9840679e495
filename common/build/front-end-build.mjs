// What the add-in and the Teams tabs build alike: the page config written into HTML, and one esbuild setup.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

/**
 * esbuild puts a module into the chunk of every entry that reaches it through a static import, used or not, and Fluent's
 * theme index re-exports every theme: a lazily loaded dark theme landed in the first download beside the light one
 * (tried in session 6: 154,667 B). The modules matching `isolated` (the lazily loaded themes, and the Insights tab's
 * chart, whose @fluentui/react-charts reaches Fluent's popover, tooltip and positioning: shared, they put the tab's first
 * download at 205,461 B) get their own copy of everything they import but `shared`, in a namespace of their own, so their
 * chunk shares no other module with the first download.
 */
const isolatedImports = (isolated, shared) => ({
  name: 'isolated-imports',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /.*/ }, async (args) => {
      if (args.pluginData?.isolating || (args.namespace !== 'isolated' && !isolated.test(args.importer))) return undefined;
      if (shared.test(args.path)) return undefined;
      const resolved = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { isolating: true },
      });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      return { path: resolved.path, namespace: 'isolated', sideEffects: resolved.sideEffects };
    });
    pluginBuild.onLoad({ filter: /.*/, namespace: 'isolated' }, async (args) => ({
      contents: await readFile(args.path, 'utf8'),
      loader: 'js',
      resolveDir: dirname(args.path),
    }));
  },
});

/**
 * What an isolated chunk still shares with the page: React itself (two copies cannot share hooks) and the contexts and
 * style renderer Fluent's components read (the theme, direction and document of the page's FluentProvider).
 */
const SHARED_WITH_ISOLATED = /^(react|react-dom|scheduler|@griffel\/react|@fluentui\/react-shared-contexts)(\/|$)/;

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
    plugins: [
      isolatedImports(
        /[\\/]common[\\/]src[\\/]web[\\/]theme[\\/]lazy[\\/][^\\/]+\.ts$|[\\/]teams-app[\\/]src[\\/]app[\\/]insights[\\/]ChartViews\.tsx$/,
        SHARED_WITH_ISOLATED,
      ),
    ],
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
