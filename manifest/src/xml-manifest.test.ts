// The add-in only manifest for Outlook on Mac and mobile. No package ships Microsoft's XSD schemas for it, so this checks
// its structure: well-formed XML, the same app as the unified manifest, the surfaces per form factor, the send check's
// launch events, and that every resource it refers to is defined and every icon is one the add-in's build writes.
//
// The send check's markup follows Microsoft Learn:
// - "Configure your Outlook add-in for event-based activation" (https://learn.microsoft.com/office/dev/add-ins/outlook/autolaunch):
//   the XML names OnMessageSend, OnAppointmentSend, OnMessageRecipientsChanged and OnAppointmentAttendeesChanged, and
//   the minimum sets 1.12 and 1.11;
// - "Handle OnMessageSend and OnAppointmentSend events in your Outlook add-in with Smart Alerts"
//   (https://learn.microsoft.com/office/dev/add-ins/outlook/onmessagesend-onappointmentsend-events): the SendMode
//   attribute of both send events and the clients (web, Windows new and classic, Mac 16.65 or later; not iOS, Android);
// - "Automatically check for an attachment before a message is sent" (https://learn.microsoft.com/office/dev/add-ins/outlook/smart-alerts-onmessagesend-walkthrough):
//   VersionOverridesV1_1, Host > Runtimes > Runtime (the HTML page) with Override type="javascript" (the script classic
//   Outlook on Windows loads), and ExtensionPoint xsi:type="LaunchEvent" with SendMode="SoftBlock" and a SourceLocation
//   naming the runtime's resid;
// - "LaunchEvent element" (https://learn.microsoft.com/javascript/api/manifest/launchevent): valid only in Mail 1.1;
// - "Implement event-based activation in Outlook mobile add-ins" (https://learn.microsoft.com/office/dev/add-ins/outlook/mobile-event-based):
//   its sample keeps launch events inside a VersionOverridesV1_1 that asks for Mailbox 1.5, as this one does.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { ADDIN_ICON_SIZES } from '../icons.mjs';
import { loadAppConfig } from './app-config';
import { buildAppManifest, PANE_BUTTON, SEND_CHECK_ACTIONS } from './app-manifest';
import { writeAppPackage } from './package-app';
import { buildXmlManifest, XML_MAILBOX_REQUIREMENT } from './xml-manifest';

const config = loadAppConfig({
  CRM_HOSTING_URL: 'https://crm.contoso.de',
  CRM_ADDIN_CLIENT_ID: '11111111-2222-4333-8444-555555555555',
  CRM_APP_VERSION: '2.3.4',
});

const parse = (xml: string) => new new Window().DOMParser().parseFromString(xml, 'application/xml');
const doc = parse(buildXmlManifest(config));
type Node = ReturnType<typeof doc.getElementsByTagName>[number];
const all = (root: { getElementsByTagName(name: string): ArrayLike<Node> }, name: string): Node[] => Array.from(root.getElementsByTagName(name));
const text = (name: string) => all(doc, name)[0]?.textContent;
const children = (node: Node, name: string) => Array.from(node.children).filter((c) => c.tagName === name);

const [outer, inner] = all(doc, 'VersionOverrides');

describe('add-in only manifest', () => {
  it('is well-formed XML for a mail add-in, whose parser would report a broken one', () => {
    expect(all(doc, 'parsererror')).toEqual([]);
    expect(all(parse('<OfficeApp><Id></OfficeApp>'), 'parsererror').length).toBeGreaterThan(0);
    expect(doc.documentElement.tagName).toBe('OfficeApp');
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(doc.documentElement.getAttribute('xsi:type')).toBe('MailApp');
  });

  it('describes the same app as the unified manifest, in English and German, with a four-part version', () => {
    const unified = buildAppManifest(config) as { id: string; name: { short: string } };
    expect(text('Id')).toBe(unified.id);
    expect(text('Version')).toBe('2.3.4.0');
    expect(all(doc, 'DisplayName')[0]!.getAttribute('DefaultValue')).toBe(unified.name.short);
    expect(all(doc, 'Description')[0]!.getElementsByTagName('Override')[0]!.getAttribute('Value')).toBe('Kundenkontext neben jeder E-Mail und Besprechung.');
    expect(text('AppDomain')).toBe('https://crm.contoso.de');
    expect(text('Permissions')).toBe('ReadWriteItem');
    expect(all(doc, 'SourceLocation')[0]!.getAttribute('DefaultValue')).toBe('https://crm.contoso.de/addin/taskpane.html');
  });

  it('opens the pane when reading and composing messages and meetings on desktop, pinnable when reading (1.1 only)', () => {
    const surfaces = ['MessageReadCommandSurface', 'MessageComposeCommandSurface', 'AppointmentAttendeeCommandSurface', 'AppointmentOrganizerCommandSurface'];
    for (const overrides of [outer!, inner!]) {
      const points = children(all(overrides, 'DesktopFormFactor')[0]!, 'ExtensionPoint').map((p) => p.getAttribute('xsi:type'));
      expect(points).toEqual(overrides === inner ? [...surfaces, 'LaunchEvent'] : surfaces);
      expect(all(overrides, 'bt:Set')[0]!.getAttribute('Name')).toBe('Mailbox');
      expect(all(overrides, 'bt:Sets')[0]!.getAttribute('DefaultMinVersion')).toBe(XML_MAILBOX_REQUIREMENT);
    }
    expect(outer!.getAttribute('xsi:type')).toBe('VersionOverridesV1_0');
    expect(inner!.getAttribute('xsi:type')).toBe('VersionOverridesV1_1');
    expect(inner!.parentNode).toBe(outer);
    const pinned = (overrides: Node) => all(overrides, 'SupportsPinning').map((p) => p.parentElement!.parentElement!.getAttribute('id'));
    // The outer 1.0 block holds the inner one, so its own pinning is what the inner lacks.
    expect(pinned(inner!)).toEqual(['CrmMsgReadButton', 'CrmApptAttendeeButton']);
    expect(pinned(outer!)).toEqual(pinned(inner!));
  });

  it('runs the send check from the 1.1 block only: both send events with SoftBlock, recipients and attendees changed, handled by the functions the unified manifest names', () => {
    const outerHost = children(children(outer!, 'Hosts')[0]!, 'Host')[0]!;
    expect(children(outerHost, 'Runtimes')).toEqual([]);
    expect(children(children(outerHost, 'DesktopFormFactor')[0]!, 'ExtensionPoint').map((p) => p.getAttribute('xsi:type'))).not.toContain('LaunchEvent');

    const host = children(children(inner!, 'Hosts')[0]!, 'Host')[0]!;
    expect(Array.from(host.children).map((c) => c.tagName)).toEqual(['Runtimes', 'DesktopFormFactor', 'MobileFormFactor']);
    const [runtime] = all(children(host, 'Runtimes')[0]!, 'Runtime');
    const [override] = children(runtime!, 'Override');
    expect(override!.getAttribute('type')).toBe('javascript');

    const launch = children(children(host, 'DesktopFormFactor')[0]!, 'ExtensionPoint').find((p) => p.getAttribute('xsi:type') === 'LaunchEvent')!;
    const events = all(launch, 'LaunchEvent').map((e) => ({
      type: e.getAttribute('Type'),
      fn: e.getAttribute('FunctionName'),
      mode: e.getAttribute('SendMode'),
    }));
    expect(events).toEqual([
      { type: 'OnMessageSend', fn: SEND_CHECK_ACTIONS.send, mode: 'SoftBlock' },
      { type: 'OnMessageRecipientsChanged', fn: SEND_CHECK_ACTIONS.recipientsChanged, mode: null },
      { type: 'OnAppointmentSend', fn: SEND_CHECK_ACTIONS.appointmentSend, mode: 'SoftBlock' },
      { type: 'OnAppointmentAttendeesChanged', fn: SEND_CHECK_ACTIONS.attendeesChanged, mode: null },
    ]);
    // The event runs in the runtime the extension point names; both URLs are the ones the unified manifest's runtime loads.
    const source = children(launch, 'SourceLocation')[0]!.getAttribute('resid');
    expect(source).toBe(runtime!.getAttribute('resid'));
    const url = (id: string) =>
      all(children(inner!, 'Resources')[0]!, 'bt:Url')
        .find((u) => u.getAttribute('id') === id)
        ?.getAttribute('DefaultValue');
    const unified = buildAppManifest(config) as {
      extensions: Array<{
        runtimes: Array<{ id: string; code: { page: string; script: string } }>;
        autoRunEvents: Array<{ events: Array<{ actionId: string }> }>;
      }>;
    };
    const sendRuntime = unified.extensions[0]!.runtimes.find((r) => r.id === 'SendCheckRuntime')!;
    expect(url(source!)).toBe(sendRuntime.code.page);
    expect(url(override!.getAttribute('resid')!)).toBe(sendRuntime.code.script);
    expect(events.map((e) => e.fn)).toEqual(unified.extensions[0]!.autoRunEvents[0]!.events.map((e) => e.actionId));
    // Outlook mobile has no Smart Alerts: its form factor keeps only the read pane.
    expect(all(children(host, 'MobileFormFactor')[0]!, 'LaunchEvent')).toEqual([]);
  });

  it('offers the pane in Outlook mobile for reading messages, with the nine icons it requires', () => {
    expect(children(children(outer!, 'Hosts')[0]!.children[0]!, 'MobileFormFactor')).toEqual([]);
    const [mobile] = all(inner!, 'MobileFormFactor');
    expect(all(mobile!, 'ExtensionPoint').map((p) => p.getAttribute('xsi:type'))).toEqual(['MobileMessageReadCommandSurface']);
    const [button] = all(mobile!, 'Control');
    expect(button!.getAttribute('xsi:type')).toBe('MobileButton');
    expect(all(button!, 'Icon')[0]!.getAttribute('xsi:type')).toBe('bt:MobileIconList');
    const icons = all(button!, 'bt:Image').map((i) => `${i.getAttribute('size')}@${i.getAttribute('scale')}`);
    expect(icons).toEqual(['25@1', '25@2', '25@3', '32@1', '32@2', '32@3', '48@1', '48@2', '48@3']);
    expect(all(button!, 'Action')[0]!.getAttribute('xsi:type')).toBe('ShowTaskpane');
  });

  it('defines every resource it refers to, in English with a German override, and points only at icons the build writes', () => {
    for (const overrides of [inner!, outer!]) {
      const resources = children(overrides, 'Resources')[0]!;
      const defined = new Map(all(resources, '*').flatMap((r) => (r.getAttribute('id') ? [[r.getAttribute('id')!, r]] : [])));
      const hosts = children(overrides, 'Hosts')[0]!;
      const referenced = new Set(all(hosts, '*').flatMap((node) => (node.getAttribute('resid') ? [node.getAttribute('resid')!] : [])));
      expect(referenced.size).toBeGreaterThan(0);
      for (const resid of referenced) expect(defined.has(resid), resid).toBe(true);
      for (const resid of referenced) expect(resid.length).toBeLessThanOrEqual(32);
      for (const string of all(resources, 'bt:String')) expect(all(string, 'bt:Override')[0]!.getAttribute('Locale')).toBe('de-DE');
      expect(defined.get('Crm.Title')!.getElementsByTagName('bt:Override')[0]!.getAttribute('Value')).toBe(PANE_BUTTON.title.de);
    }
    const urls = [...all(doc, 'bt:Image'), ...all(doc, 'IconUrl'), ...all(doc, 'HighResolutionIconUrl')].flatMap((i) => i.getAttribute('DefaultValue') ?? []);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      const size = Number(/^https:\/\/crm\.contoso\.de\/addin\/assets\/icon-(\d+)\.png$/.exec(url)?.[1]);
      expect(ADDIN_ICON_SIZES, url).toContain(size);
    }
    const unifiedIcons = JSON.stringify(buildAppManifest(config)).match(/icon-(\d+)\.png/g)!;
    for (const icon of unifiedIcons) expect(ADDIN_ICON_SIZES).toContain(Number(/\d+/.exec(icon)![0]));
  });

  it('is written beside the app package', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-xml-manifest-'));
    try {
      writeAppPackage(config, dir);
      expect(readFileSync(join(dir, 'manifest.xml'), 'utf8')).toBe(buildXmlManifest(config));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
