// Prepares functions/deploy/: the bundled app with a package.json that needs only @azure/functions and the PDF packages,
// because the workspace packages (@crm/common) are bundled and do not exist on the npm registry.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PDF_PACKAGES } from './pdf-packages.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
rmSync('deploy', { recursive: true, force: true });
mkdirSync('deploy', { recursive: true });
cpSync('dist', 'deploy/dist', { recursive: true });
cpSync('host.json', 'deploy/host.json');
writeFileSync(
  'deploy/package.json',
  JSON.stringify(
    {
      name: 'crm-functions',
      version: pkg.version,
      private: true,
      type: 'module',
      main: 'dist/main.js',
      // The Function App runs Node 22 (see README, Deploying to Azure); the bundle itself needs only what the workspace does.
      engines: pkg.engines,
      dependencies: Object.fromEntries(['@azure/functions', ...PDF_PACKAGES].map((name) => [name, pkg.dependencies[name]])),
    },
    null,
    2,
  ) + '\n',
);
console.log('functions/deploy is ready: cd functions/deploy && func azure functionapp publish <app name>');
