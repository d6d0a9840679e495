// The unified Microsoft 365 app manifest: one app for the Outlook add-in and the Teams tabs.
import { BOT_COMMANDS } from '@crm/common';
import type { AppConfig } from './app-config';
import { MY_CRM_TAB } from '../teams-app.mjs';

/** Mailbox 1.7 brings RecipientsChanged; ItemChanged (pinning) came with 1.5. */
export const MAILBOX_REQUIREMENT = '1.7';
/** Smart Alerts (messageSending and appointmentSending with a send mode) came with Mailbox 1.12; the recipients and attendees changed events with 1.11. */
export const SEND_CHECK_REQUIREMENT = '1.12';
/** The functions launch-events.js associates with Office.actions (addin/src/host/office-send-check.ts). */
export const SEND_CHECK_ACTIONS = {
  send: 'onMessageSendHandler',
  recipientsChanged: 'onMessageRecipientsChangedHandler',
  appointmentSend: 'onAppointmentSendHandler',
  attendeesChanged: 'onAppointmentAttendeesChangedHandler',
} as const;
/**
 * The send check's events under both manifests' names (Microsoft Learn, "Configure your Outlook add-in for event-based
 * activation", supported events): the unified manifest's autoRunEvents and the add-in only manifest's LaunchEvent.
 * softBlock: a blocked recipient stops the send until the user acts; if the add-in cannot run at all, Outlook sends.
 */
export const SEND_CHECK_EVENTS: ReadonlyArray<{ unified: string; xml: string; actionId: string; softBlock: boolean }> = [
  { unified: 'messageSending', xml: 'OnMessageSend', actionId: SEND_CHECK_ACTIONS.send, softBlock: true },
  { unified: 'messageRecipientsChanged', xml: 'OnMessageRecipientsChanged', actionId: SEND_CHECK_ACTIONS.recipientsChanged, softBlock: false },
  // Meeting invitations to customers get the same check (the organizer sends them; attendees replace To, Cc and Bcc).
  { unified: 'appointmentSending', xml: 'OnAppointmentSend', actionId: SEND_CHECK_ACTIONS.appointmentSend, softBlock: true },
  { unified: 'appointmentAttendeesChanged', xml: 'OnAppointmentAttendeesChanged', actionId: SEND_CHECK_ACTIONS.attendeesChanged, softBlock: false },
];
/** Classic Outlook on Windows runs this one script; the other clients load the page, which loads the same script. */
/** The ribbon button that opens the pane, in both manifests. */
export const PANE_BUTTON = {
  label: 'CRM',
  title: { en: 'Customer context', de: 'Kundenkontext' },
  description: {
    en: 'Show who this is, their company, deals and consent, and log the item.',
    de: 'Zeigt, wer das ist, die Firma, Verkaufschancen und Einwilligungen, und protokolliert das Element.',
  },
} as const;
/** Where an icon of the given pixel size is served (addin/dist/assets, one file per size; see ADDIN_ICON_SIZES). */
export const iconUrl = (config: AppConfig, size: number): string => `${config.hostingUrl}/addin/assets/icon-${size}.png`;
export const sendCheckScriptUrl = (config: AppConfig): string => `${config.hostingUrl}/addin/launch-events.js`;
export const sendCheckPageUrl = (config: AppConfig): string => `${config.hostingUrl}/addin/launch-events.html`;
export const MANIFEST_VERSION = '1.22';
export { MY_CRM_TAB };
/**
 * The activity feed notifications the automation rules, handovers and case escalations send (functions/src/features/automation/notifications.ts,
 * Graph sendActivityNotification): each type sent must be declared here; {rule} is the template parameter it fills.
 */
export const ACTIVITY_TYPES = [
  { type: 'ruleFollowUp', description: 'A rule made a follow-up for you', templateText: '{rule}: a new follow-up for you', de: '{rule}: eine neue Wiedervorlage für Sie' },
  {
    type: 'complaintEscalated',
    description: 'A complaint open too long was escalated to you',
    templateText: '{rule}: a complaint was escalated to you',
    de: '{rule}: eine Beschwerde wurde an Sie eskaliert',
  },
  { type: 'handedOver', description: 'A colleague handed a lead or service case to you', templateText: '{rule}: handed over to you', de: '{rule}: an Sie übergeben' },
  { type: 'followUpOverdue', description: 'A follow-up of yours is overdue', templateText: '{rule}: your follow-up is overdue', de: '{rule}: Ihre Wiedervorlage ist überfällig' },
  {
    type: 'caseEscalated',
    description: 'A service case passed its due time and was escalated to you',
    templateText: '{rule}: a service case was escalated to you',
    de: '{rule}: ein Servicefall wurde an Sie eskaliert',
  },
] as const;
/** The data protection officer's tab; Teams shows it to everyone who installs the app, the API answers only CRM.Privacy and CRM.Admin. */
export const PRIVACY_TAB = 'privacy';
/**
 * The team's figures as a personal static tab. Channels and group chats get them through the configurable tab, whose
 * configuration page offers "the team's figures" beside an account: static tabs do not support the team scope (Learn,
 * "root.staticTabs object"), and the schema allows one configurable tab per app (configurableTabs maxItems 1).
 */
export const INSIGHTS_TAB = 'insights';
/** Import, export and duplicates; Teams shows it to everyone who installs the app, the tab and the API serve only CRM.Manager and CRM.Admin. */
export const DATA_TAB = 'data';
/** The one configurable tab: an account's 360° view or the team's figures (insights.html?scope=team), chosen on config.html. */
export const ACCOUNT_TAB = 'account';
/** Channels, group and meeting chats, the meeting's details and its side panel (compact layout). */
export const ACCOUNT_TAB_CONTEXTS = ['channelTab', 'privateChatTab', 'meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel'];

export function buildAppManifest(config: AppConfig): Record<string, unknown> {
  const host = new URL(config.hostingUrl).host;
  const asset = (size: number) => ({ size, url: iconUrl(config, size) });
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version: config.version,
    id: config.appId,
    developer: {
      name: 'Open CRM for Outlook and Teams',
      websiteUrl: config.hostingUrl,
      privacyUrl: `${config.hostingUrl}/privacy`,
      termsOfUseUrl: `${config.hostingUrl}/terms`,
    },
    name: { short: 'CRM', full: 'CRM for Outlook and Teams' },
    description: {
      short: 'Customer context beside every email and meeting.',
      full: 'See who you are writing to, their company, open opportunities, follow-ups, complaints and consent, and log emails and meetings to the CRM in one click. Self-hosted in your own Azure tenant.',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    accentColor: '#0F6CBD',
    localizationInfo: { defaultLanguageTag: 'en-us', additionalLanguages: [{ languageTag: 'de-de', file: 'de-de.json' }] },
    validDomains: [host],
    webApplicationInfo: { id: config.clientId, resource: `api://${host}/${config.clientId}` },
    // Read/write item: the send check keeps its verdict in the item's sessionData, whose setAsync needs it (Mailbox 1.11).
    authorization: { permissions: { resourceSpecific: [{ name: 'MailboxItem.ReadWrite.User', type: 'Delegated' }] } },
    activities: { activityTypes: ACTIVITY_TYPES.map(({ type, description, templateText }) => ({ type, description, templateText })) },
    staticTabs: [
      {
        entityId: MY_CRM_TAB,
        name: 'My CRM',
        contentUrl: `${config.hostingUrl}/teams/personal.html`,
        websiteUrl: `${config.hostingUrl}/teams/personal.html`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
      {
        entityId: INSIGHTS_TAB,
        name: 'Insights',
        contentUrl: `${config.hostingUrl}/teams/insights.html`,
        websiteUrl: `${config.hostingUrl}/teams/insights.html`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
      {
        entityId: PRIVACY_TAB,
        name: 'Privacy',
        contentUrl: `${config.hostingUrl}/teams/privacy.html`,
        websiteUrl: `${config.hostingUrl}/teams/privacy.html`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
      {
        entityId: DATA_TAB,
        name: 'Data',
        contentUrl: `${config.hostingUrl}/teams/data.html`,
        websiteUrl: `${config.hostingUrl}/teams/data.html`,
        scopes: ['personal'],
        context: ['personalTab'],
      },
    ],
    configurableTabs: [
      {
        id: ACCOUNT_TAB,
        configurationUrl: `${config.hostingUrl}/teams/config.html`,
        canUpdateConfiguration: true,
        scopes: ['team', 'groupChat'],
        context: ACCOUNT_TAB_CONTEXTS,
        meetingSurfaces: ['sidePanel'],
      },
    ],
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: MAILBOX_REQUIREMENT }] },
        runtimes: [
          {
            id: 'TaskPaneRuntime',
            type: 'general',
            code: { page: `${config.hostingUrl}/addin/taskpane.html` },
            lifetime: 'short',
            actions: [{ id: 'OpenCrmPane', type: 'openPage', view: 'crmPane', pinnable: true }],
          },
          {
            id: 'SendCheckRuntime',
            type: 'general',
            requirements: { capabilities: [{ name: 'Mailbox', minVersion: SEND_CHECK_REQUIREMENT }] },
            code: { page: sendCheckPageUrl(config), script: sendCheckScriptUrl(config) },
            lifetime: 'short',
            actions: SEND_CHECK_EVENTS.map((e) => ({ id: e.actionId, type: 'executeFunction' })),
          },
        ],
        autoRunEvents: [
          {
            requirements: { capabilities: [{ name: 'Mailbox', minVersion: SEND_CHECK_REQUIREMENT }] },
            events: SEND_CHECK_EVENTS.map((e) => ({ type: e.unified, actionId: e.actionId, ...(e.softBlock ? { options: { sendMode: 'softBlock' } } : {}) })),
          },
        ],
        ribbons: [
          {
            contexts: ['mailRead', 'mailCompose', 'meetingDetailsAttendee', 'meetingDetailsOrganizer'],
            tabs: [
              {
                builtInTabId: 'TabDefault',
                groups: [
                  {
                    id: 'CrmGroup',
                    label: PANE_BUTTON.label,
                    icons: [asset(16), asset(32), asset(80)],
                    controls: [
                      {
                        id: 'OpenCrmButton',
                        type: 'button',
                        label: PANE_BUTTON.label,
                        icons: [asset(16), asset(32), asset(80)],
                        supertip: { title: PANE_BUTTON.title.en, description: PANE_BUTTON.description.en },
                        actionId: 'OpenCrmPane',
                      },
                    ],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
    ...(config.botAppId ? messageExtension(config.botAppId) : {}),
  };
}

/** The message extension's two commands, in the order of composeExtensions[0].commands (the localization indexes them). */
export const BOT_COMMAND_TEXTS = {
  saveToCrm: {
    en: { title: 'Save to CRM', description: 'Save this message to a CRM account as a note, call summary, complaint or service request.' },
    de: { title: 'Im CRM speichern', description: 'Diese Nachricht als Notiz, Gesprächsnotiz, Reklamation oder Serviceanfrage bei einer Firma im CRM speichern.' },
  },
  searchCrm: {
    en: { title: 'CRM', description: 'Find an account or opportunity and insert its card.', parameter: 'Account or opportunity' },
    de: { title: 'CRM', description: 'Eine Firma oder Verkaufschance finden und ihre Karte einfügen.', parameter: 'Firma oder Verkaufschance' },
  },
} as const;

/**
 * The bot behind /api/messages and its message extension (docs/TEAMS-BOT.md): "Save to CRM" on a message (an action
 * command, which needs a bot) and the card search in the compose box. Learn: "Define message extension action commands",
 * "Define message extension search commands".
 */
function messageExtension(botId: string): Record<string, unknown> {
  const { saveToCrm, searchCrm } = BOT_COMMAND_TEXTS;
  return {
    // The bot only answers the message extension's invokes; it is in the scopes where the app itself is used.
    bots: [{ botId, scopes: ['personal', 'team', 'groupChat'], isNotificationOnly: false, supportsFiles: false }],
    composeExtensions: [
      {
        botId,
        commands: [
          { id: BOT_COMMANDS.saveToCrm, type: 'action', context: ['message'], title: saveToCrm.en.title, description: saveToCrm.en.description, fetchTask: true },
          {
            id: BOT_COMMANDS.searchCrm,
            type: 'query',
            context: ['compose', 'commandBox'],
            title: searchCrm.en.title,
            description: searchCrm.en.description,
            initialRun: true,
            parameters: [{ name: 'searchQuery', title: searchCrm.en.parameter, description: searchCrm.en.description, inputType: 'text' }],
          },
        ],
      },
    ],
  };
}

const germanCommands = (): Record<string, string> => {
  const { saveToCrm, searchCrm } = BOT_COMMAND_TEXTS;
  return {
    'composeExtensions[0].commands[0].title': saveToCrm.de.title,
    'composeExtensions[0].commands[0].description': saveToCrm.de.description,
    'composeExtensions[0].commands[1].title': searchCrm.de.title,
    'composeExtensions[0].commands[1].description': searchCrm.de.description,
    'composeExtensions[0].commands[1].parameters[0].title': searchCrm.de.parameter,
    'composeExtensions[0].commands[1].parameters[0].description': searchCrm.de.description,
  };
};

/** German names and descriptions for Outlook and Teams in German; the commands' only where the app has the bot. */
export function germanLocalization(config?: Pick<AppConfig, 'botAppId'>): Record<string, unknown> {
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.Localization.schema.json`,
    'name.short': 'CRM',
    'name.full': 'CRM für Outlook und Teams',
    'staticTabs[0].name': 'Mein CRM',
    'staticTabs[1].name': 'Auswertungen',
    'staticTabs[2].name': 'Datenschutz',
    'staticTabs[3].name': 'Daten',
    ...Object.fromEntries(ACTIVITY_TYPES.map((activity, i) => [`activities.activityTypes[${i}].templateText`, activity.de])),
    'description.short': 'Kundenkontext neben jeder E-Mail und Besprechung.',
    'description.full':
      'Sehen Sie, wem Sie schreiben, die Firma, offene Verkaufschancen, Wiedervorlagen, Reklamationen und Einwilligungen, und protokollieren Sie E-Mails und Besprechungen mit einem Klick im CRM. Selbst betrieben im eigenen Azure-Mandanten.',
    ...(config?.botAppId ? germanCommands() : {}),
  };
}

/**
 * The allow-list classic Outlook on Windows reads before the send check's script may call the API or sign in
 * (Microsoft Learn, "Use single sign-on (SSO) or cross-origin resource sharing (CORS) in your event-based or
 * spam-reporting Outlook add-in"): served by the add-in's origin at /.well-known/microsoft-officeaddins-allowed.json.
 */
export const allowedAddinScripts = (config: AppConfig): { allowed: string[] } => ({ allowed: [sendCheckScriptUrl(config)] });
