// Sync's state machine knows no provider: only graph/ knows Microsoft Graph, and graph/ reaches sync only through its ports.
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IForbiddenRuleType } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SYNC = '^functions/src/features/sync/';

/** `composedAt`: where the driver may be named (the public entry the composition root uses); `reachable`: what the driver may import. */
const boundary = (suffix: string, composedAt: string[], reachable: string): IForbiddenRuleType[] => [
  {
    name: `state-machine-without-driver${suffix}`,
    severity: 'error',
    from: { path: SYNC, pathNot: [`${SYNC}graph/`, '\\.test\\.ts$', ...composedAt] },
    to: { path: `${SYNC}graph/` },
  },
  {
    name: `driver-through-ports${suffix}`,
    severity: 'error',
    from: { path: `${SYNC}graph/` },
    to: { path: SYNC, pathNot: [`${SYNC}graph/`, `${SYNC}${reachable}$`] },
  },
];

it('keeps the sync state machine free of the Graph driver, and the driver on the ports (probes without the exceptions show the rules fire)', async () => {
  const options = await extractDepcruiseOptions(`${root}.dependency-cruiser.cjs`);
  const rules = [...boundary('', [`${SYNC}index\\.ts$`], '(ports|clock)\\.ts'), ...boundary(' (probe)', [], 'clock\\.ts')];
  const result = await cruise(['functions/src/features/sync'], { ...options, ruleSet: { forbidden: rules }, validate: true, baseDir: root });
  const violations = (result.output as ICruiseResult).summary.violations.map((v) => `${v.rule.name}: ${v.from.replace(/^.*\/sync\//, '')} -> ${v.to.replace(/^.*\/sync\//, '')}`);
  expect(violations.filter((v) => !v.includes('(probe)'))).toEqual([]);
  expect(violations).toEqual(
    expect.arrayContaining([
      'state-machine-without-driver (probe): index.ts -> graph/graph-provider.ts',
      'driver-through-ports (probe): graph/graph-provider.ts -> ports.ts',
      'driver-through-ports (probe): graph/graph-errors.ts -> ports.ts',
    ]),
  );
});
