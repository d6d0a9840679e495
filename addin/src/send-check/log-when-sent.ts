// "Log when sent": what the compose pane keeps on the draft, and the record the send handler logs once Outlook may send
// the email. Knows nothing of Office.js, like the send check beside it.
import type { InteractionCreate } from '@crm/common';
import type { ApiClient } from '@crm/common/web/client';
import type { SendRecipient } from './send-check';

/** What the user chose in the pane, kept on the draft (a custom property) for the send handler. */
export interface LogWhenSentChoice {
  /** The value of the draft's x-crm-log-key header: every copy of the sent email carries it. */
  key: string;
  accountId: string;
  opportunityId: string | null;
  /** The recipients the pane knew as contacts, by address: the handler links those still on the email. */
  contacts: Record<string, string>;
}

export type LogInteraction = (body: InteractionCreate, signal: AbortSignal | undefined) => Promise<void>;

export const apiLogInteraction =
  (api: ApiClient): LogInteraction =>
  async (body, signal) => {
    await api('logInteraction', { body, signal });
  };

/**
 * The send check may use 3 of the about 5 seconds Outlook gives the handler; logging gets what is left, and the email
 * goes out whether or not the record was written.
 */
export const LOG_WHEN_SENT_TIMEOUT_MS = 1500;

export interface SentEmail {
  subject: string;
  recipients: readonly SendRecipient[];
  conversationId: string | null;
  sentAt: Date;
}

/** The interaction the send handler logs: outbound, keyed by the header, linked to the chosen records. */
export function sentEmailLog(choice: LogWhenSentChoice, email: SentEmail): InteractionCreate {
  const addresses = new Set(email.recipients.map((r) => r.email.trim().toLowerCase()));
  const contactIds = [...new Set(Object.entries(choice.contacts).flatMap(([address, id]) => (addresses.has(address) ? [id] : [])))];
  return {
    type: 'email',
    direction: 'outbound',
    occurredAt: email.sentAt.toISOString(),
    subject: email.subject.slice(0, 1000),
    source: 'addin',
    logKey: choice.key,
    ...(email.conversationId ? { conversationId: email.conversationId } : {}),
    accountIds: [choice.accountId],
    contactIds,
    opportunityIds: choice.opportunityId ? [choice.opportunityId] : [],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The x-crm-log-key of a received or sent email, from all its internet headers (getAllInternetHeadersAsync, Mailbox
 * 1.8). Only a UUID counts: a header someone else wrote must not make the pane's lookup fail.
 */
export function logKeyOfHeaders(headers: string, name: string): string | null {
  const prefix = `${name.toLowerCase()}:`;
  for (const line of headers.split(/\r?\n/)) {
    if (!line.toLowerCase().startsWith(prefix)) continue;
    const value = line.slice(prefix.length).trim();
    return UUID.test(value) ? value.toLowerCase() : null;
  }
  return null;
}

/** A choice read back from the draft; anything else (an older or damaged value) is no choice, so nothing is logged. */
export function parseLogWhenSent(value: unknown): LogWhenSentChoice | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as Partial<LogWhenSentChoice>;
    if (typeof parsed.key !== 'string' || typeof parsed.accountId !== 'string') return null;
    const contacts = parsed.contacts && typeof parsed.contacts === 'object' ? parsed.contacts : {};
    return { key: parsed.key, accountId: parsed.accountId, opportunityId: typeof parsed.opportunityId === 'string' ? parsed.opportunityId : null, contacts };
  } catch {
    return null;
  }
}
