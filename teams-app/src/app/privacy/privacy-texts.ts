// Texts of the "Privacy" (Datenschutz) tab, in English and German; only its own page adds them to the tabs' dictionary.
import { useTexts } from '@crm/common/web';

const en = {
  'privacy.heading': 'Privacy',
  'privacy.sections': 'Sections',
  'privacy.section.requests': 'Requests',
  'privacy.section.person': 'Person',
  'privacy.section.retention': 'Retention',
  'privacy.section.audit': 'Audit log',
  'privacy.openPerson': 'Open the person of this request ({type})',
  'privacy.read.view': 'viewed',
  'privacy.read.list': 'listed',
  'privacy.read.context': 'looked up in Outlook',
  'privacy.read.compose': 'send check',
  'privacy.read.timeline': 'timeline',
  'privacy.read.overview': 'account overview',
  'privacy.read.consents': 'consents',
  'privacy.read.export': 'export',
  'privacy.read.my_work': 'My CRM',
  'privacy.read.audit': 'audit search',
  'privacy.loading': 'Loading the requests…',
  'privacy.requests': 'Data subject requests',
  'privacy.none': 'No requests registered.',
  'privacy.summary': '{overdue} overdue, {soon} due within 7 days, {open} open',
  'privacy.more': 'The first {shown} requests, open ones first.',
  'privacy.overdue': 'Overdue',
  'privacy.dueThisWeek': 'Due this week',
  'privacy.received': 'received {date}',
  'privacy.due': 'due {date}',
  'privacy.extended': 'extended, originally due {date}',
  'privacy.answered': 'answered {date}',
  'privacy.contact': 'CRM contact',
  'privacy.type.access': 'Access (Art. 15)',
  'privacy.type.rectification': 'Rectification (Art. 16)',
  'privacy.type.erasure': 'Erasure (Art. 17)',
  'privacy.type.restriction': 'Restriction (Art. 18)',
  'privacy.type.portability': 'Portability (Art. 20)',
  'privacy.type.objection': 'Objection (Art. 21)',
  'privacy.status.received': 'Received',
  'privacy.status.in_progress': 'In progress',
  'privacy.status.completed': 'Completed',
  'privacy.status.rejected': 'Rejected',
};

export type PrivacyKey = keyof typeof en;

const de: Record<PrivacyKey, string> = {
  'privacy.heading': 'Datenschutz',
  'privacy.sections': 'Bereiche',
  'privacy.section.requests': 'Anfragen',
  'privacy.section.person': 'Person',
  'privacy.section.retention': 'Aufbewahrung',
  'privacy.section.audit': 'Protokoll',
  'privacy.openPerson': 'Die Person dieser Anfrage öffnen ({type})',
  'privacy.read.view': 'angesehen',
  'privacy.read.list': 'gelistet',
  'privacy.read.context': 'in Outlook nachgeschlagen',
  'privacy.read.compose': 'Sendeprüfung',
  'privacy.read.timeline': 'Verlauf',
  'privacy.read.overview': 'Firmenübersicht',
  'privacy.read.consents': 'Einwilligungen',
  'privacy.read.export': 'Export',
  'privacy.read.my_work': 'Mein CRM',
  'privacy.read.audit': 'Protokollsuche',
  'privacy.loading': 'Anfragen werden geladen…',
  'privacy.requests': 'Anfragen betroffener Personen',
  'privacy.none': 'Keine Anfragen erfasst.',
  'privacy.summary': '{overdue} überfällig, {soon} in den nächsten 7 Tagen fällig, {open} offen',
  'privacy.more': 'Die ersten {shown} Anfragen, offene zuerst.',
  'privacy.overdue': 'Überfällig',
  'privacy.dueThisWeek': 'Diese Woche fällig',
  'privacy.received': 'eingegangen am {date}',
  'privacy.due': 'fällig am {date}',
  'privacy.extended': 'verlängert, ursprünglich fällig am {date}',
  'privacy.answered': 'beantwortet am {date}',
  'privacy.contact': 'CRM-Kontakt',
  'privacy.type.access': 'Auskunft (Art. 15)',
  'privacy.type.rectification': 'Berichtigung (Art. 16)',
  'privacy.type.erasure': 'Löschung (Art. 17)',
  'privacy.type.restriction': 'Einschränkung (Art. 18)',
  'privacy.type.portability': 'Datenübertragbarkeit (Art. 20)',
  'privacy.type.objection': 'Widerspruch (Art. 21)',
  'privacy.status.received': 'Eingegangen',
  'privacy.status.in_progress': 'In Bearbeitung',
  'privacy.status.completed': 'Erledigt',
  'privacy.status.rejected': 'Abgelehnt',
};

export const privacyTexts = { en, de };

/** The privacy tab's translate function: shared keys and its own. */
export const usePrivacyT = () => useTexts<PrivacyKey>();

/** A read's kind in words; one the tab does not know yet (the API may add kinds) stays as the API names it. */
export function readActionText(t: ReturnType<typeof usePrivacyT>['t'], action: string): string {
  const key = `privacy.read.${action}` as PrivacyKey;
  const text = t(key);
  return text === key ? action : text;
}
