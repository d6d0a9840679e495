// Word lists for what happens with customers: interaction texts (German and English), deals, follow-ups, consent sources.
import type { InteractionType } from '@crm/common';

export const PRODUCTS = [
  'Planetengetriebe PG-120',
  'Servomotor SM-40',
  'Ersatzteilpaket Spindel',
  'Hydraulikaggregat HA-7',
  'Förderband FB-300',
  'Steuerungsupgrade S7',
  'Drehgeber DG-9',
  'Schaltschrank SK-2',
  'Wartungsvertrag Premium',
  'Retrofit Linie 3',
] as const;

/** [subject, summary] templates; {product}, {week}, {year}, {number} and {contact} are filled in. */
type Texts = Record<'de' | 'en', ReadonlyArray<readonly [subject: string, summary: string]>>;

export const INTERACTION_TEXTS: Record<InteractionType, Texts> = {
  email: {
    de: [
      ['Anfrage {product}', '{contact} bittet um ein Angebot über {product} inkl. Lieferzeit.'],
      ['Re: Liefertermin KW {week}', 'Liefertermin KW {week} bestätigt, Teillieferung möglich.'],
      ['Rahmenvertrag {year}', 'Entwurf des Rahmenvertrags {year} verschickt, Rückmeldung bis Monatsende erbeten.'],
      ['Technische Rückfrage Zeichnung {number}', 'Rückfrage zu Toleranzen auf Zeichnung {number}; an Konstruktion weitergeleitet.'],
      ['Re: Preisanpassung {year}', 'Kunde akzeptiert die Preisanpassung {year} unter Vorbehalt der Mengenstaffel.'],
      ['Angebot {number}', 'Angebot {number} über {product} versendet.'],
      ['Einladung zur Werksbesichtigung', '{contact} lädt zur Besichtigung der neuen Fertigungslinie ein.'],
    ],
    en: [
      ['Quotation request {product}', '{contact} asks for a quotation for {product} including lead time.'],
      ['Re: Delivery date week {week}', 'Delivery in week {week} confirmed, partial shipment possible.'],
      ['Framework agreement {year}', 'Draft framework agreement {year} sent, feedback requested by month end.'],
      ['Invoice {number}', 'Question about invoice {number}; credit note for freight agreed.'],
      ['Technical question on drawing {number}', 'Tolerances on drawing {number} clarified with engineering.'],
    ],
  },
  meeting: {
    de: [
      ['Jahresgespräch {year}', 'Jahresgespräch mit {contact}: Bedarf für {product} im nächsten Jahr, Preisniveau stabil.'],
      ['Projekt-Kickoff {product}', 'Kickoff mit {contact}, Projektplan und Ansprechpartner abgestimmt.'],
      ['Technische Abstimmung', 'Schnittstellen und Einbausituation für {product} besprochen.'],
      ['Abnahme vor Ort', 'Abnahme erfolgreich, zwei kleine Restpunkte offen.'],
      ['Messe-Termin Hannover Messe', 'Gespräch am Stand mit {contact}, Interesse an {product}.'],
    ],
    en: [
      ['Quarterly business review', 'QBR with {contact}: volumes on plan, interest in {product}.'],
      ['Project kick-off {product}', 'Kick-off with {contact}, timeline and contacts agreed.'],
      ['Site visit', 'Visited the plant with {contact}; retrofit potential for line 2.'],
    ],
  },
  call: {
    de: [
      ['Rückruf wegen Angebot {number}', '{contact} hat Fragen zu Zahlungsbedingungen im Angebot {number}.'],
      ['Telefonat Liefertermin', 'Liefertermin für {product} auf KW {week} verschoben, Kunde einverstanden.'],
      ['Bedarfsermittlung', 'Bedarf für {product} ermittelt, Entscheidung im nächsten Quartal.'],
      ['Klärung Reklamation', 'Ursache der Reklamation mit {contact} besprochen.'],
    ],
    en: [
      ['Follow-up call', 'Followed up on quotation {number}; {contact} is comparing two suppliers.'],
      ['Call about delivery', 'Delivery of {product} moved to week {week}.'],
    ],
  },
  note: {
    de: [
      ['Notiz: Budget {year} freigegeben', 'Budget für {product} laut {contact} freigegeben.'],
      ['Notiz: Wettbewerber vor Ort', 'Wettbewerber hat {product} günstiger angeboten; Preis prüfen.'],
      ['Notiz: Ansprechpartner wechselt', '{contact} wechselt intern, Nachfolge noch offen.'],
    ],
    en: [
      ['Note: interest in service contract', '{contact} asked about a service contract for {product}.'],
      ['Note: new plant planned', 'Customer plans a new plant in {year}; keep in touch.'],
    ],
  },
  chat: {
    de: [
      ['Teams-Chat: kurze Abstimmung', 'Kurz abgestimmt: Zeichnung {number} kommt morgen.'],
      ['Teams-Chat: Lieferstatus', 'Sendung mit {product} ist unterwegs.'],
    ],
    en: [['Chat: quick question', '{contact} asked for the datasheet of {product}.']],
  },
  complaint: {
    de: [
      ['Reklamation: Lieferung beschädigt', 'Transportschaden an {product}, Fotos liegen vor.'],
      ['Reklamation: falsche Teile geliefert', 'Statt {product} wurde eine andere Variante geliefert.'],
      ['Reklamation: Maßabweichung', 'Maßabweichung an Charge {number} festgestellt.'],
    ],
    en: [['Complaint: late delivery', 'Delivery of {product} arrived two weeks late; line stood still.']],
  },
  service_request: {
    de: [
      ['Serviceeinsatz {product}', 'Störung an {product}, Techniker angefordert.'],
      ['Wartungsanfrage', 'Jährliche Wartung für {product} gewünscht.'],
      ['Ersatzteil dringend benötigt', 'Ersatzteil für {product} dringend benötigt, Express-Versand.'],
    ],
    en: [['Service request: calibration', 'Calibration of {product} requested before audit.']],
  },
  web_form: {
    de: [
      ['Kontaktformular: Produktanfrage', 'Anfrage über die Website zu {product}.'],
      ['Kontaktformular: Rückrufbitte', 'Bitte um Rückruf zu {product}.'],
    ],
    en: [['Web form: brochure download', 'Downloaded the {product} brochure.']],
  },
};

export const RESOLUTIONS = [
  'Ersatzteil geliefert',
  'Techniker vor Ort, Problem behoben',
  'Gutschrift erteilt',
  'Austausch auf Gewährleistung',
  'Resolved by replacement',
] as const;

export const DEAL_NAMES = ['Rahmenvertrag', 'Retrofit', 'Neuanlage', 'Ersatzteilpaket', 'Service contract', 'Automation upgrade', 'Sondermaschine'] as const;
export const WIN_REASONS = ['Beste Lieferzeit', 'Technische Lösung überzeugt', 'Bestehende Partnerschaft', 'Best total cost of ownership'] as const;
export const LOSS_REASONS = ['Preis zu hoch', 'Wettbewerber gewählt', 'Projekt verschoben', 'Budget gestrichen', 'Lost to competitor on lead time'] as const;

export const TASK_TITLES = {
  de: ['Angebot nachfassen', 'Rückruf: {contact}', 'Wiedervorlage Rahmenvertrag', 'Termin für Jahresgespräch abstimmen', 'Referenzbesuch organisieren'],
  en: ['Follow up on quotation', 'Call back {contact}', 'Prepare quarterly business review'],
} as const;

export const TASK_NOTES = [
  'Kunde wollte sich bis Monatsende melden.',
  'Budgetfreigabe abwarten, dann nachfassen.',
  'Promised to send the revised drawing first.',
] as const;

export const CONSENT_SOURCES = [
  'Kontaktformular Website',
  'Hannover Messe 2025',
  'Telefonat',
  'Visitenkarte Messe',
  'Newsletter-Anmeldung (Double-Opt-in)',
  'Kundenveranstaltung',
] as const;
export const WITHDRAWAL_SOURCES = ['Abmeldelink im Newsletter', 'E-Mail an Vertrieb', 'Telefonat'] as const;
