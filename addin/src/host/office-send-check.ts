/// <reference types="office-js" />
// The Office.js edge of the send check: Outlook's event-based activation calls these handlers (unified manifest
// autoRunEvents: messageSending and appointmentSending with sendMode softBlock, messageRecipientsChanged and
// appointmentAttendeesChanged; the XML manifest's LaunchEvents under their names). They read the item (an email's To,
// Cc and Bcc, a meeting's required and optional attendees), keep the verdict on it, and answer the Smart Alerts event;
// the decision itself is send-check/send-check.ts.
import { LOG_KEY_HEADER, type ComposePurpose } from '@crm/common/web/client';
import {
  decideSend,
  storedVerdictOf,
  checkWithin,
  withinDeadline,
  type CheckRecipients,
  type SendRecipient,
  type StoredVerdict,
} from '../send-check/send-check';
import { sendCheckLanguage, type SendItemKind } from '../send-check/send-check-texts';
import { LOG_WHEN_SENT_TIMEOUT_MS, parseLogWhenSent, sentEmailLog, type LogInteraction, type LogWhenSentChoice } from '../send-check/log-when-sent';

/** The action ids the manifest's autoRunEvents name. */
export const SEND_HANDLER = 'onMessageSendHandler';
export const RECIPIENTS_HANDLER = 'onMessageRecipientsChangedHandler';
export const APPOINTMENT_SEND_HANDLER = 'onAppointmentSendHandler';
export const ATTENDEES_HANDLER = 'onAppointmentAttendeesChangedHandler';
/** The purpose the user chose in the compose pane, kept as a custom property of the item (saved with the draft). */
export const PURPOSE_PROPERTY = 'crmComposePurpose';
/** "Log when sent" as chosen in the compose pane (LogWhenSentChoice as JSON), a custom property like the purpose. */
export const LOG_PROPERTY = 'crmLogWhenSent';
/** The verdict computed when the recipients changed, with its API version, in the item's session data (Mailbox 1.11) while it is composed. */
export const VERDICT_KEY = 'crmSendCheck';
/** The recipients-changed check may take longer than the send check: nobody waits for it. */
const PRECOMPUTE_TIMEOUT_MS = 10_000;

type Compose = Office.MessageCompose;
/** What an event handler finds as the item: an email or a meeting being composed (both have custom properties and session data). */
type ComposeItem = Office.MessageCompose | Office.AppointmentCompose;
type Completion = Office.SmartAlertsEventCompletedOptions;
interface MailboxEvent {
  completed(options?: Completion): void;
}

const settle = <T>(office: typeof Office, get: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => get((result) => (result.status === office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(result.error))));

const kindOf = (office: typeof Office, item: ComposeItem): SendItemKind => (item.itemType === office.MailboxEnums.ItemType.Appointment ? 'meeting' : 'message');

/** An email's To, Cc and Bcc; a meeting invitation's required and optional attendees (the organizer is the user). */
async function recipientsOf(office: typeof Office, item: ComposeItem): Promise<SendRecipient[]> {
  const fields =
    kindOf(office, item) === 'meeting'
      ? [(item as Office.AppointmentCompose).requiredAttendees, (item as Office.AppointmentCompose).optionalAttendees]
      : [(item as Compose).to, (item as Compose).cc, (item as Compose).bcc];
  const lists = await Promise.all(fields.map((field) => settle<Office.EmailAddressDetails[]>(office, (cb) => field.getAsync(cb))));
  return lists.flat().map((d) => ({ email: d.emailAddress, name: d.displayName ?? '' }));
}

/** The purpose saved on the item; null when none was chosen. */
export async function loadComposePurpose(office: typeof Office): Promise<ComposePurpose | null> {
  const item = office.context.mailbox.item as Compose;
  const properties = await settle<Office.CustomProperties>(office, (cb) => item.loadCustomPropertiesAsync(cb));
  const value: unknown = properties.get(PURPOSE_PROPERTY);
  // An unknown value is handed on: the API refuses it and the user gets the "could not run" prompt, never a silent pass.
  return typeof value === 'string' && value ? (value as ComposePurpose) : null;
}

const purposeOf = (office: typeof Office): Promise<ComposePurpose> =>
  loadComposePurpose(office).then(
    (p) => p ?? 'correspondence',
    () => 'correspondence',
  );

async function storedOf(office: typeof Office, item: ComposeItem): Promise<StoredVerdict | null> {
  try {
    const text = await settle<string>(office, (cb) => item.sessionData.getAsync(VERDICT_KEY, cb));
    const value = JSON.parse(text) as StoredVerdict;
    // One stored by an older add-in has no version, so Send asks afresh.
    return typeof value?.key === 'string' && typeof value.version === 'string' && Array.isArray(value.blocked) ? value : null;
  } catch {
    return null;
  }
}

/** Saves the purpose on the item, so the send check reads what the user chose in the pane. */
export async function saveComposePurpose(office: typeof Office, purpose: ComposePurpose): Promise<void> {
  const item = office.context.mailbox.item as Compose;
  const properties = await settle<Office.CustomProperties>(office, (cb) => item.loadCustomPropertiesAsync(cb));
  properties.set(PURPOSE_PROPERTY, purpose);
  await settle<void>(office, (cb) => properties.saveAsync(cb));
}

/** The "Log when sent" choice saved on the draft; null when it is off. */
export async function loadLogWhenSent(office: typeof Office): Promise<LogWhenSentChoice | null> {
  const item = office.context.mailbox.item as Compose;
  const properties = await settle<Office.CustomProperties>(office, (cb) => item.loadCustomPropertiesAsync(cb));
  return parseLogWhenSent(properties.get(LOG_PROPERTY));
}

/**
 * Turns "Log when sent" on or off for the draft. On, the draft gets the x-crm-log-key header (Mailbox 1.8; Microsoft
 * Learn, "Get and set internet headers on a message in an Outlook add-in": custom headers set while composing stay on
 * the message after it leaves Exchange, so every copy carries the key); off, the header goes too, so an email nobody
 * logs carries nothing of the CRM.
 */
export async function saveLogWhenSent(office: typeof Office, choice: LogWhenSentChoice | null): Promise<void> {
  const item = office.context.mailbox.item as Compose;
  if (choice) await settle<void>(office, (cb) => item.internetHeaders.setAsync({ [LOG_KEY_HEADER]: choice.key }, cb));
  else await settle<void>(office, (cb) => item.internetHeaders.removeAsync([LOG_KEY_HEADER], cb));
  const properties = await settle<Office.CustomProperties>(office, (cb) => item.loadCustomPropertiesAsync(cb));
  if (choice) properties.set(LOG_PROPERTY, JSON.stringify(choice));
  else properties.remove(LOG_PROPERTY);
  await settle<void>(office, (cb) => properties.saveAsync(cb));
}

/** Logs the email Outlook is about to send, within what is left of the handler's time; a failure leaves the send alone. */
async function logWhenSent(office: typeof Office, item: Compose, recipients: SendRecipient[], log: LogInteraction): Promise<void> {
  try {
    const choice = await loadLogWhenSent(office);
    if (!choice) return;
    const subject = await settle<string>(office, (cb) => item.subject.getAsync(cb));
    const body = sentEmailLog(choice, { subject, recipients, conversationId: item.conversationId ?? null, sentAt: new Date() });
    await withinDeadline((signal) => log(body, signal), LOG_WHEN_SENT_TIMEOUT_MS);
  } catch {
    // Not logged: the header is on the email, so logging its sent copy from the pane later is still the one record.
  }
}

/**
 * Computes the verdict for the item's current recipients and purpose and keeps it in the item's session data, where the
 * send check finds it and asks the API whether its version is still current. Run when the recipients change and when the pane changes the purpose; a failure stores nothing,
 * so the send check asks the API itself.
 */
export async function precomputeSendCheck(office: typeof Office, check: CheckRecipients): Promise<void> {
  const item = office.context.mailbox.item as ComposeItem;
  try {
    const [recipients, purpose] = await Promise.all([recipientsOf(office, item), purposeOf(office)]);
    const emails = [...new Set(recipients.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];
    if (emails.length === 0) await settle<void>(office, (cb) => item.sessionData.removeAsync(VERDICT_KEY, cb));
    else {
      const response = await checkWithin(check, purpose, emails, PRECOMPUTE_TIMEOUT_MS);
      await settle<void>(office, (cb) => item.sessionData.setAsync(VERDICT_KEY, JSON.stringify(storedVerdictOf(purpose, recipients, response)), cb));
    }
  } catch {
    // Nothing stored: the send check asks the API itself.
  }
}

export function sendCheckHandlers(office: typeof Office, check: CheckRecipients, log?: LogInteraction) {
  const language = () => sendCheckLanguage(office.context.displayLanguage);
  const canPrompt = () => office.context.requirements.isSetSupported('Mailbox', '1.14');

  /** OnMessageSend and OnAppointmentSend alike: the item says which it is. */
  async function onSend(event: MailboxEvent): Promise<void> {
    try {
      const item = office.context.mailbox.item as ComposeItem;
      const kind = kindOf(office, item);
      const [recipients, purpose, stored] = await Promise.all([recipientsOf(office, item), purposeOf(office), storedOf(office, item)]);
      const decision = await decideSend({ purpose, recipients, stored, check, language: language(), kind });
      if (decision.kind === 'send') {
        // Only an email Outlook may send is logged: a blocked one, or one the user may still not send, leaves no record.
        // A meeting is logged from the pane (by its iCalUId), not here.
        if (log && kind === 'message') await logWhenSent(office, item as Compose, recipients, log);
        event.completed({ allowEvent: true });
      } else if (decision.kind === 'block') event.completed({ allowEvent: false, errorMessage: decision.message });
      // softBlock can be relaxed at run time to promptUser (Mailbox 1.14), never tightened; without it the mail goes.
      else if (canPrompt())
        event.completed({ allowEvent: false, errorMessage: decision.message, sendModeOverride: office.MailboxEnums.SendModeOverride.PromptUser });
      else event.completed({ allowEvent: true });
    } catch {
      event.completed({ allowEvent: true });
    }
  }

  async function onRecipientsChanged(event: MailboxEvent): Promise<void> {
    await precomputeSendCheck(office, check);
    event.completed();
  }

  return { onMessageSend: onSend, onAppointmentSend: onSend, onRecipientsChanged, onAttendeesChanged: onRecipientsChanged };
}

/** Called once when the event runtime loads the script: classic Outlook on Windows finds the handlers only this way. */
export function registerSendCheck(office: typeof Office, check: CheckRecipients, log?: LogInteraction): void {
  const handlers = sendCheckHandlers(office, check, log);
  office.actions.associate(SEND_HANDLER, handlers.onMessageSend);
  office.actions.associate(RECIPIENTS_HANDLER, handlers.onRecipientsChanged);
  office.actions.associate(APPOINTMENT_SEND_HANDLER, handlers.onAppointmentSend);
  office.actions.associate(ATTENDEES_HANDLER, handlers.onAttendeesChanged);
}

/** The event runtime's Office global; absent when the script is opened outside Outlook. */
export const eventRuntimeOffice = (): typeof Office | undefined => (globalThis as { Office?: typeof Office }).Office;
