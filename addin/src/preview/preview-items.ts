// The preview mailbox: emails and meetings built from the demo tenant's featured people, plus one compose draft.
import { DEMO_FEATURED, DEMO_SELLER_DOMAIN, DEMO_USERS } from '@crm/common/demo';
import type { MailItem } from '../host/mail-host';

const HOUR = 3_600_000;
const me = { email: DEMO_USERS[0]!.email, name: DEMO_USERS[0]!.displayName };
const f = DEMO_FEATURED;
const hoffmannColleague = { email: 'stefan.krueger@hoffmann-antriebstechnik.de', name: 'Stefan Krüger' };

export interface PreviewItem extends MailItem {
  /** What the list in the preview says about the item, so testers know what to look for. */
  hint: { en: string; de: string };
  iCalUId?: string;
  body: string;
}

export function previewItems(now = new Date()): PreviewItem[] {
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR);
  const read = (
    key: string,
    hoursAgo: number,
    item: Omit<PreviewItem, 'mode' | 'key' | 'when' | 'internetMessageId' | 'conversationId'> & { conversation: string },
  ): PreviewItem => {
    const { conversation, ...rest } = item;
    return {
      ...rest,
      mode: 'read',
      key,
      when: at(hoursAgo),
      internetMessageId: `<preview-${key}@${rest.from?.email.split('@')[1] ?? 'preview'}>`,
      conversationId: `preview-conversation-${conversation}`,
    };
  };
  return [
    read('known-sender', 1, {
      subject: 'Lieferung Getriebe KW 49 – Terminbestätigung',
      from: { email: f.knownContact.email, name: f.knownContact.name },
      recipients: [me, hoffmannColleague],
      conversation: 'hoffmann',
      body: 'Guten Tag Frau Becker, anbei die Bestätigung für die Lieferung der Getriebe in KW 49.',
      hint: { en: 'Known contact, account with open complaint', de: 'Bekannter Kontakt, Firma mit offener Reklamation' },
    }),
    read('known-reply', 0.5, {
      subject: 'Re: Lieferung Getriebe KW 49 – Terminbestätigung',
      from: { email: f.knownContact.email, name: f.knownContact.name },
      recipients: [me],
      conversation: 'hoffmann',
      body: 'Noch eine kurze Rückfrage zur Anlieferung an Tor 3.',
      hint: { en: 'Reply in the same conversation', de: 'Antwort in derselben Unterhaltung' },
    }),
    read('unknown-known-domain', 3, {
      subject: 'Anfrage Angebot Ersatzteile',
      from: { email: f.unknownSenderAtKnownDomain, name: 'Lena Vogt' },
      recipients: [me],
      conversation: 'vogt',
      body: 'Wir benötigen ein Angebot für 20 Dichtungssätze.',
      hint: { en: 'Unknown sender at a customer domain', de: 'Unbekannter Absender bei bekannter Firma' },
    }),
    read('unknown', 5, {
      subject: 'Kooperationsanfrage',
      from: { email: f.unknownSenderAtUnknownDomain, name: 'Neukunde Beispiel GmbH' },
      recipients: [me],
      conversation: 'neukunde',
      body: 'Wir möchten Sie gern kennenlernen.',
      hint: { en: 'Unknown sender, unknown company', de: 'Unbekannter Absender, unbekannte Firma' },
    }),
    read('withdrawn', 8, {
      subject: 'Frage zu Ihrer Rechnung',
      from: { email: f.withdrawnEmailContact.email, name: f.withdrawnEmailContact.name },
      recipients: [me],
      conversation: 'berger',
      body: 'Die Rechnung 2026-1187 enthält eine Position doppelt.',
      hint: { en: 'Contact who withdrew email consent', de: 'Kontakt hat E-Mail-Einwilligung widerrufen' },
    }),
    read('html-subject', 20, {
      subject: '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> Angebot <b>fett</b>',
      from: { email: 'attacker@evil.example', name: '<script>window.__xss=3</script>Mallory' },
      recipients: [me],
      conversation: 'xss',
      body: '<script>window.__xss=4</script>',
      hint: { en: 'HTML and script in subject and name', de: 'HTML und Skript in Betreff und Name' },
    }),
    {
      mode: 'appointment-attendee',
      key: 'meeting',
      subject: 'Projektreview Antriebe Linie 3',
      from: { email: f.knownContact.email, name: f.knownContact.name },
      recipients: [me, hoffmannColleague],
      internetMessageId: null,
      conversationId: null,
      when: new Date(now.getTime() + 26 * HOUR),
      iCalUId: '040000008200E00074C5B7101A82E00800000000PREVIEW0001',
      body: 'Agenda: Status Linie 3, Ersatzteile, nächste Schritte.',
      hint: { en: 'Meeting with two customer contacts', de: 'Besprechung mit zwei Kundenkontakten' },
    },
    {
      mode: 'compose',
      key: 'compose',
      subject: 'Einladung: Hausmesse 2027',
      from: null,
      recipients: [
        { email: f.withdrawnEmailContact.email, name: f.withdrawnEmailContact.name },
        { email: f.objectedContact.email, name: f.objectedContact.name },
        { email: f.knownContact.email, name: f.knownContact.name },
      ],
      internetMessageId: null,
      conversationId: null,
      when: now,
      body: '',
      hint: { en: 'Draft to recipients with consent issues', de: 'Entwurf an Empfänger mit Einwilligungsproblemen' },
    },
  ];
}

export const PREVIEW_SELLER_DOMAIN = DEMO_SELLER_DOMAIN;
