// `npm run bench [-- --scale small|large] [--suite all|api|addin|teams|graph|read-audit|compose|import|insights]`: prints figures and ratios, keeps a JSON record.
// `--keep-db <folder>` (insights suite): keeps the PostgreSQL server's data there and reuses the seeded tenant next time.
// `npm run bench -- soak [--minutes 10]`: the long run under steady load instead (bench/src/soak.ts).
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { addinReport, runAddinSuite } from './addin-suite';
import { apiReport, runApiSuite, type Scale } from './api-suite';
import { runTeamsSuite, teamsReport } from './teams-suite';
import { graphReport, runGraphSuite } from './graph-suite';
import { readAuditReport, runReadAuditSuite } from './read-audit-suite';
import { composeReport, runComposeSuite } from './compose-suite';
import { importReport, runImportSuite } from './import-suite';
import { insightsReport, runInsightsSuite } from './insights-suite';

if (process.argv[2] === 'soak') {
  const { soakCli } = await import('./soak');
  process.exit(await soakCli(process.argv.slice(3)));
}

const { values } = parseArgs({
  options: { scale: { type: 'string', default: 'small' }, suite: { type: 'string', default: 'all' }, 'keep-db': { type: 'string' } },
});
if (values.scale !== 'small' && values.scale !== 'large') {
  console.error('--scale must be small or large');
  process.exit(2);
}
const SUITES = ['api', 'addin', 'teams', 'graph', 'read-audit', 'compose', 'import', 'insights'];
const suites = values.suite === 'all' ? SUITES : [values.suite];
if (suites.some((s) => !SUITES.includes(s))) {
  console.error(`--suite must be all, ${SUITES.join(', ')}`);
  process.exit(2);
}
// The large run also measures the small tenant, so the scale ratio comes from one run on one machine.
const scales: Scale[] = values.scale === 'large' ? ['small', 'large'] : ['small'];

const log = (line: string) => console.log(line);
log(`benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, scale ${values.scale}`);
const results: Record<string, unknown> = { scale: values.scale, cores: cpus().length, node: process.version };
const report: string[] = [];

if (suites.includes('api')) {
  log('API: context lookup and email logging over loopback, PostgreSQL server, local host in a child process');
  const api = await runApiSuite(scales, log);
  results.api = api;
  report.push('', 'API', ...apiReport(api));
}
if (suites.includes('addin')) {
  log('Outlook add-in: bundle sizes and item change in headless Chromium against the local host (PGlite demo data)');
  const addin = await runAddinSuite(log);
  results.addin = addin;
  report.push('', 'Outlook add-in', ...addinReport(addin));
}
if (suites.includes('teams')) {
  log('Teams tabs: account tab with 5,000 interactions, first render and scrolling in headless Chromium against the local host (PGlite)');
  const teams = await runTeamsSuite(log);
  results.teams = teams;
  report.push('', 'Teams tabs', ...teamsReport(teams));
}
if (suites.includes('graph')) {
  log('Graph sync: calendars against the fake Microsoft Graph (https, 20 ms per request), embedded PGlite');
  const graph = await runGraphSuite(log);
  results.graph = graph;
  report.push('', 'Graph sync', ...graphReport(graph));
}
if (suites.includes('read-audit')) {
  log('Read audit: context lookup with CRM_READ_AUDIT off and on, alternating rounds, PostgreSQL server, local host in a child process');
  const readAudit = await runReadAuditSuite(log);
  results.readAudit = readAudit;
  report.push('', 'Read audit', ...readAuditReport(readAudit));
}
if (suites.includes('compose')) {
  log('Send check: POST /api/compose/check at 50 recipients, PostgreSQL server, local host in a child process');
  const compose = await runComposeSuite(scales, log);
  results.compose = compose;
  report.push('', 'Send check', ...composeReport(compose));
}
if (suites.includes('import')) {
  log('Import: a German Excel-style contact list with planted duplicates, preview, commit and undo in process against a PostgreSQL server');
  const imported = await runImportSuite(values.scale, log);
  results.import = imported;
  report.push('', 'Import', ...importReport(imported));
}
if (suites.includes('insights')) {
  log(
    'Insights: full and incremental refresh of the precomputed analysis in process, the API calls at 1 and 16 clients against the stored rows read directly, and the triggers\' cost on writes, on PostgreSQL',
  );
  const insights = await runInsightsSuite(values.scale, log, values['keep-db']);
  results.insights = insights;
  report.push('', 'Insights', ...insightsReport(insights));
}
for (const line of report) log(line);

const resultsDir = join(fileURLToPath(new URL('../results/', import.meta.url)));
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `bench-${values.scale}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
log(`\nraw figures: ${file}`);
