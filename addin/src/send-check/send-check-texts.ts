// The send check's words in German and English. They live apart from the pane's messages because classic Outlook on
// Windows runs the send handler as one JavaScript file, which should not carry the pane's whole dictionary.
import type { ComposePurpose, RecipientVerdict } from '@crm/common';

export type SendCheckLanguage = 'de' | 'en';

/** Office's display language ("de-DE", "de-AT", "en-US", ...): German for every German locale, English otherwise. */
export const sendCheckLanguage = (displayLanguage: string | undefined): SendCheckLanguage => (/^de\b/i.test(displayLanguage ?? '') ? 'de' : 'en');

interface Texts {
  purpose: Record<ComposePurpose, string>;
  blockedHead: (purpose: ComposePurpose) => string;
  blockedTail: string;
  more: (count: number) => string;
  reason: (verdict: RecipientVerdict) => string;
  unchecked: string;
}

const day = (language: SendCheckLanguage, iso: string | null): string =>
  iso ? new Intl.DateTimeFormat(language === 'de' ? 'de-DE' : 'en-GB', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso)) : '';

const en: Texts = {
  purpose: { correspondence: 'business correspondence', marketing: 'marketing', newsletter: 'newsletter', events: 'events', surveys: 'surveys' },
  blockedHead: (purpose) => `Not sent: consent check for ${en.purpose[purpose]}.`,
  blockedTail: 'Remove them, or choose another purpose in the CRM pane.',
  more: (count) => `And ${count} more.`,
  reason: (v) => {
    const since = day('en', v.since);
    const what = v.consentPurpose ? en.purpose[v.consentPurpose] : '';
    if (v.reason === 'restricted') return 'processing restricted';
    if (v.reason === 'objected') return `objected to ${what} on ${since}`;
    if (v.reason === 'withdrawn') return `withdrew ${what} consent on ${since}`;
    return v.known ? 'no consent' : 'not in the CRM, no consent';
  },
  unchecked: 'The CRM consent check could not run (no answer in time). Check that the recipients agreed to this email before you send it anyway.',
};

const de: Texts = {
  purpose: { correspondence: 'Geschäftskorrespondenz', marketing: 'Werbung', newsletter: 'Newsletter', events: 'Veranstaltungen', surveys: 'Umfragen' },
  blockedHead: (purpose) => `Nicht gesendet: Einwilligungsprüfung für ${de.purpose[purpose]}.`,
  blockedTail: 'Entfernen Sie diese Empfänger oder wählen Sie im CRM-Bereich einen anderen Zweck.',
  more: (count) => `Und ${count} weitere.`,
  reason: (v) => {
    const since = day('de', v.since);
    const what = v.consentPurpose ? de.purpose[v.consentPurpose] : '';
    if (v.reason === 'restricted') return 'Verarbeitung eingeschränkt';
    if (v.reason === 'objected') return `Widerspruch gegen ${what} am ${since}`;
    if (v.reason === 'withdrawn') return `Einwilligung in ${what} am ${since} widerrufen`;
    return v.known ? 'keine Einwilligung' : 'nicht im CRM, keine Einwilligung';
  },
  unchecked:
    'Die Einwilligungsprüfung des CRM konnte nicht laufen (keine Antwort rechtzeitig). Prüfen Sie selbst, ob die Empfänger zugestimmt haben, bevor Sie trotzdem senden.',
};

export const sendCheckTexts = (language: SendCheckLanguage): Texts => (language === 'de' ? de : en);
