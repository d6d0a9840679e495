// The app package validates offline against the bundled Microsoft 365 schema and carries the icons Teams requires.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { AppManifestUtils } from '@microsoft/app-manifest';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadAppConfig } from './app-config';
import { BOT_COMMANDS } from '@crm/common';
import { APPOINTMENT_SEND_HANDLER, ATTENDEES_HANDLER, RECIPIENTS_HANDLER, SEND_HANDLER } from '../../addin/src/host/office-send-check';
import {
  ACCOUNT_TAB_CONTEXTS,
  allowedAddinScripts,
  buildAppManifest,
  germanLocalization,
  MAILBOX_REQUIREMENT,
  MANIFEST_VERSION,
  SEND_CHECK_ACTIONS,
} from './app-manifest';
import { writeAppPackage } from './package-app';

const require = createRequire(import.meta.url);
const config = loadAppConfig({ CRM_HOSTING_URL: 'https://crm.contoso.de', CRM_ADDIN_CLIENT_ID: '11111111-2222-4333-8444-555555555555' });
const BOT_ID = '99999999-8888-4777-8666-555555555555';
const withBot = loadAppConfig({ CRM_HOSTING_URL: 'https://crm.contoso.de', CRM_ADDIN_CLIENT_ID: '11111111-2222-4333-8444-555555555555', BOT_APP_ID: BOT_ID });

const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('app manifest', () => {
  it('validates against the schema it names, with no failures', async () => {
    const failures = await AppManifestUtils.validateAgainstSchema(buildAppManifest(config) as never);
    expect(failures).toEqual([]);
  });

  it('validates with the bot and its message extension against the same schema', async () => {
    const failures = await AppManifestUtils.validateAgainstSchema(buildAppManifest(withBot) as never);
    expect(failures).toEqual([]);
  });

  it('declares the bot and "Save to CRM" on messages and the card search in the compose box only with BOT_APP_ID', () => {
    expect(buildAppManifest(config)).not.toHaveProperty('bots');
    expect(buildAppManifest(config)).not.toHaveProperty('composeExtensions');
    expect(germanLocalization(config)).not.toHaveProperty(['composeExtensions[0].commands[0].title']);
    const manifest = buildAppManifest(withBot) as {
      bots: Array<{ botId: string; scopes: string[] }>;
      composeExtensions: Array<{ botId: string; commands: Array<Record<string, unknown>> }>;
    };
    expect(manifest.bots).toEqual([{ botId: BOT_ID, scopes: ['personal', 'team', 'groupChat'], isNotificationOnly: false, supportsFiles: false }]);
    const [extension] = manifest.composeExtensions;
    expect(extension!.botId).toBe(BOT_ID);
    // The ids are the ones the bot's invokes must name (common/src/contracts/teams-bot.ts).
    expect(extension!.commands).toEqual([
      expect.objectContaining({ id: BOT_COMMANDS.saveToCrm, type: 'action', context: ['message'], title: 'Save to CRM', fetchTask: true }),
      expect.objectContaining({
        id: BOT_COMMANDS.searchCrm,
        type: 'query',
        context: ['compose', 'commandBox'],
        initialRun: true,
        parameters: [expect.objectContaining({ name: 'searchQuery', inputType: 'text' })],
      }),
    ]);
    expect(germanLocalization(withBot)['composeExtensions[0].commands[0].title']).toBe('Im CRM speichern');
    expect(() => loadAppConfig({ BOT_APP_ID: 'my-bot' })).toThrow(/BOT_APP_ID must be/);
  });

  it('validates the German localization file against the bundled localization schema', () => {
    // The library's validator compiles this schema's patterns in unicode mode, which one of them does not survive.
    const schema = JSON.parse(
      readFileSync(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`), 'utf8'),
    );
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv, ['uri']);
    const validate = ajv.compile(schema);
    expect(validate(germanLocalization()), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(germanLocalization(withBot)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('points the pinnable task pane at the hosting URL and needs the Mailbox set the pane uses', () => {
    const manifest = buildAppManifest(config) as {
      extensions: Array<{
        requirements: unknown;
        runtimes: Array<{ code: { page: string }; actions: Array<{ pinnable: boolean }> }>;
        ribbons: Array<{ contexts: string[] }>;
      }>;
      validDomains: string[];
    };
    const [extension] = manifest.extensions;
    expect(extension!.runtimes[0]!.code.page).toBe('https://crm.contoso.de/addin/taskpane.html');
    expect(extension!.runtimes[0]!.actions[0]!.pinnable).toBe(true);
    expect(extension!.requirements).toEqual({ scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: MAILBOX_REQUIREMENT }] });
    expect(extension!.ribbons[0]!.contexts).toEqual(['mailRead', 'mailCompose', 'meetingDetailsAttendee', 'meetingDetailsOrganizer']);
    expect(manifest.validDomains).toEqual(['crm.contoso.de']);
  });

  it('runs the send check on messageSending and appointmentSending with softBlock and precomputes it when recipients or attendees change, from Mailbox 1.12', () => {
    const [extension] = (buildAppManifest(config) as { extensions: Array<Record<string, unknown>> }).extensions as Array<{
      runtimes: Array<{ id: string; requirements?: unknown; code: { page: string; script?: string }; actions: Array<{ id: string; type: string }> }>;
      autoRunEvents: Array<{ requirements: unknown; events: Array<{ type: string; actionId: string; options?: { sendMode: string } }> }>;
    }>;
    const runtime = extension!.runtimes.find((r) => r.id === 'SendCheckRuntime')!;
    expect(runtime.code).toEqual({ page: 'https://crm.contoso.de/addin/launch-events.html', script: 'https://crm.contoso.de/addin/launch-events.js' });
    expect(runtime.requirements).toEqual({ capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] });
    expect(runtime.actions).toEqual([
      { id: SEND_HANDLER, type: 'executeFunction' },
      { id: RECIPIENTS_HANDLER, type: 'executeFunction' },
      { id: APPOINTMENT_SEND_HANDLER, type: 'executeFunction' },
      { id: ATTENDEES_HANDLER, type: 'executeFunction' },
    ]);
    expect(SEND_CHECK_ACTIONS).toEqual({
      send: SEND_HANDLER,
      recipientsChanged: RECIPIENTS_HANDLER,
      appointmentSend: APPOINTMENT_SEND_HANDLER,
      attendeesChanged: ATTENDEES_HANDLER,
    });
    // sessionData.setAsync, where the precomputed verdict is kept, needs read/write item.
    expect((buildAppManifest(config) as { authorization: unknown }).authorization).toEqual({
      permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] },
    });
    expect(extension!.autoRunEvents).toEqual([
      {
        requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] },
        events: [
          { type: 'messageSending', actionId: SEND_HANDLER, options: { sendMode: 'softBlock' } },
          { type: 'messageRecipientsChanged', actionId: RECIPIENTS_HANDLER },
          { type: 'appointmentSending', actionId: APPOINTMENT_SEND_HANDLER, options: { sendMode: 'softBlock' } },
          { type: 'appointmentAttendeesChanged', actionId: ATTENDEES_HANDLER },
        ],
      },
    ]);
  });

  it('lists the send check script in the allow-list classic Outlook on Windows reads from the add-in origin', () => {
    expect(allowedAddinScripts(config)).toEqual({ allowed: ['https://crm.contoso.de/addin/launch-events.js'] });
  });

  it('declares the personal tabs (My CRM, Insights, Privacy, Data) and the account tab for channels, group chats and meetings, on the hosting URL', () => {
    const manifest = buildAppManifest(config) as {
      staticTabs: Array<{ entityId: string; contentUrl: string; scopes: string[]; context: string[] }>;
      configurableTabs: Array<{ configurationUrl: string; scopes: string[]; context: string[]; meetingSurfaces: string[]; canUpdateConfiguration: boolean }>;
    };
    expect(manifest.staticTabs).toEqual([
      expect.objectContaining({ entityId: 'my-crm', contentUrl: 'https://crm.contoso.de/teams/personal.html', scopes: ['personal'], context: ['personalTab'] }),
      expect.objectContaining({ entityId: 'insights', contentUrl: 'https://crm.contoso.de/teams/insights.html', scopes: ['personal'], context: ['personalTab'] }),
      expect.objectContaining({ entityId: 'privacy', contentUrl: 'https://crm.contoso.de/teams/privacy.html', scopes: ['personal'], context: ['personalTab'] }),
      expect.objectContaining({ entityId: 'data', contentUrl: 'https://crm.contoso.de/teams/data.html', scopes: ['personal'], context: ['personalTab'] }),
    ]);
    const [account] = manifest.configurableTabs;
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(account).toMatchObject({
      configurationUrl: 'https://crm.contoso.de/teams/config.html',
      scopes: ['team', 'groupChat'],
      canUpdateConfiguration: true,
    });
    expect(account!.context).toEqual(['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel']);
    expect(account!.context).toEqual(ACCOUNT_TAB_CONTEXTS);
    expect(account!.meetingSurfaces).toEqual(['sidePanel']);
    expect(germanLocalization()['staticTabs[0].name']).toBe('Mein CRM');
    expect(germanLocalization()['staticTabs[1].name']).toBe('Auswertungen');
    expect(germanLocalization()['staticTabs[2].name']).toBe('Datenschutz');
    expect(germanLocalization()['staticTabs[3].name']).toBe('Daten');
  });

  it('offers the Insights tab to channels and group chats through the one configurable tab the schema allows', async () => {
    const manifest = buildAppManifest(config) as { configurableTabs: Array<Record<string, unknown>> };
    const [tab] = manifest.configurableTabs;
    // Its configuration page (teams-app ConfigPage) binds the tab to an account or to insights.html?scope=team.
    expect(tab).toMatchObject({ configurationUrl: 'https://crm.contoso.de/teams/config.html', scopes: ['team', 'groupChat'] });
    expect(tab!.context).toEqual(expect.arrayContaining(['channelTab', 'privateChatTab']));
    // A configurable tab of its own is what the schema refuses: one per app.
    const twoTabs = {
      ...manifest,
      configurableTabs: [...manifest.configurableTabs, { id: 'insights', configurationUrl: 'https://crm.contoso.de/teams/insights-config.html', scopes: ['team'], context: ['channelTab'] }],
    };
    const failures = await AppManifestUtils.validateAgainstSchema(twoTabs as never);
    expect(failures.join(' ')).toMatch(/configurableTabs/);
  });

  it('packages manifest, localization and icons of the required sizes into the zip', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-manifest-'));
    try {
      const zip = unzipSync(readFileSync(writeAppPackage(config, dir)));
      expect(Object.keys(zip).sort()).toEqual(['color.png', 'de-de.json', 'manifest.json', 'outline.png']);
      expect(pngSize(zip['color.png']!)).toEqual([192, 192]);
      expect(pngSize(zip['outline.png']!)).toEqual([32, 32]);
      expect(JSON.parse(new TextDecoder().decode(zip['manifest.json']!)).id).toBe(config.appId);
      expect(JSON.parse(readFileSync(join(dir, '.well-known', 'microsoft-officeaddins-allowed.json'), 'utf8'))).toEqual(allowedAddinScripts(config));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses hosting URLs Outlook would not load', () => {
    expect(() => loadAppConfig({ CRM_HOSTING_URL: 'http://crm.contoso.de' })).toThrow(/https/);
    expect(() => loadAppConfig({ CRM_HOSTING_URL: 'https://crm.contoso.de/app' })).toThrow(/origin/);
  });
});
