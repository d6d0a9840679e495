// `npm run bench [-- --scale small|large]`: runs the benchmarks, prints figures and ratios, keeps a JSON record.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { apiReport, runApiSuite, type Scale } from './api-suite';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'small' } } });
if (values.scale !== 'small' && values.scale !== 'large') {
  console.error('--scale must be small or large');
  process.exit(2);
}
// The large run also measures the small tenant, so the scale ratio comes from one run on one machine.
const scales: Scale[] = values.scale === 'large' ? ['small', 'large'] : ['small'];

const log = (line: string) => console.log(line);
log(`benchmark on ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), node ${process.version}, scale ${values.scale}`);
log('API: context lookup and email logging over loopback, PostgreSQL server, local host in a child process');
const api = await runApiSuite(scales, log);
log('');
for (const line of apiReport(api)) log(line);

const resultsDir = join(fileURLToPath(new URL('../results/', import.meta.url)));
mkdirSync(resultsDir, { recursive: true });
const file = join(resultsDir, `bench-${values.scale}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ scale: values.scale, cores: cpus().length, node: process.version, api }, null, 2));
log(`\nraw figures: ${file}`);
