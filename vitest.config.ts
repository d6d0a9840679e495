// One vitest run for the whole repository: server-side code in Node, front-ends in happy-dom.
import { configDefaults, defineConfig } from 'vitest/config';

const NODE_TESTS = ['common/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'test/**/*.test.ts', 'bench/src/**/*.test.ts', 'manifest/src/**/*.test.ts'];
// The dependency-rule fixtures are trees to cruise, not tests to run.
const FIXTURES = ['test/architecture/fixtures/**'];
/** Test files that mock modules, stub globals or process.env, fake timers or flush module-wide state: they must not share a module registry. */
const ISOLATED = [
  'common/src/web/auth/naa-token-provider.test.ts',
  'common/src/web/auth/auth-dialog-page.test.ts',
  'functions/src/app/timers.test.ts',
  'functions/src/hosts/azure/main.test.ts',
  // flushAllReadAudits() flushes the buffers of every database the process has used, also other files' closed ones.
  'functions/src/core/audit/read-audit.test.ts',
];

export default defineConfig({
  test: {
    // Both cores even where vitest would keep one for itself (cores - 1).
    maxWorkers: 2,
    testTimeout: 30_000,
    // Browser suites start the local host in their hooks; its own start deadline (test/support/local-host-process.ts,
    // 120 s) should be the one that fires on a busy machine, with the host's output in the message.
    hookTimeout: 130_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          pool: 'forks',
          // A worker process keeps its module registry from file to file: importing the app, PGlite and the fakes again
          // for every file cost more than the tests themselves (vitest's "import" time fell from 173 s to 13 s over the
          // feature tests). Files that mock modules, stub globals or the environment, fake timers or reach every
          // database the process has opened run isolated below.
          isolate: false,
          include: NODE_TESTS,
          exclude: [...configDefaults.exclude, ...FIXTURES, ...ISOLATED],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node-isolated',
          environment: 'node',
          // A process per file, each with its own module registry.
          pool: 'forks',
          // None of them opens a database, so the global setup's PGlite snapshot and PostgreSQL server are not theirs.
          include: ISOLATED,
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          environment: 'happy-dom',
          // Importing React and Fluent UI again for every file cost most of this project's time; the files mock no
          // module and unmount what they render (cleanup() after each test), so they share one registry per thread.
          pool: 'threads',
          isolate: false,
          include: ['addin/src/**/*.test.{ts,tsx}', 'teams-app/src/**/*.test.{ts,tsx}', 'common/src/web/**/*.test.tsx'],
          setupFiles: ['common/src/web/testing/wait-for-state.ts', 'test/support/preload-lazy-parts.ts'],
        },
      },
    ],
  },
});
