// What the task pane needs from Outlook, as an interface: Office.js in Outlook, the preview mailbox in a browser.
import type { ComposePurpose } from '@crm/common';
import type { LogWhenSentChoice } from '../send-check/log-when-sent';
import type { ThemeKind } from '@crm/common/web';

export type ItemMode = 'read' | 'compose' | 'appointment-attendee' | 'appointment-organizer';

export interface Participant {
  email: string;
  name: string;
}

export interface MailItem {
  mode: ItemMode;
  /** Stable per item within the host; changes when another item is selected. */
  key: string;
  subject: string;
  from: Participant | null;
  /** To and Cc of a message; required and optional attendees of an appointment. */
  recipients: Participant[];
  internetMessageId: string | null;
  conversationId: string | null;
  /** When the message was received or sent, or the meeting starts. */
  when: Date;
  /** A meeting's iCalUId once the pane has asked the host for it (getMeetingUid); it is what a logged meeting is found by. */
  iCalUId?: string | null;
  /** An email's x-crm-log-key header, set by this add-in when its sender chose "Log when sent": every copy carries it. */
  logKey?: string | null;
}

export interface MailHost {
  kind: 'office' | 'preview';
  /** The signed-in mailbox owner, left out of every lookup. */
  userEmail: string;
  language: string;
  theme: ThemeKind;
  getItem(): Promise<MailItem | null>;
  /** The pinned pane stays open while the user selects other items. */
  onItemChanged(handler: () => void): () => void;
  /** Compose: recipients were added or removed. */
  onRecipientsChanged(handler: () => void): () => void;
  onThemeChanged(handler: (theme: ThemeKind) => void): () => void;
  /** The meeting's iCalUId, which Office.js does not expose directly. */
  getMeetingUid(item: MailItem): Promise<string | null>;
  /** Compose: the purpose chosen for this message, kept on the item for the send check (null when none was chosen). */
  getComposePurpose(): Promise<ComposePurpose | null>;
  setComposePurpose(purpose: ComposePurpose): Promise<void>;
  /** Compose: "Log when sent" as kept on the draft (null when off), for the send handler to log the email. */
  getLogWhenSent(): Promise<LogWhenSentChoice | null>;
  setLogWhenSent(choice: LogWhenSentChoice | null): Promise<void>;
  /** Where "Open in Teams" takes the user for an account: its view in the app's Teams tab (Outlook), the standalone tab (preview). */
  accountTabUrl(account: { id: string; name: string }): string;
}

/** Everyone on the item except the user, lower-cased and each once: the addresses the pane looks up. */
export function addressesOf(item: MailItem, userEmail: string): Participant[] {
  const me = userEmail.trim().toLowerCase();
  const seen = new Set<string>();
  const result: Participant[] = [];
  for (const person of [...(item.from ? [item.from] : []), ...item.recipients]) {
    const email = person.email.trim().toLowerCase();
    if (!email || email === me || seen.has(email)) continue;
    seen.add(email);
    result.push({ email, name: person.name });
  }
  return result;
}
