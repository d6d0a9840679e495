// Setup of the web test project: load every module the pages import lazily before a file's tests start.
// The pages load forms and sections as lazy chunks, and the pane prefetches its forms when idle. On CI's two cores
// such an import could still be in flight when a file's environment was torn down: vitest then failed whichever file
// was running with EnvironmentTeardownError, and the failed import stayed in the worker's shared module registry, so a
// later file's form never rendered (ItemSwitch.test.tsx: no "Log" button, an empty body). Loaded here, every later
// import() resolves from the registry at once; the tests still render the pages through their real lazy boundaries.
/// <reference types="vite/client" />
import { beforeAll } from 'vitest';

const lazyParts = import.meta.glob([
  '/addin/src/app/**/*.tsx',
  '/teams-app/src/app/**/*.tsx',
  '!**/*.test.tsx',
  '!**/*-test-kit.tsx',
]);

// A glob that matches nothing after a move would silently bring the failure back.
if (Object.keys(lazyParts).length < 50) throw new Error('preload-lazy-parts.ts: the page globs no longer find the pages');

let loaded: Promise<unknown> | undefined;

beforeAll(async () => {
  loaded ??= Promise.all(Object.values(lazyParts).map((load) => load()));
  await loaded;
});
