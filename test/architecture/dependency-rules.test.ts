// The dependency rules of .dependency-cruiser.cjs can fail: each fixture tree breaks one rule on purpose and must be reported
// for exactly that rule; the clean fixture uses every kind of dependency the rules allow and must pass.
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));

interface Violation {
  rule: string;
  from: string;
  to: string;
}

async function cruiseFixture(fixture: string): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
  const result = await cruise(['.'], { ...options, validate: true, baseDir: `${fixtures}${fixture}` });
  return result.output as ICruiseResult;
}

async function violationsIn(fixture: string): Promise<Violation[]> {
  const { summary } = await cruiseFixture(fixture);
  return summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}

const rulesOf = (violations: Violation[]) => [...new Set(violations.map((v) => v.rule))].sort();

describe('dependency rules', () => {
  it('pass a tree that uses every allowed kind of dependency', async () => {
    const { modules, summary } = await cruiseFixture('clean');
    expect(summary.violations).toEqual([]);
    // The pass means something only if the allowed edges were seen, packages resolved from node_modules included.
    const edges = modules.flatMap((m) => m.dependencies.map((d) => `${m.source} -> ${d.resolved.replace(/^.*node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1')}`));
    expect(edges).toEqual(
      expect.arrayContaining([
        'functions/src/features/a/routes.ts -> functions/src/features/a/service.ts',
        'functions/src/features/a/store.test.ts -> functions/src/features/a/store.ts',
        'functions/src/features/b/service.ts -> functions/src/features/a/index.ts',
        'functions/src/features/b/b.test.ts -> functions/src/features/a/index.ts',
        'functions/src/app/routes.ts -> functions/src/features/a/routes.ts',
        'functions/src/hosts/azure/main.ts -> @azure/functions',
        'test/support/harness.ts -> functions/src/features/a/store.ts',
        'teams-app/src/host/teams-host.ts -> @microsoft/teams-js',
        'addin/src/host/office-host.test.ts -> office-addin-mock',
      ]),
    );
  });

  it('report a cycle, also when one side is a type-only import', async () => {
    const violations = await violationsIn('circular');
    expect(rulesOf(violations)).toEqual(['no-circular']);
  });

  it('report the kernel importing a feature', async () => {
    expect(await violationsIn('core-imports-feature')).toEqual([
      { rule: 'core-imports-no-feature', from: 'functions/src/core/errors.ts', to: 'functions/src/features/a/index.ts' },
    ]);
  });

  it("report a feature reaching past another feature's index, from code and from tests", async () => {
    expect(await violationsIn('feature-deep-import')).toEqual([
      { rule: 'feature-through-public-entry', from: 'functions/src/features/a/service.ts', to: 'functions/src/features/b/service.ts' },
    ]);
    expect(await violationsIn('feature-test-deep-import')).toEqual([
      { rule: 'feature-through-public-entry', from: 'functions/src/features/a/a.test.ts', to: 'functions/src/features/b/rows.ts' },
    ]);
  });

  it("report another feature using a store, in each of the three store layouts", async () => {
    const violations = (await violationsIn('store-from-other-feature')).filter((v) => v.rule === 'store-only-from-own-feature');
    expect(violations.map((v) => v.to).sort()).toEqual([
      'functions/src/features/b/state-store.ts',
      'functions/src/features/b/store.ts',
      'functions/src/features/b/store/pages.ts',
    ]);
  });

  it('report a store used from outside the features by code that is not a test', async () => {
    expect(await violationsIn('store-from-outside')).toEqual([
      { rule: 'store-not-from-outside-features', from: 'bench/src/suite.ts', to: 'functions/src/features/a/state-store.ts' },
      { rule: 'store-not-from-outside-features', from: 'functions/src/app/services.ts', to: 'functions/src/features/a/store.ts' },
    ]);
  });

  it("report routes reaching their own feature's store", async () => {
    expect(await violationsIn('store-from-routes')).toEqual([
      { rule: 'store-not-from-routes', from: 'functions/src/features/a/routes.ts', to: 'functions/src/features/a/store.ts' },
    ]);
  });

  it('report @azure/functions outside the Azure host, type-only imports included', async () => {
    const violations = await violationsIn('azure-functions-outside-azure-host');
    expect(rulesOf(violations)).toEqual(['azure-functions-only-in-azure-host']);
    expect(violations.map((v) => v.from)).toEqual(['functions/src/core/http/handler.ts']);
  });

  it('report a feature importing the composition root and the kernel importing a host', async () => {
    expect(rulesOf(await violationsIn('feature-imports-app'))).toEqual(['no-app-or-hosts-from-features-or-core']);
    expect(rulesOf(await violationsIn('core-imports-host'))).toEqual(['core-imports-no-feature', 'no-app-or-hosts-from-features-or-core']);
  });

  it('report the front-end SDKs outside their host modules, dynamic imports and type references included', async () => {
    const teams = await violationsIn('teams-js-outside-host');
    expect(rulesOf(teams)).toEqual(['teams-js-only-in-teams-host']);
    expect(teams.map((v) => v.from)).toEqual(['teams-app/src/app/Tab.ts']);
    const office = await violationsIn('office-outside-host');
    expect(rulesOf(office)).toEqual(['office-js-only-in-addin-host']);
    expect(office.map((v) => v.from).sort()).toEqual(['addin/src/app/Pane.ts', 'addin/src/entry.ts']);
  });
});
