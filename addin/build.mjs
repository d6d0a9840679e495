// Builds the Outlook add-in into dist/: taskpane.html for Outlook, auth-dialog.html (the sign-in page the task pane opens in
// the Office dialog when nested app authentication cannot sign in), index.html, the standalone preview mailbox, and the
// send check's event runtime (launch-events.html, and launch-events.js as one file for classic Outlook on Windows).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { bundlePages, bundleScript, pageConfig, withConfig } from '@crm/common/build';
import { ADDIN_ICON_SIZES, colorIcon } from '@crm/manifest/icons';
import { MY_CRM_TAB, teamsAppIdOf } from '@crm/manifest/teams-app';

// The Teams app and tab the pane's "Open in Teams" links to: the ones the manifest is packaged with.
const config = { ...pageConfig(), graphScope: 'https://graph.microsoft.com/Calendars.Read', teamsAppId: teamsAppIdOf(), teamsTabEntityId: MY_CRM_TAB };

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });
writeFileSync('dist/index.html', readFileSync('src/index.html'));
// Ribbon, app and mobile button icons: both manifests point Outlook at these URLs.
mkdirSync('dist/assets', { recursive: true });
for (const size of ADDIN_ICON_SIZES) writeFileSync(`dist/assets/icon-${size}.png`, colorIcon(size));
writeFileSync('dist/taskpane.html', withConfig(readFileSync('src/taskpane.html', 'utf8'), config));
writeFileSync('dist/auth-dialog.html', withConfig(readFileSync('src/auth-dialog.html', 'utf8'), config));
writeFileSync('dist/launch-events.html', readFileSync('src/launch-events.html'));

// Built one by one: built together, the chunk they share through Fluent UI's index carried the preview mailbox's
// components into what Outlook downloads before the pane renders (151.7 KB gzip, over the 150 KB budget; 148.3 alone).
await bundlePages({ taskpane: 'src/taskpane.tsx', 'auth-dialog': 'src/auth-dialog.ts', preview: 'src/preview.tsx' }, { shared: false });
await bundleScript('src/launch-events.ts', 'dist/launch-events.js', pageConfig());
