// Dependency rules of the architecture (docs/ARCHITECTURE.md), checked by `npm run depcheck` inside `npm test`.
// test/architecture/dependency-rules.test.ts runs these same rules on fixtures that break each one on purpose.
// Paths are relative to the folder the cruise starts from, so the fixtures can reuse the rules unchanged.

const TESTS = '\\.test\\.tsx?$';
// The test workspace (API, end-to-end and cross-feature tests with their harness) is test code as a whole.
const TEST_WORKSPACE = '^test/';
const STORE_FILE = '^functions/src/features/[^/]+/(store\\.ts$|store/|[^/]+-store\\.ts$)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles anywhere, type-only imports included: a cycle hides which module owns what.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-feature',
      severity: 'error',
      comment: 'The kernel (functions/src/core) imports no feature, composition root, host or seed.',
      from: { path: '^functions/src/core/' },
      to: { path: '^functions/src/(features|app|hosts|seed)/' },
    },
    {
      name: 'feature-through-public-entry',
      severity: 'error',
      comment: "A feature uses another feature only through that feature's index.ts; tests as well.",
      from: { path: '^functions/src/features/([^/]+)/' },
      to: {
        path: '^functions/src/features/[^/]+/',
        pathNot: ['^functions/src/features/$1/', '^functions/src/features/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'store-only-from-own-feature',
      severity: 'error',
      comment: "A feature's store (its SQL) is used by that feature's own files, never by another feature.",
      from: { path: '^functions/src/features/([^/]+)/', pathNot: TESTS },
      to: { path: STORE_FILE, pathNot: '^functions/src/features/$1/' },
    },
    {
      name: 'store-not-from-outside-features',
      severity: 'error',
      comment: "Outside the features (core, app, hosts, seed, bench) a store is reached through its feature's service or index; only tests use it directly.",
      from: { pathNot: ['^functions/src/features/', TESTS, TEST_WORKSPACE] },
      to: { path: STORE_FILE },
    },
    {
      name: 'store-not-from-routes',
      severity: 'error',
      comment: 'Within a feature, routes -> service -> store: routes never reach the SQL directly.',
      from: { path: '^functions/src/features/([^/]+)/routes\\.ts$' },
      to: { path: '^functions/src/features/$1/(store\\.ts$|store/|[^/]+-store\\.ts$)' },
    },
    {
      name: 'azure-functions-only-in-azure-host',
      severity: 'error',
      comment: 'The app is web-standard (Request -> Response); only the Azure entry knows @azure/functions.',
      from: { pathNot: '^functions/src/hosts/azure/' },
      to: { path: '(^|/)@azure/functions(/|$)' },
    },
    {
      name: 'no-app-or-hosts-from-features-or-core',
      severity: 'error',
      comment: 'Features and the kernel never depend on the composition root or on a host.',
      from: { path: '^functions/src/(features|core)/' },
      to: { path: '^functions/src/(app|hosts)/' },
    },
    {
      name: 'teams-js-only-in-teams-host',
      severity: 'error',
      comment: 'The Teams SDK stays behind the tab host modules, so the tabs run and test without Teams.',
      from: { pathNot: '^teams-app/src/host/' },
      to: { path: '(^|/)@microsoft/teams-js(/|$)' },
    },
    {
      name: 'office-js-only-in-addin-host',
      severity: 'error',
      comment: 'Office.js (and its mock) stays behind the add-in host modules and their tests.',
      from: { pathNot: ['^addin/src/host/', TESTS] },
      to: { path: '(^|/)(office-addin-mock|office-js|@types/office-js)(/|$)' },
    },
  ],
  options: {
    doNotFollow: { path: '(^|/)node_modules/' },
    exclude: { path: ['^[^/]+/dist/', '^bench/results/', '^test-output/', '^test/architecture/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: { text: { highlightFocused: true } },
  },
};
