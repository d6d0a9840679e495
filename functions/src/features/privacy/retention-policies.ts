// The retention policies: German defaults, what each removes and keeps and why, and the date a period counts back to.
// Pure; the README and docs/PRIVACY.md list the same defaults.
import { RetentionDataClass, type RetentionPolicy, type RetentionPolicySetting } from '@crm/common';

interface Description {
  removes: string;
  keeps: string;
  basis: string;
}

export const DEFAULT_POLICIES: readonly RetentionPolicySetting[] = [
  { dataClass: 'inactive_contacts', enabled: true, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'email_meeting_interactions', enabled: true, periodMonths: 72, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'note_chat_web_form_interactions', enabled: true, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'read_audit', enabled: true, periodMonths: 12, action: 'delete', fromEndOfYear: false },
  { dataClass: 'consent_proofs', enabled: true, periodMonths: 36, action: 'delete', fromEndOfYear: true },
];

type Language = 'de' | 'en';
type Words = Record<Language, string>;

const INTERACTION_ANONYMISED: Words = {
  en: 'subject, summary, resolution, the email message id, iCalUId, Teams message and conversation ids, the links to contacts, who logged it and the Outlook sync link',
  de: 'Betreff, Zusammenfassung, Lösung, die Nachrichten-ID der E-Mail, die iCalUId, die Teams-Nachrichten- und Unterhaltungs-IDs, die Verknüpfungen mit Kontakten, wer sie erfasst hat, und die Verknüpfung der Outlook-Synchronisierung',
};
const INTERACTION_KEPT: Words = {
  en: 'type, date, direction, source, status and the links to accounts and opportunities, so account figures and statistics still count it',
  de: 'Art, Datum, Richtung, Quelle, Status und die Verknüpfungen mit Firmen und Verkaufschancen, damit Firmenkennzahlen und Statistiken sie weiter zählen',
};
const DELETED_WHOLE: Words = { en: 'the whole interaction with its links', de: 'die ganze Interaktion mit ihren Verknüpfungen' };
const DELETED_WITH_SYNC: Words = {
  en: 'the whole interaction with its links and its Outlook sync link',
  de: 'die ganze Interaktion mit ihren Verknüpfungen und der Verknüpfung der Outlook-Synchronisierung',
};
const NOTHING_KEPT: Words = { en: 'nothing but the counts of this run', de: 'nichts außer den Zahlen dieses Laufs' };

/** What each policy removes and keeps, and its legal reason, in both languages of the UI (the API answers the one asked for). */
const descriptions: Record<RetentionDataClass, (action: RetentionPolicySetting['action']) => Record<keyof Description, Words>> = {
  inactive_contacts: () => ({
    removes: {
      en: 'name, every email address, phones, job title, communication preferences, custom fields, closed follow-ups about the person, sync conflicts and the Outlook contact links',
      de: 'Name, alle E-Mail-Adressen, Telefonnummern, Position, Kommunikationspräferenzen, eigene Felder, erledigte Wiedervorlagen zur Person, Synchronisierungskonflikte und die Verknüpfungen mit Outlook-Kontakten',
    },
    keeps: {
      en: 'an anonymous contact row with its account, buying role, owner and its links to interactions and opportunities, so the account figures stay right',
      de: 'einen anonymen Kontakteintrag mit Firma, Rolle im Buying Center, Verantwortlichem und den Verknüpfungen mit Interaktionen und Verkaufschancen, damit die Firmenkennzahlen stimmen',
    },
    basis: {
      en: 'No interaction, open opportunity, won opportunity (contract), open follow-up, consent entry or change for the period: the business relationship with the person has ended (Art. 5(1)(e), 17(1)(a) DSGVO). 3 years is the regular limitation period (s.195, s.199 BGB) for claims from it. Restricted contacts are never touched.',
      de: 'Keine Interaktion, offene oder gewonnene Verkaufschance (Vertrag), offene Wiedervorlage, kein Einwilligungseintrag und keine Änderung während der Frist: Die Geschäftsbeziehung mit der Person ist beendet (Art. 5 Abs. 1 lit. e, Art. 17 Abs. 1 lit. a DSGVO). 3 Jahre sind die regelmäßige Verjährungsfrist (§§ 195, 199 BGB) für Ansprüche daraus. Eingeschränkte Kontakte werden nie berührt.',
    },
  }),
  email_meeting_interactions: (action) => ({
    removes: action === 'delete' ? DELETED_WITH_SYNC : INTERACTION_ANONYMISED,
    keeps: action === 'delete' ? NOTHING_KEPT : INTERACTION_KEPT,
    basis: {
      en: 'Emails and meetings with customers are commercial letters: kept 6 years from the end of the calendar year they were sent or received (s.257(1) no.2, 3, (4), (5) HGB; s.147(1) no.2, 3, (3), (4) AO). Interactions of a restricted contact are never touched.',
      de: 'E-Mails und Termine mit Kunden sind Handelsbriefe: 6 Jahre aufzubewahren ab dem Ende des Kalenderjahres, in dem sie versandt oder empfangen wurden (§ 257 Abs. 1 Nr. 2, 3, Abs. 4, 5 HGB; § 147 Abs. 1 Nr. 2, 3, Abs. 3, 4 AO). Interaktionen eingeschränkter Kontakte werden nie berührt.',
    },
  }),
  note_chat_web_form_interactions: (action) => ({
    removes: action === 'delete' ? DELETED_WHOLE : INTERACTION_ANONYMISED,
    keeps: action === 'delete' ? NOTHING_KEPT : INTERACTION_KEPT,
    basis: {
      en: 'Notes, chats and web form entries are no commercial letters; they are kept for the regular limitation period of 3 years from the end of the year (s.195, s.199 BGB). Interactions of a restricted contact are never touched.',
      de: 'Notizen, Chats und Webformular-Einträge sind keine Handelsbriefe; sie werden für die regelmäßige Verjährungsfrist von 3 Jahren ab Jahresende aufbewahrt (§§ 195, 199 BGB). Interaktionen eingeschränkter Kontakte werden nie berührt.',
    },
  }),
  read_audit: () => ({
    removes: {
      en: 'entries of the audit of reads (who read which person) older than the period',
      de: 'Einträge des Leseprotokolls (wer welche Person gelesen hat), die älter als die Frist sind',
    },
    keeps: {
      en: 'the audit log of changes, erasures and restrictions, which has no personal data of the person',
      de: 'das Änderungsprotokoll mit Änderungen, Löschungen und Einschränkungen, das keine personenbezogenen Daten der Person enthält',
    },
    basis: {
      en: 'The read audit serves accountability (Art. 5(2) DSGVO) and must not become a monitoring tool of employees (s.87(1) no.6 BetrVG); 12 months cover the audit cycle.',
      de: 'Das Leseprotokoll dient der Rechenschaftspflicht (Art. 5 Abs. 2 DSGVO) und darf kein Werkzeug zur Überwachung der Beschäftigten werden (§ 87 Abs. 1 Nr. 6 BetrVG); 12 Monate decken den Prüfzyklus ab.',
    },
  }),
  consent_proofs: () => ({
    removes: {
      en: 'the consent ledger of contacts anonymised longer ago than the period, and the minimised withdrawal and objection proofs that an erasure kept, once the period after the erasure has passed',
      de: 'die Einwilligungshistorie von Kontakten, die vor mehr als der Frist anonymisiert wurden, und die minimierten Nachweise von Widerrufen und Widersprüchen, die eine Löschung behalten hat, sobald die Frist nach der Löschung verstrichen ist',
    },
    keeps: {
      en: 'the consent ledger of every contact still processed, and the blocklist of erased addresses (it keeps erased people from coming back and has no period)',
      de: 'die Einwilligungshistorie jedes noch verarbeiteten Kontakts und die Sperrliste gelöschter Adressen (sie verhindert, dass gelöschte Personen wiederkommen, und hat keine Frist)',
    },
    basis: {
      en: 'Proof of consent and of its withdrawal is needed as long as the processing lasts (Art. 7(1) DSGVO) and then until claims about it are time-barred: the regular limitation period of 3 years from the end of the year (s.195, s.199 BGB).',
      de: 'Der Nachweis einer Einwilligung und ihres Widerrufs ist nötig, solange die Verarbeitung dauert (Art. 7 Abs. 1 DSGVO), und danach, bis Ansprüche daraus verjährt sind: die regelmäßige Verjährungsfrist von 3 Jahren ab Jahresende (§§ 195, 199 BGB).',
    },
  }),
};

/** The policies with their descriptions in `language`; `readAuditAvailable` is false while the read audit is not stored. */
export function describePolicies(settings: readonly RetentionPolicySetting[], readAuditAvailable: boolean, language: Language = 'en'): RetentionPolicy[] {
  return settings.map((setting) => {
    const words = descriptions[setting.dataClass](setting.action);
    return {
      ...setting,
      removes: words.removes[language],
      keeps: words.keeps[language],
      basis: words.basis[language],
      available: setting.dataClass !== 'read_audit' || readAuditAvailable,
    };
  });
}

/** The stored policies with the default of every class the stored document lacks, in the order of the data classes. */
export function completePolicies(stored: readonly RetentionPolicySetting[] | null): RetentionPolicySetting[] {
  return RetentionDataClass.options.map(
    (dataClass) => stored?.find((p) => p.dataClass === dataClass) ?? DEFAULT_POLICIES.find((p) => p.dataClass === dataClass)!,
  );
}

/**
 * Records whose reference date lies before the cutoff are due. Counted from the date itself, the cutoff is asOf minus the
 * period; counted from the end of its calendar year (HGB, AO, BGB), a record of 2019 with 6 years is due from 1 Jan 2026,
 * so the cutoff is 1 January of the year asOf minus the period falls in (UTC).
 */
export function retentionCutoff(asOf: Date, policy: Pick<RetentionPolicySetting, 'periodMonths' | 'fromEndOfYear'>): Date {
  const back = new Date(asOf);
  const day = back.getUTCDate();
  back.setUTCDate(1);
  back.setUTCMonth(back.getUTCMonth() - policy.periodMonths);
  // 31 March minus one month is the last of February, not 3 March.
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(day, lastDay));
  return policy.fromEndOfYear ? new Date(Date.UTC(back.getUTCFullYear(), 0, 1)) : back;
}
