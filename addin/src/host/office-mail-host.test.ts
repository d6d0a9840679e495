// The Office.js edge maps Outlook items of every mode to MailItem and wires the pinned pane's events.
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { officeMailHost } from './office-mail-host';

const enums = {
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  MailboxEnums: { ItemType: { Message: 'message', Appointment: 'appointment' }, RestVersion: { v2_0: 'v2.0' } },
  EventType: { ItemChanged: 'olkItemSelectedChanged', RecipientsChanged: 'olkRecipientsChanged' },
  HostType: { Outlook: 'Outlook' },
};

/** Async getters as Outlook's compose mode has them. */
const asyncValue = (value: unknown) => ({ getAsync: (callback: (r: unknown) => void) => callback({ status: 'succeeded', value }) });

function office(item: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}) {
  const handlers: Record<string, () => void> = {};
  const mock = new OfficeMockObject({
    host: 'outlook',
    ...enums,
    context: {
      displayLanguage: 'de-DE',
      officeTheme: { bodyBackgroundColor: '#1f1f1f' },
      mailbox: {
        userProfile: { emailAddress: 'anna.becker@seller.example' },
        ...(item ? { item } : {}),
        addHandlerAsync(type: string, handler: () => void) {
          handlers[type] = handler;
        },
        removeHandlerAsync(type: string) {
          delete handlers[type];
        },
        convertToRestId: (id: string) => `rest-${id}`,
      },
    },
    ...extra,
  });
  return { office: mock as unknown as typeof Office, handlers };
}

const APP_ID = '5b1e4f3a-8c2d-4e6f-9a0b-7c3d2e1f0a9b';
const noGraph = { graphToken: async () => 'token', teamsTab: { appId: APP_ID, entityId: 'my-crm', pageUrl: 'https://crm.contoso.de/teams/account.html' } };

describe('Office mail host', () => {
  it('maps a read message with sender, recipients and natural keys', async () => {
    const { office: o } = office({
      itemType: 'message',
      itemId: 'AAMk1',
      subject: 'Angebot',
      from: { emailAddress: 'julia@kunde.de', displayName: 'Julia Hoffmann' },
      to: [{ emailAddress: 'anna.becker@seller.example', displayName: 'Anna' }],
      cc: [{ emailAddress: 'stefan@kunde.de', displayName: 'Stefan' }],
      internetMessageId: '<abc@kunde.de>',
      conversationId: 'conv-1',
      dateTimeCreated: new Date('2026-11-20T09:00:00Z'),
      // Mailbox 1.8: the sender's add-in set x-crm-log-key while composing ("Log when sent").
      getAllInternetHeadersAsync: (callback: (r: unknown) => void) =>
        callback({ status: 'succeeded', value: 'Message-ID: <abc@kunde.de>\r\nx-crm-log-key: 2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c\r\n' }),
    });
    const host = officeMailHost(o, noGraph);
    expect(host).toMatchObject({ kind: 'office', userEmail: 'anna.becker@seller.example', language: 'de-DE', theme: 'dark' });
    expect(await host.getItem()).toEqual({
      mode: 'read',
      key: 'AAMk1',
      subject: 'Angebot',
      from: { email: 'julia@kunde.de', name: 'Julia Hoffmann' },
      recipients: [
        { email: 'anna.becker@seller.example', name: 'Anna' },
        { email: 'stefan@kunde.de', name: 'Stefan' },
      ],
      internetMessageId: '<abc@kunde.de>',
      logKey: '2b0c7a4e-5f3d-4c1e-9a8b-6d7e8f9a0b1c',
      conversationId: 'conv-1',
      when: new Date('2026-11-20T09:00:00Z'),
    });
  });

  it('reads a draft through the asynchronous compose API', async () => {
    const { office: o } = office({
      itemType: 'message',
      subject: asyncValue('Einladung'),
      to: asyncValue([{ emailAddress: 'tom@kunde.de', displayName: 'Tom' }]),
      cc: asyncValue([]),
    });
    const item = await officeMailHost(o, noGraph).getItem();
    expect(item).toMatchObject({ mode: 'compose', subject: 'Einladung', from: null, recipients: [{ email: 'tom@kunde.de', name: 'Tom' }] });
  });

  it('maps a meeting for attendees and for the organizer', async () => {
    const attendee = office({
      itemType: 'appointment',
      itemId: 'AAMk2',
      subject: 'Review',
      organizer: { emailAddress: 'julia@kunde.de', displayName: 'Julia' },
      requiredAttendees: [{ emailAddress: 'stefan@kunde.de', displayName: 'Stefan' }],
      optionalAttendees: [],
      start: new Date('2026-11-25T13:00:00Z'),
    });
    expect(await officeMailHost(attendee.office, noGraph).getItem()).toMatchObject({
      mode: 'appointment-attendee',
      from: { email: 'julia@kunde.de' },
      when: new Date('2026-11-25T13:00:00Z'),
    });
    const organizer = office({
      itemType: 'appointment',
      subject: asyncValue('Review'),
      requiredAttendees: asyncValue([{ emailAddress: 'stefan@kunde.de', displayName: 'Stefan' }]),
      optionalAttendees: asyncValue([{ emailAddress: 'eva@kunde.de', displayName: 'Eva' }]),
      start: asyncValue(new Date('2026-11-25T13:00:00Z')),
    });
    expect(await officeMailHost(organizer.office, noGraph).getItem()).toMatchObject({
      mode: 'appointment-organizer',
      recipients: [{ email: 'stefan@kunde.de' }, { email: 'eva@kunde.de' }],
    });
  });

  it('registers for item changes of the pinned pane and removes the handler again', () => {
    const { office: o, handlers } = office({ itemType: 'message', subject: 'x' });
    let calls = 0;
    const unsubscribe = officeMailHost(o, noGraph).onItemChanged(() => (calls += 1));
    handlers.olkItemSelectedChanged!();
    expect(calls).toBe(1);
    unsubscribe();
    expect(handlers.olkItemSelectedChanged).toBeUndefined();
  });

  it("opens an account in the app's Teams tab by its deep link, the tab page as the fallback", () => {
    const { office: o } = office({ itemType: 'message', subject: 'x' });
    const link = new URL(officeMailHost(o, noGraph).accountTabUrl({ id: '0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a', name: 'Hoffmann GmbH' }));
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP_ID}/my-crm`);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: 'account:0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a' });
    expect(link.searchParams.get('webUrl')).toBe('https://crm.contoso.de/teams/account.html?accountId=0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a');
    expect(link.searchParams.get('label')).toBe('Hoffmann GmbH');
  });

  it('has no item when nothing is selected', async () => {
    // The mock cannot hold null; an absent item is what Outlook reports with nothing selected.
    const { office: o } = office(undefined);
    expect(await officeMailHost(o, noGraph).getItem()).toBeNull();
  });
});
