/// <reference types="office-js" />
// The Office.js edge of the add-in: the only module that touches the Office global.
import { accountSubEntityId, LOG_KEY_HEADER, teamsTabDeepLink, themeKindOfBackground } from '@crm/common/web';
import type { MailHost, MailItem, Participant } from './mail-host';
import type { CheckRecipients } from '../send-check/send-check';
import { loadComposePurpose, loadLogWhenSent, precomputeSendCheck, saveComposePurpose, saveLogWhenSent } from './office-send-check';
import { logKeyOfHeaders } from '../send-check/log-when-sent';

type Details = Office.EmailAddressDetails;
const person = (d: Details | undefined | null): Participant | null =>
  d?.emailAddress ? { email: d.emailAddress, name: d.displayName || d.emailAddress } : null;
const people = (list: Details[] | undefined): Participant[] => (list ?? []).map(person).filter((p): p is Participant => p !== null);

/** Compose-mode properties are read asynchronously; read-mode ones are plain values. */
function reader(office: typeof Office) {
  return <T>(get: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> =>
    new Promise((resolve, reject) => get((result) => (result.status === office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(result.error))));
}

async function currentItem(office: typeof Office, mailbox: Office.Mailbox): Promise<MailItem | null> {
  const read = reader(office);
  const item = mailbox.item as (Office.MessageRead & Office.MessageCompose & Office.AppointmentRead & Office.AppointmentCompose) | null | undefined;
  if (!item) return null;
  const compose = typeof item.subject !== 'string';
  const isAppointment = item.itemType === office.MailboxEnums.ItemType.Appointment;
  const key = item.itemId ?? `${compose ? 'draft' : 'item'}-${Date.now()}`;
  if (isAppointment) {
    const [subject, required, optional, start] = compose
      ? await Promise.all([
          read<string>((cb) => item.subject.getAsync(cb)),
          read<Details[]>((cb) => item.requiredAttendees.getAsync(cb)),
          read<Details[]>((cb) => item.optionalAttendees.getAsync(cb)),
          read<Date>((cb) => item.start.getAsync(cb)),
        ])
      : [
          item.subject as unknown as string,
          item.requiredAttendees as unknown as Details[],
          item.optionalAttendees as unknown as Details[],
          item.start as unknown as Date,
        ];
    return {
      mode: compose ? 'appointment-organizer' : 'appointment-attendee',
      key,
      subject,
      from: compose ? null : person(item.organizer as unknown as Details),
      recipients: [...people(required), ...people(optional)],
      internetMessageId: null,
      conversationId: null,
      when: new Date(start),
    };
  }
  if (compose) {
    const [subject, to, cc] = await Promise.all([
      read<string>((cb) => item.subject.getAsync(cb)),
      read<Details[]>((cb) => item.to.getAsync(cb)),
      read<Details[]>((cb) => item.cc.getAsync(cb)),
    ]);
    return {
      mode: 'compose',
      key,
      subject,
      from: null,
      recipients: [...people(to), ...people(cc)],
      internetMessageId: null,
      conversationId: item.conversationId ?? null,
      when: new Date(),
    };
  }
  // Mailbox 1.8; a client without it shows the email without its log key, which then logs by its message id alone.
  const headers = typeof item.getAllInternetHeadersAsync === 'function' ? await read<string>((cb) => item.getAllInternetHeadersAsync(cb)).catch(() => '') : '';
  return {
    mode: 'read',
    key,
    logKey: logKeyOfHeaders(headers, LOG_KEY_HEADER),
    subject: item.subject as unknown as string,
    from: person(item.from as unknown as Details),
    recipients: [...people(item.to as unknown as Details[]), ...people(item.cc as unknown as Details[])],
    internetMessageId: item.internetMessageId ?? null,
    conversationId: item.conversationId ?? null,
    when: new Date(item.dateTimeCreated),
  };
}

/** Graph knows the iCalUId; Office.js only the item id, converted to the REST form Graph accepts. */
async function meetingUid(office: typeof Office, mailbox: Office.Mailbox, graphToken: () => Promise<string>, graphBaseUrl: string): Promise<string | null> {
  const itemId = mailbox.item?.itemId;
  if (!itemId) return null;
  const restId = mailbox.convertToRestId(itemId, office.MailboxEnums.RestVersion.v2_0);
  const response = await fetch(`${graphBaseUrl}/v1.0/me/events/${encodeURIComponent(restId)}?$select=iCalUId`, {
    headers: { authorization: `Bearer ${await graphToken()}` },
  });
  if (!response.ok) return null;
  return ((await response.json()) as { iCalUId?: string }).iCalUId ?? null;
}

/** What the mailbox and the item share for events; the item's own typings differ per read and compose mode. */
interface HandlerTarget {
  addHandlerAsync(type: Office.EventType, handler: () => void): void;
  removeHandlerAsync(type: Office.EventType, options: object): void;
}

export interface OfficeMailHostOptions {
  graphToken: () => Promise<string>;
  graphBaseUrl?: string;
  /** The API's send check: a purpose chosen in the pane recomputes the verdict the send check answers from. */
  sendCheck?: CheckRecipients;
  /** The Teams app and its tab that open an account (the manifest's, from the page config), and the tab page itself. */
  teamsTab: { appId: string; entityId: string; pageUrl: string };
}

export function officeMailHost(office: typeof Office, options: OfficeMailHostOptions): MailHost {
  const mailbox = office.context.mailbox;
  const subscribe = (target: HandlerTarget, type: Office.EventType, handler: () => void) => {
    target.addHandlerAsync(type, handler);
    return () => target.removeHandlerAsync(type, { handler });
  };
  return {
    kind: 'office',
    userEmail: mailbox.userProfile.emailAddress,
    language: office.context.displayLanguage,
    theme: themeKindOfBackground(office.context.officeTheme?.bodyBackgroundColor),
    getItem: () => currentItem(office, mailbox),
    onItemChanged: (handler) => subscribe(mailbox, office.EventType.ItemChanged, handler),
    onRecipientsChanged: (handler) =>
      mailbox.item ? subscribe(mailbox.item as unknown as HandlerTarget, office.EventType.RecipientsChanged, handler) : () => undefined,
    onThemeChanged: (handler) =>
      subscribe(mailbox, 'officeThemeChanged' as unknown as Office.EventType, () =>
        handler(themeKindOfBackground(office.context.officeTheme?.bodyBackgroundColor)),
      ),
    getMeetingUid: () => meetingUid(office, mailbox, options.graphToken, options.graphBaseUrl ?? 'https://graph.microsoft.com'),
    getComposePurpose: () => loadComposePurpose(office),
    setComposePurpose: async (purpose) => {
      await saveComposePurpose(office, purpose);
      if (options.sendCheck) await precomputeSendCheck(office, options.sendCheck);
    },
    getLogWhenSent: () => loadLogWhenSent(office),
    setLogWhenSent: (choice) => saveLogWhenSent(office, choice),
    accountTabUrl: ({ id, name }) =>
      teamsTabDeepLink({
        appId: options.teamsTab.appId,
        entityId: options.teamsTab.entityId,
        subEntityId: accountSubEntityId(id),
        label: name,
        webUrl: `${options.teamsTab.pageUrl}?accountId=${encodeURIComponent(id)}`,
      }),
  };
}
