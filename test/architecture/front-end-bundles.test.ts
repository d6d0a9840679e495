// What the pane and the tabs download before they can render must not include zod or the API catalogue: a value
// imported from '@crm/common' instead of '@crm/common/web' pulls in every contract (the pane went from 138 to 255 KB
// gzip that way). Reads the metafiles `npm run build:web` writes, which `npm test` runs first.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { initialJavaScript, initialOutputs } from '../../bench/src/bundle-size';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Source files bundled into the entry and the chunks it imports statically. */
function initialInputs(app: string, entry: string): string[] {
  const appDir = `${root}${app}`;
  if (!existsSync(`${appDir}/build-meta.json`)) throw new Error(`${appDir}/build-meta.json is missing: run npm run build:web first (npm test does)`);
  return initialOutputs(appDir, entry).flatMap((output) => output.inputs);
}

describe.each([
  ['addin', 'taskpane.js'],
  ['addin', 'preview.js'],
  ['teams-app', 'account.js'],
  ['teams-app', 'personal.js'],
  ['teams-app', 'config.js'],
  ['teams-app', 'insights.js'],
  ['teams-app', 'data.js'],
  ['teams-app', 'privacy.js'],
])('%s %s', (app, entry) => {
  it('leaves the dark and high-contrast themes out of the first download (they load when the host asks for them)', () => {
    expect(initialInputs(app, entry).filter((input) => /@fluentui\/tokens\/lib\/alias\/(darkColor|teamsDarkColor|highContrastColor)/.test(input))).toEqual([]);
  });

  it('loads neither zod nor the API catalogue up front', () => {
    const inputs = initialInputs(app, entry);
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.filter((input) => /node_modules\/zod\/|common\/src\/api\/endpoints\.ts|common\/src\/contracts\/(?!compose-rule|lead-values|case-values|webhook-values|audit-values|goal-metric)/.test(input))).toEqual([]);
  });
});

describe('teams-app insights.js', () => {
  // The budget for the Insights tab: its texts and its charts (Fluent UI's, with d3) load on demand.
  const BUDGET_GZIP_BYTES = 150 * 1024;

  it('downloads less than 150 KB gzip before it can render', () => {
    initialInputs('teams-app', 'insights.js');
    expect(initialJavaScript(`${root}teams-app`, 'insights.js').gzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it('leaves its texts, its segment lists, its rules, its figures per employee and its charts out of the first download', () => {
    expect(
      initialInputs('teams-app', 'insights.js').filter((input) =>
        /insights\/(insights-texts\.ts|SegmentsPage\.tsx|RulesPage\.tsx|EmployeesPage\.tsx|ChartViews\.tsx)$|@fluentui\/react-charts|node_modules\/d3-/.test(input),
      ),
    ).toEqual([]);
  });
});

describe('teams-app data.js', () => {
  // Issue #17's tab under the tabs' budget: its texts and each of its pages (import, export, duplicates, and issue #18's
  // service levels and contracts) load on demand.
  const BUDGET_GZIP_BYTES = 150 * 1024;

  it('downloads less than 150 KB gzip before it can render', () => {
    expect(initialJavaScript(`${root}teams-app`, 'data.js').gzipBytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });

  it('leaves its texts and its pages out of the first download', () => {
    expect(initialInputs('teams-app', 'data.js').filter((input) => /data-tab\/(data-texts|ImportPage|ExportPage|DuplicatesPage|service\/.+|webhooks\/.+)\.tsx?$/.test(input))).toEqual([]);
  });
});

describe('teams-app personal.js', () => {
  // Issue #18's leads and service cases in My CRM load after the first paint, with their texts, under the tabs' budget.
  it('downloads less than 150 KB gzip before it can render', () => {
    expect(initialJavaScript(`${root}teams-app`, 'personal.js').gzipBytes / 1024).toBeLessThan(150);
  });

  it('leaves the leads and cases sections and their texts out of the first download', () => {
    const inputs = initialInputs('teams-app', 'personal.js');
    expect(inputs).toContain('src/app/personal/MyWorkTab.tsx');
    expect(inputs.filter((input) => input.includes('src/app/personal/service/'))).toEqual([]);
  });
});

// Issue #12's budget for what the Teams account tab downloads before it renders (the first part of its load time).
describe('teams-app account.js', () => {
  it('downloads less than 150 KB of gzipped JavaScript up front, with the classic script that sends its first requests', () => {
    const { gzipBytes } = initialJavaScript(`${root}teams-app`, 'account.js');
    expect(readFileSync(`${root}teams-app/dist/account.html`, 'utf8')).toContain('<script src="./account-early.js"></script>');
    const early = gzipSync(readFileSync(`${root}teams-app/dist/account-early.js`), { level: 9 }).length;
    expect((gzipBytes + early) / 1024).toBeLessThan(150);
  });
});

// Issue #12's budget for the Outlook pane: what Outlook downloads before the pane renders. The forms load on first use.
describe('addin taskpane.js', () => {
  it('downloads less than 150 KB of gzipped JavaScript up front', () => {
    const { gzipBytes } = initialJavaScript(`${root}addin`, 'taskpane.js');
    expect(gzipBytes / 1024).toBeLessThan(150);
  });

  it('leaves the forms and the preview mailbox out of the first download', () => {
    const inputs = initialInputs('addin', 'taskpane.js');
    expect(inputs).toContain('src/app/TaskPane.tsx');
    expect(inputs.filter((input) => /^src\/(app\/forms|preview)\//.test(input))).toEqual([]);
  });

  it("imports Fluent UI's packages one by one up front, not its index", () => {
    // Through the index every Fluent component that any lazy form uses is reachable from the entry, so esbuild puts it
    // into the first download (the forms' Input, Textarea and Checkbox: 4.8 KB gzip when this was measured).
    expect(initialInputs('addin', 'taskpane.js').filter((input) => input.includes('node_modules/@fluentui/react-components/'))).toEqual([]);
  });
});

// Issue #14's budget for the Privacy tab: its sections, the request register's screens too, load when first opened.
describe('teams-app privacy.js', () => {
  it('downloads less than 150 KB of gzipped JavaScript up front', () => {
    expect(initialJavaScript(`${root}teams-app`, 'privacy.js').gzipBytes / 1024).toBeLessThan(150);
  });

  it('leaves the sections and their texts out of the first download', () => {
    expect(initialInputs('teams-app', 'privacy.js').filter((input) => /privacy\/(person|retention|audit|requests)\//.test(input))).toEqual([]);
  });
});
