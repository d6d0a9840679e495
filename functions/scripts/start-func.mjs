// `npm run start:func`: runs the same functions under Azure Functions Core Tools where `func` is installed.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';

const probe = spawnSync('func', ['--version'], { stdio: 'ignore', shell: process.platform === 'win32' });
if (probe.error || probe.status !== 0) {
  console.error(
    'Azure Functions Core Tools (func) is not installed here. It is an optional dependency that downloads its binary during npm install,\n' +
      'which fails offline. Install it (https://learn.microsoft.com/azure/azure-functions/functions-run-local) or use `npm start`,\n' +
      'which serves the same functions from the local host.',
  );
  process.exit(1);
}
if (!existsSync('local.settings.json')) {
  copyFileSync('local.settings.example.json', 'local.settings.json');
  console.log('created local.settings.json from local.settings.example.json; set DATABASE_URL and the ENTRA_* values there.');
}
const run = spawnSync('func', ['start'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
