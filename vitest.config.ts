// One vitest run for the whole repository: server-side code in Node, front-ends in happy-dom.
import { configDefaults, defineConfig } from 'vitest/config';

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
          // A process per file, each with its own module registry: suites mock modules, fake timers and start PGlite.
          pool: 'forks',
          include: ['common/src/**/*.test.ts', 'functions/src/**/*.test.ts', 'test/**/*.test.ts', 'bench/src/**/*.test.ts', 'manifest/src/**/*.test.ts'],
          // The dependency-rule fixtures are trees to cruise, not tests to run.
          exclude: [...configDefaults.exclude, 'test/architecture/fixtures/**'],
          globalSetup: ['test/support/global-setup.ts'],
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
        },
      },
    ],
  },
});
