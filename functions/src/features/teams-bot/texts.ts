// What the bot says, in German and English: Teams tells the user's language in the activity's locale.
import type { SavedMessageType } from '@crm/common';

export type Language = 'de' | 'en';

export const languageOf = (locale: string | undefined): Language => (locale?.toLowerCase().startsWith('de') ? 'de' : 'en');

const types: Record<Language, Record<SavedMessageType, string>> = {
  en: { note: 'Note', call: 'Call summary', complaint: 'Complaint', service_request: 'Service request' },
  de: { note: 'Notiz', call: 'Gesprächsnotiz', complaint: 'Reklamation', service_request: 'Serviceanfrage' },
};

const en = {
  dialogTitle: 'Save to CRM',
  messageFrom: (author: string) => `Message from ${author}`,
  messageUnknownAuthor: 'Message',
  account: 'Account',
  accountPlaceholder: 'Search accounts',
  noSuggestion: 'No account found in this message: search for one.',
  type: 'Type',
  subject: 'Subject',
  contacts: 'Contacts to link',
  followUpDue: 'Follow-up on (optional)',
  followUpTitle: 'What to follow up (optional)',
  save: 'Save',
  types: types.en,
  saved: (account: string) => `Saved to ${account}.`,
  savedAgain: (account: string) => `This message was already saved to ${account}; you are now listed as having logged it too.`,
  followUpAdded: (due: string) => ` Follow-up on ${due} added.`,
  notKnown: 'The CRM does not know you yet: open the CRM once in Teams or Outlook, then try again.',
  noRole: 'Your CRM role may not change CRM data, so nothing can be saved; ask your CRM administrator.',
  restricted: 'A chosen contact cannot be linked: the processing of their data is restricted (GDPR Art. 18). Choose the others only.',
  contactGone: 'A chosen contact is no longer in the CRM. Choose the others only.',
  accountGone: 'The chosen account is no longer in the CRM. Choose another one.',
  followUpTitleDefault: (subject: string) => `Follow up: ${subject}`,
  owner: 'Owner',
  openPipeline: 'Open pipeline',
  openComplaints: 'Open complaints',
  nextFollowUp: 'Next follow-up',
  none: 'none',
  opportunity: (name: string) => `Opportunity: ${name}`,
  openAccount: 'Open account',
  openInBrowser: 'Open in the browser',
  numberLocale: 'en-GB',
};

const de: typeof en = {
  dialogTitle: 'Im CRM speichern',
  messageFrom: (author) => `Nachricht von ${author}`,
  messageUnknownAuthor: 'Nachricht',
  account: 'Firma',
  accountPlaceholder: 'Firma suchen',
  noSuggestion: 'In dieser Nachricht wurde keine Firma erkannt: bitte suchen.',
  type: 'Art',
  subject: 'Betreff',
  contacts: 'Zu verknüpfende Kontakte',
  followUpDue: 'Wiedervorlage am (optional)',
  followUpTitle: 'Was ist nachzufassen? (optional)',
  save: 'Speichern',
  types: types.de,
  saved: (account) => `Bei ${account} gespeichert.`,
  savedAgain: (account) => `Diese Nachricht war schon bei ${account} gespeichert; Sie sind jetzt ebenfalls als Protokollierende eingetragen.`,
  followUpAdded: (due) => ` Wiedervorlage am ${due} angelegt.`,
  notKnown: 'Das CRM kennt Sie noch nicht: Öffnen Sie das CRM einmal in Teams oder Outlook und versuchen Sie es dann erneut.',
  noRole: 'Ihre CRM-Rolle darf keine CRM-Daten ändern, daher kann nichts gespeichert werden; wenden Sie sich an Ihre CRM-Administration.',
  restricted: 'Ein gewählter Kontakt kann nicht verknüpft werden: Die Verarbeitung seiner Daten ist eingeschränkt (DSGVO Art. 18). Bitte nur die anderen wählen.',
  contactGone: 'Ein gewählter Kontakt ist nicht mehr im CRM. Bitte nur die anderen wählen.',
  accountGone: 'Die gewählte Firma ist nicht mehr im CRM. Bitte eine andere wählen.',
  followUpTitleDefault: (subject) => `Nachfassen: ${subject}`,
  owner: 'Verantwortlich',
  openPipeline: 'Offene Pipeline',
  openComplaints: 'Offene Reklamationen',
  nextFollowUp: 'Nächste Wiedervorlage',
  none: 'keine',
  opportunity: (name) => `Verkaufschance: ${name}`,
  openAccount: 'Firma öffnen',
  openInBrowser: 'Im Browser öffnen',
  numberLocale: 'de-DE',
};

export type Texts = typeof en;
export const textsFor = (language: Language): Texts => (language === 'de' ? de : en);
