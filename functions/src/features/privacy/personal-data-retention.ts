// How long the person's data are kept, in German or English, from the tenant's own retention policies: the access export
// (Art. 15(1)(d) DSGVO) names the periods that actually apply, not a generic text.
import type { RetentionDataClass, RetentionPolicySetting } from '@crm/common';
import type { PdfLanguage } from './personal-data-pdf-text';

type Words = Record<PdfLanguage, string>;

/** What each class covers and the date its period counts from; German needs it after "nach" (dative) and after "Ende des Kalenderjahres" (genitive). */
const classes: Record<RetentionDataClass, { what: Words; from: { de: [string, string]; en: string } }> = {
  inactive_contacts: {
    what: {
      de: 'Ihre Kontaktdaten (wenn es keine Interaktion, offene Verkaufschance, keinen Vertrag, keine Wiedervorlage und keine Einwilligungsänderung mehr gibt)',
      en: 'Your contact data (once there is no interaction, open opportunity, contract, follow-up or consent change)',
    },
    from: { de: ['der letzten Aktivität', 'der letzten Aktivität'], en: 'the last activity' },
  },
  email_meeting_interactions: {
    what: { de: 'E-Mails und Termine (Handelsbriefe, § 257 HGB, § 147 AO)', en: 'Emails and meetings (commercial letters, s.257 HGB, s.147 AO)' },
    from: { de: ['dem Versand bzw. Empfang', 'des Versands bzw. Empfangs'], en: 'sending or receipt' },
  },
  note_chat_web_form_interactions: {
    what: { de: 'Notizen, Chats und Webformulare', en: 'Notes, chats and web form entries' },
    from: { de: ['ihrem Datum', 'ihres Datums'], en: 'their date' },
  },
  read_audit: {
    what: { de: 'Das Protokoll, wer Ihre Daten gelesen hat', en: 'The record of who read your data' },
    from: { de: ['dem Lesen', 'des Lesens'], en: 'the read' },
  },
  consent_proofs: {
    what: { de: 'Nachweise von Einwilligungen, Widerrufen und Widersprüchen', en: 'Proof of consents, withdrawals and objections' },
    from: { de: ['dem Ende der Verarbeitung', 'des Endes der Verarbeitung'], en: 'the end of processing' },
  },
};

const actions: Record<RetentionPolicySetting['action'], Words> = {
  anonymise: { de: 'anonymisiert', en: 'anonymised' },
  delete: { de: 'gelöscht', en: 'deleted' },
};

function period(months: number, lang: PdfLanguage): string {
  if (months % 12 === 0) {
    const years = months / 12;
    return lang === 'de' ? `${years} ${years === 1 ? 'Jahr' : 'Jahre'}` : `${years} ${years === 1 ? 'year' : 'years'}`;
  }
  return lang === 'de' ? `${months} ${months === 1 ? 'Monat' : 'Monate'}` : `${months} ${months === 1 ? 'month' : 'months'}`;
}

function policySentence(policy: RetentionPolicySetting, lang: PdfLanguage): string {
  const { what, from } = classes[policy.dataClass];
  if (!policy.enabled) {
    return lang === 'de'
      ? `${what.de}: keine Frist eingestellt; gespeichert bis zur Löschung.`
      : `${what.en}: no period is set; kept until erased or deleted.`;
  }
  const span = period(policy.periodMonths, lang);
  const action = actions[policy.action][lang];
  if (lang === 'de') return `${what.de}: ${span} nach ${policy.fromEndOfYear ? `Ende des Kalenderjahres ${from.de[1]}` : from.de[0]} ${action}.`;
  return `${what.en}: ${action} ${span} after ${policy.fromEndOfYear ? 'the end of the calendar year of ' : ''}${from.en}.`;
}

/** The retention statement: whose policies, one sentence per data class, and what no period touches. */
export function retentionStatement(policies: { policies: readonly RetentionPolicySetting[]; saved: boolean; dailyRun: boolean }, lang: PdfLanguage): string {
  const intro =
    lang === 'de'
      ? policies.saved
        ? `Unsere Löschfristen${policies.dailyRun ? ' (jede Nacht angewandt)' : ''}:`
        : 'Unsere Löschfristen (die deutschen Standardfristen, angewandt wenn der Datenschutz sie ausführt):'
      : policies.saved
        ? `Our retention policies${policies.dailyRun ? ' (applied every night)' : ''}:`
        : 'Our retention policies (the German defaults, applied when the data protection officer runs them):';
  const closing =
    lang === 'de'
      ? 'Solange die Verarbeitung eingeschränkt ist (Art. 18 DSGVO), wird nichts anonymisiert oder gelöscht. Widerrufe und Widersprüche überdauern eine Löschung nur als Kanal, Zweck und Datum, ohne die Person.'
      : 'While processing is restricted (Art. 18 GDPR), nothing is anonymised or deleted. Withdrawals and objections outlive an erasure only as channel, purpose and date, without the person.';
  return [intro, ...policies.policies.map((p) => policySentence(p, lang)), closing].join(' ');
}
