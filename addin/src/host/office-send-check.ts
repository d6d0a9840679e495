/// <reference types="office-js" />
// The Office.js edge of the send check: Outlook's event-based activation calls these handlers (unified manifest
// autoRunEvents: messageSending with sendMode softBlock, messageRecipientsChanged). They read the item, keep the
// verdict on it, and answer the Smart Alerts event; the decision itself is send-check/send-check.ts.
import type { ComposePurpose } from '@crm/common';
import { decideSend, storedVerdictOf, checkWithin, type CheckRecipients, type SendRecipient, type StoredVerdict } from '../send-check/send-check';
import { sendCheckLanguage } from '../send-check/send-check-texts';

/** The action ids the manifest's autoRunEvents name. */
export const SEND_HANDLER = 'onMessageSendHandler';
export const RECIPIENTS_HANDLER = 'onMessageRecipientsChangedHandler';
/** The purpose the user chose in the compose pane, kept as a custom property of the item (saved with the draft). */
export const PURPOSE_PROPERTY = 'crmComposePurpose';
/** The verdict computed when the recipients changed, in the item's session data (Mailbox 1.11) while it is composed. */
export const VERDICT_KEY = 'crmSendCheck';
/** The recipients-changed check may take longer than the send check: nobody waits for it. */
const PRECOMPUTE_TIMEOUT_MS = 10_000;

type Compose = Office.MessageCompose;
type Completion = Office.SmartAlertsEventCompletedOptions;
interface MailboxEvent {
  completed(options?: Completion): void;
}

const settle = <T>(office: typeof Office, get: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> =>
  new Promise((resolve, reject) => get((result) => (result.status === office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(result.error))));

async function recipientsOf(office: typeof Office, item: Compose): Promise<SendRecipient[]> {
  const lists = await Promise.all([item.to, item.cc, item.bcc].map((field) => settle<Office.EmailAddressDetails[]>(office, (cb) => field.getAsync(cb))));
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

const purposeOf = (office: typeof Office): Promise<ComposePurpose> => loadComposePurpose(office).then((p) => p ?? 'correspondence', () => 'correspondence');

async function storedOf(office: typeof Office, item: Compose): Promise<StoredVerdict | null> {
  try {
    const text = await settle<string>(office, (cb) => item.sessionData.getAsync(VERDICT_KEY, cb));
    const value = JSON.parse(text) as StoredVerdict;
    return typeof value?.key === 'string' && Array.isArray(value.blocked) ? value : null;
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

/**
 * Computes the verdict for the item's current recipients and purpose and keeps it in the item's session data, where the
 * send check finds it. Run when the recipients change and when the pane changes the purpose; a failure stores nothing,
 * so the send check asks the API itself.
 */
export async function precomputeSendCheck(office: typeof Office, check: CheckRecipients): Promise<void> {
  const item = office.context.mailbox.item as Compose;
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

export function sendCheckHandlers(office: typeof Office, check: CheckRecipients) {
  const language = () => sendCheckLanguage(office.context.displayLanguage);
  const canPrompt = () => office.context.requirements.isSetSupported('Mailbox', '1.14');

  async function onMessageSend(event: MailboxEvent): Promise<void> {
    try {
      const item = office.context.mailbox.item as Compose;
      const [recipients, purpose, stored] = await Promise.all([recipientsOf(office, item), purposeOf(office), storedOf(office, item)]);
      const decision = await decideSend({ purpose, recipients, stored, check, language: language() });
      if (decision.kind === 'send') event.completed({ allowEvent: true });
      else if (decision.kind === 'block') event.completed({ allowEvent: false, errorMessage: decision.message });
      // softBlock can be relaxed at run time to promptUser (Mailbox 1.14), never tightened; without it the mail goes.
      else if (canPrompt()) event.completed({ allowEvent: false, errorMessage: decision.message, sendModeOverride: office.MailboxEnums.SendModeOverride.PromptUser });
      else event.completed({ allowEvent: true });
    } catch {
      event.completed({ allowEvent: true });
    }
  }

  async function onRecipientsChanged(event: MailboxEvent): Promise<void> {
    await precomputeSendCheck(office, check);
    event.completed();
  }

  return { onMessageSend, onRecipientsChanged };
}

/** Called once when the event runtime loads the script: classic Outlook on Windows finds the handlers only this way. */
export function registerSendCheck(office: typeof Office, check: CheckRecipients): void {
  const handlers = sendCheckHandlers(office, check);
  office.actions.associate(SEND_HANDLER, handlers.onMessageSend);
  office.actions.associate(RECIPIENTS_HANDLER, handlers.onRecipientsChanged);
}

/** The event runtime's Office global; absent when the script is opened outside Outlook. */
export const eventRuntimeOffice = (): typeof Office | undefined => (globalThis as { Office?: typeof Office }).Office;
