// Builds the Outlook add-in into dist/: taskpane.html for Outlook and index.html, the standalone preview mailbox.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundlePages, pageConfig, withConfig } from '@crm/common/build';
import { colorIcon } from '@crm/manifest/icons';

const config = { ...pageConfig(), graphScope: 'https://graph.microsoft.com/Calendars.Read' };

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', readFileSync('src/index.html'));
// Ribbon button icons: the manifest points Outlook at these URLs.
mkdirSync('dist/assets', { recursive: true });
for (const size of [16, 32, 80]) writeFileSync(`dist/assets/icon-${size}.png`, colorIcon(size));
writeFileSync('dist/taskpane.html', withConfig(readFileSync('src/taskpane.html', 'utf8'), config));

await bundlePages({ taskpane: 'src/taskpane.tsx', preview: 'src/preview.tsx' });
