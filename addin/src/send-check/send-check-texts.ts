// The send check's words in German and English. They live apart from the pane's messages because classic Outlook on
// Windows runs the send handler as one JavaScript file, which should not carry the pane's whole dictionary.
import type { ComposePurpose, RecipientVerdict } from '@crm/common';

export type SendCheckLanguage = 'de' | 'en';
/** An email (OnMessageSend) or a meeting invitation (OnAppointmentSend): the words name what is not sent and who is on it. */
export type SendItemKind = 'message' | 'meeting';

/** Office's display language ("de-DE", "de-AT", "en-US", ...): German for every German locale, English otherwise. */
export const sendCheckLanguage = (displayLanguage: string | undefined): SendCheckLanguage => (/^de\b/i.test(displayLanguage ?? '') ? 'de' : 'en');

interface Texts {
  locale: string;
  purpose: Record<ComposePurpose, string>;
  blockedHead: (purpose: ComposePurpose, kind: SendItemKind) => string;
  blockedTail: (kind: SendItemKind) => string;
  more: (count: number) => string;
  restricted: string;
  objected: (what: string, since: string) => string;
  withdrawn: (what: string, since: string) => string;
  noConsent: string;
  unknown: string;
  unchecked: (kind: SendItemKind) => string;
}

const en: Texts = {
  locale: 'en-GB',
  purpose: { correspondence: 'business correspondence', marketing: 'marketing', newsletter: 'newsletter', events: 'events', surveys: 'surveys' },
  blockedHead: (purpose, kind) => `${kind === 'meeting' ? 'Invitation not sent' : 'Not sent'}: consent check for ${en.purpose[purpose]}.`,
  blockedTail: (kind) =>
    kind === 'meeting'
      ? 'Remove them from the attendees, or choose another kind of email in the CRM pane.'
      : 'Remove them, or choose another kind of email in the CRM pane.',
  more: (count) => `And ${count} more.`,
  restricted: 'processing restricted',
  objected: (what, since) => `objected to ${what} on ${since}`,
  withdrawn: (what, since) => `withdrew ${what} consent on ${since}`,
  noConsent: 'no consent',
  unknown: 'not in the CRM, no consent',
  unchecked: (kind) =>
    kind === 'meeting'
      ? 'The CRM consent check could not run (no answer in time). Check that the attendees agreed to this invitation before you send it anyway.'
      : 'The CRM consent check could not run (no answer in time). Check that the recipients agreed to this email before you send it anyway.',
};

const de: Texts = {
  locale: 'de-DE',
  purpose: { correspondence: 'Geschäftskorrespondenz', marketing: 'Werbung', newsletter: 'Newsletter', events: 'Veranstaltungen', surveys: 'Umfragen' },
  blockedHead: (purpose, kind) => `${kind === 'meeting' ? 'Einladung nicht gesendet' : 'Nicht gesendet'}: Einwilligungsprüfung für ${de.purpose[purpose]}.`,
  blockedTail: (kind) =>
    kind === 'meeting'
      ? 'Entfernen Sie diese Teilnehmer oder wählen Sie im CRM-Bereich eine andere Art der E-Mail.'
      : 'Entfernen Sie diese Empfänger oder wählen Sie im CRM-Bereich eine andere Art der E-Mail.',
  more: (count) => `Und ${count} weitere.`,
  restricted: 'Verarbeitung eingeschränkt',
  objected: (what, since) => `Widerspruch gegen ${what} am ${since}`,
  withdrawn: (what, since) => `Einwilligung in ${what} am ${since} widerrufen`,
  noConsent: 'keine Einwilligung',
  unknown: 'nicht im CRM, keine Einwilligung',
  unchecked: (kind) =>
    kind === 'meeting'
      ? 'Die Einwilligungsprüfung des CRM konnte nicht laufen (keine Antwort rechtzeitig). Prüfen Sie selbst, ob die Teilnehmer zugestimmt haben, bevor Sie die Einladung trotzdem senden.'
      : 'Die Einwilligungsprüfung des CRM konnte nicht laufen (keine Antwort rechtzeitig). Prüfen Sie selbst, ob die Empfänger zugestimmt haben, bevor Sie trotzdem senden.',
};

export const sendCheckTexts = (language: SendCheckLanguage): Texts => (language === 'de' ? de : en);

/** Why one recipient is blocked, with the ledger entry's purpose and day. */
export function reasonText(texts: Texts, verdict: RecipientVerdict): string {
  const since = verdict.since
    ? new Intl.DateTimeFormat(texts.locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(verdict.since))
    : '';
  const what = verdict.consentPurpose ? texts.purpose[verdict.consentPurpose] : '';
  if (verdict.reason === 'restricted') return texts.restricted;
  if (verdict.reason === 'objected') return texts.objected(what, since);
  if (verdict.reason === 'withdrawn') return texts.withdrawn(what, since);
  return verdict.known ? texts.noConsent : texts.unknown;
}
