// The consent check when the user selects Send (Outlook Smart Alerts, OnMessageSend and OnAppointmentSend): ask the API
// once within a deadline, naming the version of the verdict stored when the recipients changed so that an unchanged one
// costs a few bytes and a changed one (a consent withdrawn in between) is seen; never hold mail back because the CRM
// cannot answer. Knows nothing of Office.js: the host module reads the item and hands over plain values.
import type { ComposeCheckResponse, ComposePurpose, RecipientVerdict } from '@crm/common';
import type { ApiClient } from '@crm/common/web/client';
import { reasonText, sendCheckTexts, type SendCheckLanguage, type SendItemKind } from './send-check-texts';

/** Outlook shows at most this many characters of a Smart Alerts message (SmartAlertsEventCompletedOptions.errorMessage). */
export const MAX_SEND_MESSAGE = 500;

/**
 * Outlook gives a send handler about 5 seconds before it treats the add-in as unavailable (Microsoft Learn, "Handle
 * OnMessageSend and OnAppointmentSend events in your Outlook add-in with Smart Alerts"); reading the item and the
 * token come out of the same budget, so the API gets well under it.
 */
export const SEND_CHECK_TIMEOUT_MS = 3000;

export interface SendRecipient {
  email: string;
  name: string;
}

/** The verdict kept on the item (sessionData), valid only for the purpose and recipients it was computed for. */
export interface StoredVerdict {
  key: string;
  /** The API's version of this verdict: Send asks whether it is still current. */
  version: string;
  blocked: RecipientVerdict[];
}

export type SendDecision =
  | { kind: 'send' }
  /** Recipients who must not get this message: the user removes them or changes the purpose. */
  | { kind: 'block'; message: string }
  /** The check could not run: the user may send anyway (never block mail because the CRM is down). */
  | { kind: 'unchecked'; message: string };

/** Asks the API; with knownVersion the answer may be "unchanged", without the recipients. */
export type CheckRecipients = (
  purpose: ComposePurpose,
  emails: string[],
  signal: AbortSignal | undefined,
  knownVersion?: string,
) => Promise<ComposeCheckResponse>;

/** The question the send check asks the API. */
export const apiSendCheck =
  (api: ApiClient): CheckRecipients =>
  async (purpose, recipients, signal, knownVersion) =>
    (await api('composeCheck', { body: { purpose, recipients, ...(knownVersion ? { knownVersion } : {}) }, signal })).data;

const normalized = (recipients: readonly SendRecipient[]): string[] => [...new Set(recipients.map((r) => r.email.trim().toLowerCase()).filter(Boolean))];

/** Identifies purpose and recipients without storing the addresses again (sessionData holds 50,000 characters per add-in). */
export function verdictKey(purpose: ComposePurpose, recipients: readonly SendRecipient[]): string {
  let hash = 0x811c9dc5;
  const text = [...normalized(recipients)].sort().join('\n');
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${purpose}:${text.length}:${hash.toString(36)}`;
}

export const storedVerdictOf = (purpose: ComposePurpose, recipients: readonly SendRecipient[], response: ComposeCheckResponse): StoredVerdict => ({
  key: verdictKey(purpose, recipients),
  version: response.version,
  blocked: response.recipients.filter((r) => r.verdict === 'block'),
});

/**
 * Runs a request and gives up at the deadline, aborting it where the runtime has AbortController (the JavaScript-only
 * runtime of classic Outlook on Windows is not a browser); the caller treats a rejection as "could not run".
 */
export async function withinDeadline<T>(run: (signal: AbortSignal | undefined) => Promise<T>, timeoutMs: number): Promise<T> {
  const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller?.abort();
      reject(new Error('timed out'));
    }, timeoutMs);
  });
  try {
    return await Promise.race([run(controller?.signal), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Asks the API within the deadline. */
export const checkWithin = (
  check: CheckRecipients,
  purpose: ComposePurpose,
  emails: string[],
  timeoutMs: number,
  knownVersion?: string,
): Promise<ComposeCheckResponse> => withinDeadline((signal) => check(purpose, emails, signal, knownVersion), timeoutMs);

/** Names the blocked recipients and why, within Outlook's 500 characters; those that do not fit are counted. */
export function blockMessage(
  blocked: readonly RecipientVerdict[],
  recipients: readonly SendRecipient[],
  purpose: ComposePurpose,
  language: SendCheckLanguage,
  kind: SendItemKind = 'message',
): string {
  const texts = sendCheckTexts(language);
  const names = new Map(recipients.map((r) => [r.email.trim().toLowerCase(), r.name.trim()]));
  const items = blocked.map((v) => {
    const name = names.get(v.email);
    const who = name && name.toLowerCase() !== v.email ? `${name.length > 40 ? `${name.slice(0, 39)}…` : name} <${v.email}>` : v.email;
    return `${who}: ${reasonText(texts, v)}`;
  });
  const message = (shown: number) => {
    const omitted = items.length - shown;
    const list = shown > 0 ? ` ${items.slice(0, shown).join('; ')}.` : '';
    return `${texts.blockedHead(purpose, kind)}${list}${omitted > 0 ? ` ${texts.more(omitted)}` : ''} ${texts.blockedTail(kind)}`;
  };
  // As many as fit, in the order Outlook lists them; the count of the rest says the list goes on.
  for (let shown = items.length; shown > 0; shown--) if (message(shown).length <= MAX_SEND_MESSAGE) return message(shown);
  return message(0);
}

export interface SendCheckInput {
  purpose: ComposePurpose;
  recipients: readonly SendRecipient[];
  stored: StoredVerdict | null;
  check: CheckRecipients;
  language: SendCheckLanguage;
  /** An email by default; a meeting invitation's words name the attendees and the invitation. */
  kind?: SendItemKind;
  timeoutMs?: number;
}

export async function decideSend(input: SendCheckInput): Promise<SendDecision> {
  const emails = normalized(input.recipients);
  if (emails.length === 0) return { kind: 'send' };
  // A verdict for other recipients or another purpose says nothing about this send.
  const stored = input.stored?.key === verdictKey(input.purpose, input.recipients) ? input.stored : null;
  let blocked: RecipientVerdict[];
  try {
    const response = await checkWithin(input.check, input.purpose, emails, input.timeoutMs ?? SEND_CHECK_TIMEOUT_MS, stored?.version);
    blocked = response.unchanged && stored ? stored.blocked : response.recipients.filter((r) => r.verdict === 'block');
  } catch {
    // Not even a stored verdict stands in: it may be the one a consent changed since.
    return { kind: 'unchecked', message: sendCheckTexts(input.language).unchecked(input.kind ?? 'message') };
  }
  return blocked.length === 0
    ? { kind: 'send' }
    : { kind: 'block', message: blockMessage(blocked, input.recipients, input.purpose, input.language, input.kind) };
}
