// Lint for the whole repository, run by `npm test`: typescript-eslint's recommended rules everywhere, the React hooks rules in
// the front-ends, and the host SDK globals (Office.js, Teams JS) only inside the front-ends' host modules.
// The type-checked presets are left out: on this 2-core box they took 43 s of CPU (2.5 min wall) against 9 s, and tsc already
// runs before lint in npm test.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const HOST_SDK_GLOBAL = 'is reached only through the host modules (addin/src/host, teams-app/src/host), so the rest runs and tests without the host.';

export default tseslint.config(
  {
    // What .gitignore keeps out (builds, data folders, results), plus the bundle the Azure entry test writes while it runs.
    ignores: [
      '**/node_modules/',
      '**/dist/',
      'functions/dist-test-*/',
      'functions/deploy/',
      'manifest/build/',
      '**/data/',
      '**/.crm-data/',
      'bench/results/',
      'test-output/',
      'test/architecture/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Arguments and locals prefixed with _ are deliberately unused (a callback's required position, a rest sibling).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['addin/src/**', 'teams-app/src/**', 'common/src/web/**'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // Any identifier of that name counts: a value (Office.context), a type (typeof Office, Office.EventType) and a
    // property read off window or globalThis, which a rule on global references alone would miss.
    ignores: ['addin/src/host/**', 'teams-app/src/host/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "Identifier[name='Office']", message: `Office.js ${HOST_SDK_GLOBAL}` },
        { selector: "Identifier[name='microsoftTeams']", message: `Teams JS ${HOST_SDK_GLOBAL}` },
      ],
    },
  },
);
