// One vitest run for the whole repository: server-side code in Node, front-ends in happy-dom.
import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
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
          include: ['addin/src/**/*.test.{ts,tsx}', 'teams-app/src/**/*.test.{ts,tsx}'],
        },
      },
    ],
  },
});
