// `npm run package`: writes the app package (manifest, localization, icons) as manifest/build/appPackage.zip, and the
// allow-list the add-in's origin serves for classic Outlook on Windows as manifest/build/.well-known/, and the add-in only
// manifest for Outlook on Mac and mobile as manifest/build/manifest.xml.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { colorIcon, outlineIcon } from '../icons.mjs';
import { loadAppConfig, type AppConfig } from './app-config';
import { allowedAddinScripts, buildAppManifest, germanLocalization } from './app-manifest';
import { buildXmlManifest } from './xml-manifest';

export function appPackageFiles(config: AppConfig): Record<string, Uint8Array> {
  const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
  return {
    'manifest.json': json(buildAppManifest(config)),
    'de-de.json': json(germanLocalization(config)),
    'color.png': colorIcon(192),
    'outline.png': outlineIcon(32),
  };
}

export function writeAppPackage(config: AppConfig, outDir: string): string {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = appPackageFiles(config);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(outDir, name), bytes);
  const zip = join(outDir, 'appPackage.zip');
  writeFileSync(zip, zipSync(files));
  mkdirSync(join(outDir, '.well-known'), { recursive: true });
  writeFileSync(join(outDir, '.well-known', 'microsoft-officeaddins-allowed.json'), `${JSON.stringify(allowedAddinScripts(config), null, 2)}\n`);
  writeFileSync(join(outDir, 'manifest.xml'), buildXmlManifest(config));
  return zip;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const config = loadAppConfig();
  const zip = writeAppPackage(config, fileURLToPath(new URL('../build/', import.meta.url)));
  console.log(`app package for ${config.hostingUrl}: ${zip}`);
  console.log(`add-in only manifest for Outlook on Mac and mobile: ${join(fileURLToPath(new URL('../build/', import.meta.url)), 'manifest.xml')}`);
  console.log(`serve manifest/build/.well-known/microsoft-officeaddins-allowed.json at ${config.hostingUrl}/.well-known/ (the send check in classic Outlook on Windows)`);
  if (!process.env.CRM_HOSTING_URL) console.log('(set CRM_HOSTING_URL, CRM_ADDIN_CLIENT_ID and CRM_APP_ID for your deployment)');
  if (!config.botAppId) console.log('(no BOT_APP_ID: the package has no bot, so no "Save to CRM" and no CRM card search in Teams)');
}
