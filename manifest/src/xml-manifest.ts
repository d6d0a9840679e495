// The add-in only (XML) manifest, from the same configuration as the unified one: Outlook on Mac and Outlook mobile do
// not take the unified manifest for this add-in. It declares the pane for reading and composing (DesktopFormFactor:
// Outlook on Mac, and any client that prefers this manifest), for reading on phones (MobileFormFactor, which Outlook
// mobile supports for read mode only), and the send check (LaunchEvent, VersionOverrides 1.1 only), which new Outlook on
// Mac runs from this manifest; Outlook mobile has no Smart Alerts.
import type { AppConfig } from './app-config';
import { buildAppManifest, germanLocalization, iconUrl, PANE_BUTTON, SEND_CHECK_EVENTS, sendCheckPageUrl, sendCheckScriptUrl } from './app-manifest';

/**
 * Mailbox 1.5 brings pinning (ItemChanged); it is also the highest set Outlook mobile fully supports. The send check's
 * events need 1.12, but raising the whole VersionOverrides to it would take the pane off phones: a client runs a
 * LaunchEvent only for events it supports, so the send check stays within the 1.5 block, as Microsoft's mobile sample does.
 */
export const XML_MAILBOX_REQUIREMENT = '1.5';

interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}
const el = (name: string, attrs: Record<string, string> = {}, ...children: Array<XmlElement | string>): XmlElement => ({ name, attrs, children });

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function serialize(node: XmlElement, depth = 0): string {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs)
    .map(([key, value]) => ` ${key}="${escape(value)}"`)
    .join('');
  if (node.children.length === 0) return `${pad}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${pad}<${node.name}${attrs}>${escape(node.children.join(''))}</${node.name}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? `${pad}  ${escape(c)}` : serialize(c, depth + 1))).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}

const NS = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  bt: 'http://schemas.microsoft.com/office/officeappbasictypes/1.0',
  mailappor: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.0',
  overrides10: 'http://schemas.microsoft.com/office/mailappversionoverrides',
  overrides11: 'http://schemas.microsoft.com/office/mailappversionoverrides/1.1',
};

/** The desktop command surfaces, each with a button that opens the pane; reading ones pin (VersionOverrides 1.1 only). */
const SURFACES = [
  { type: 'MessageReadCommandSurface', id: 'MsgRead', read: true },
  { type: 'MessageComposeCommandSurface', id: 'MsgCompose', read: false },
  { type: 'AppointmentAttendeeCommandSurface', id: 'ApptAttendee', read: true },
  { type: 'AppointmentOrganizerCommandSurface', id: 'ApptOrganizer', read: false },
];
const MOBILE_ICONS = [25, 32, 48].flatMap((size) => [1, 2, 3].map((scale) => ({ size, scale })));

function hosts(version: '1.0' | '1.1'): XmlElement {
  const pinning = version === '1.1';
  const desktop = el(
    'DesktopFormFactor',
    {},
    ...SURFACES.map((surface) =>
      el(
        'ExtensionPoint',
        { 'xsi:type': surface.type },
        el(
          'OfficeTab',
          { id: 'TabDefault' },
          el(
            'Group',
            { id: `Crm${surface.id}Group` },
            el('Label', { resid: 'Crm.Label' }),
            el(
              'Control',
              { 'xsi:type': 'Button', id: `Crm${surface.id}Button` },
              el('Label', { resid: 'Crm.Label' }),
              el('Supertip', {}, el('Title', { resid: 'Crm.Title' }), el('Description', { resid: 'Crm.Description' })),
              el('Icon', {}, ...[16, 32, 80].map((size) => el('bt:Image', { size: String(size), resid: `Icon.${size}` }))),
              el(
                'Action',
                { 'xsi:type': 'ShowTaskpane' },
                el('SourceLocation', { resid: 'Taskpane.Url' }),
                ...(pinning && surface.read ? [el('SupportsPinning', {}, 'true')] : []),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  const mobile = el(
    'MobileFormFactor',
    {},
    el(
      'ExtensionPoint',
      { 'xsi:type': 'MobileMessageReadCommandSurface' },
      el(
        'Group',
        { id: 'CrmMobileReadGroup' },
        el('Label', { resid: 'Crm.Label' }),
        el(
          'Control',
          { 'xsi:type': 'MobileButton', id: 'CrmMobileReadButton' },
          el('Label', { resid: 'Crm.Label' }),
          el(
            'Icon',
            { 'xsi:type': 'bt:MobileIconList' },
            ...MOBILE_ICONS.map((i) => el('bt:Image', { size: String(i.size), scale: String(i.scale), resid: `Icon.${i.size * i.scale}` })),
          ),
          el('Action', { 'xsi:type': 'ShowTaskpane' }, el('SourceLocation', { resid: 'Taskpane.Url' })),
        ),
      ),
    ),
  );
  if (version === '1.0') return el('Hosts', {}, el('Host', { 'xsi:type': 'MailHost' }, desktop));
  // The page runs the handlers in the browser runtime (web, new Outlook, Mac); classic Outlook on Windows loads the script.
  const runtimes = el('Runtimes', {}, el('Runtime', { resid: 'SendCheck.Page' }, el('Override', { type: 'javascript', resid: 'SendCheck.Script' })));
  desktop.children.push(
    el(
      'ExtensionPoint',
      { 'xsi:type': 'LaunchEvent' },
      el(
        'LaunchEvents',
        {},
        ...SEND_CHECK_EVENTS.map((e) => el('LaunchEvent', { Type: e.xml, FunctionName: e.actionId, ...(e.softBlock ? { SendMode: 'SoftBlock' } : {}) })),
      ),
      el('SourceLocation', { resid: 'SendCheck.Page' }),
    ),
  );
  return el('Hosts', {}, el('Host', { 'xsi:type': 'MailHost' }, runtimes, desktop, mobile));
}

function resources(config: AppConfig, version: '1.0' | '1.1'): XmlElement {
  const text = (id: string, en: string, de: string) => el('bt:String', { id, DefaultValue: en }, el('bt:Override', { Locale: 'de-DE', Value: de }));
  const usedSizes = [...new Set([16, 32, 80, ...MOBILE_ICONS.map((i) => i.size * i.scale)])].sort((a, b) => a - b);
  return el(
    'Resources',
    {},
    el('bt:Images', {}, ...usedSizes.map((size) => el('bt:Image', { id: `Icon.${size}`, DefaultValue: iconUrl(config, size) }))),
    el(
      'bt:Urls',
      {},
      el('bt:Url', { id: 'Taskpane.Url', DefaultValue: `${config.hostingUrl}/addin/taskpane.html` }),
      ...(version === '1.1'
        ? [
            el('bt:Url', { id: 'SendCheck.Page', DefaultValue: sendCheckPageUrl(config) }),
            el('bt:Url', { id: 'SendCheck.Script', DefaultValue: sendCheckScriptUrl(config) }),
          ]
        : []),
    ),
    el('bt:ShortStrings', {}, text('Crm.Label', PANE_BUTTON.label, PANE_BUTTON.label), text('Crm.Title', PANE_BUTTON.title.en, PANE_BUTTON.title.de)),
    el('bt:LongStrings', {}, text('Crm.Description', PANE_BUTTON.description.en, PANE_BUTTON.description.de)),
  );
}

const requirements = (version: string) => el('Requirements', {}, el('bt:Sets', { DefaultMinVersion: version }, el('bt:Set', { Name: 'Mailbox' })));

export function buildXmlManifest(config: AppConfig): string {
  const unified = buildAppManifest(config) as { name: { short: string }; description: { short: string }; developer: { name: string; websiteUrl: string } };
  const german = germanLocalization() as Record<string, string>;
  const localized = (name: string, en: string, de: string) => el(name, { DefaultValue: en }, el('Override', { Locale: 'de-DE', Value: de }));
  const root = el(
    'OfficeApp',
    { xmlns: NS.officeApp, 'xmlns:xsi': NS.xsi, 'xmlns:bt': NS.bt, 'xmlns:mailappor': NS.mailappor, 'xsi:type': 'MailApp' },
    // The same id as the unified manifest: one app, whichever manifest a client installed it from.
    el('Id', {}, config.appId),
    el('Version', {}, `${config.version}.0`),
    el('ProviderName', {}, unified.developer.name),
    el('DefaultLocale', {}, 'en-US'),
    localized('DisplayName', unified.name.short, german['name.short']!),
    localized('Description', unified.description.short, german['description.short']!),
    el('IconUrl', { DefaultValue: iconUrl(config, 64) }),
    el('HighResolutionIconUrl', { DefaultValue: iconUrl(config, 128) }),
    el('SupportUrl', { DefaultValue: unified.developer.websiteUrl }),
    el('AppDomains', {}, el('AppDomain', {}, config.hostingUrl)),
    el('Hosts', {}, el('Host', { Name: 'Mailbox' })),
    el('Requirements', {}, el('Sets', {}, el('Set', { Name: 'Mailbox', MinVersion: '1.1' }))),
    el(
      'FormSettings',
      {},
      el(
        'Form',
        { 'xsi:type': 'ItemRead' },
        el('DesktopSettings', {}, el('SourceLocation', { DefaultValue: `${config.hostingUrl}/addin/taskpane.html` }), el('RequestedHeight', {}, '250')),
      ),
    ),
    el('Permissions', {}, 'ReadWriteItem'),
    el(
      'Rule',
      { 'xsi:type': 'RuleCollection', Mode: 'Or' },
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Message', FormType: 'Read' }),
      el('Rule', { 'xsi:type': 'ItemIs', ItemType: 'Appointment', FormType: 'Read' }),
    ),
    el('DisableEntityHighlighting', {}, 'false'),
    el(
      'VersionOverrides',
      { xmlns: NS.overrides10, 'xsi:type': 'VersionOverridesV1_0' },
      requirements(XML_MAILBOX_REQUIREMENT),
      hosts('1.0'),
      resources(config, '1.0'),
      // Clients that know 1.1 read this one instead: it adds pinning, the mobile form factor and the send check.
      el(
        'VersionOverrides',
        { xmlns: NS.overrides11, 'xsi:type': 'VersionOverridesV1_1' },
        requirements(XML_MAILBOX_REQUIREMENT),
        hosts('1.1'),
        resources(config, '1.1'),
      ),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`;
}
