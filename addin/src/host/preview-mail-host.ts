// The preview mailbox as a MailHost: selecting an item or editing recipients fires the same events Outlook does.
import type { ComposePurpose } from '@crm/common';
import type { LogWhenSentChoice } from '../send-check/log-when-sent';
import type { ThemeKind } from '@crm/common/web';
import type { MailHost, MailItem, Participant } from './mail-host';
import type { PreviewItem } from '../preview/preview-items';

export interface PreviewMailHost extends MailHost {
  select(key: string): void;
  setRecipients(recipients: Participant[]): void;
  setTheme(theme: ThemeKind): void;
  current(): PreviewItem | null;
  /** A sent email's copy arrives in the mailbox. */
  deliver(item: PreviewItem): void;
}

export function previewMailHost(options: { items: PreviewItem[]; userEmail: string; language: string; theme?: ThemeKind }): PreviewMailHost {
  const items = new Map(options.items.map((item) => [item.key, { ...item }]));
  let selected: PreviewItem | null = options.items[0] ?? null;
  const itemHandlers = new Set<() => void>();
  const recipientHandlers = new Set<() => void>();
  const themeHandlers = new Set<(theme: ThemeKind) => void>();
  // Outlook keeps the purpose as a custom property of the draft; the preview keeps it per item while the page lives.
  const purposes = new Map<string, ComposePurpose>();
  const logChoices = new Map<string, LogWhenSentChoice>();
  const add = <T>(set: Set<T>, handler: T) => {
    set.add(handler);
    return () => void set.delete(handler);
  };
  const host: PreviewMailHost = {
    kind: 'preview',
    userEmail: options.userEmail,
    language: options.language,
    theme: options.theme ?? 'light',
    getItem: async () => (selected ? { ...selected, recipients: [...selected.recipients] } : null) as MailItem | null,
    onItemChanged: (handler) => add(itemHandlers, handler),
    onRecipientsChanged: (handler) => add(recipientHandlers, handler),
    onThemeChanged: (handler) => add(themeHandlers, handler),
    getMeetingUid: async (item) => items.get(item.key)?.iCalUId ?? null,
    getComposePurpose: async () => (selected ? (purposes.get(selected.key) ?? null) : null),
    setComposePurpose: async (purpose) => {
      if (selected) purposes.set(selected.key, purpose);
    },
    getLogWhenSent: async () => (selected ? (logChoices.get(selected.key) ?? null) : null),
    setLogWhenSent: async (choice) => {
      if (!selected) return;
      if (choice) logChoices.set(selected.key, choice);
      else logChoices.delete(selected.key);
    },
    // No Teams beside the preview: the standalone account tab the local host serves.
    accountTabUrl: (account) => `${location.origin}/teams/account.html?accountId=${encodeURIComponent(account.id)}`,
    select(key) {
      selected = items.get(key) ?? null;
      itemHandlers.forEach((handler) => handler());
    },
    setRecipients(recipients) {
      if (!selected) return;
      selected.recipients = recipients;
      recipientHandlers.forEach((handler) => handler());
    },
    setTheme(theme) {
      host.theme = theme;
      themeHandlers.forEach((handler) => handler(theme));
    },
    current: () => selected,
    deliver(item) {
      items.set(item.key, { ...item });
    },
  };
  return host;
}
