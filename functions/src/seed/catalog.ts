// Word lists for plausible German and international B2B data (fictional companies and people).

export const COMPANY_STEMS = [
  'Hoffmann', 'Nordlicht', 'Alpine', 'Weser', 'Schwarzwald', 'Lyon', 'Brenner', 'Eifel', 'Hanse', 'Voss',
  'Kessler', 'Rhön', 'Lindner', 'Adler', 'Baltic', 'Donau', 'Falk', 'Graf', 'Isar', 'Jura',
  'Krone', 'Lahn', 'Main', 'Neckar', 'Oder', 'Pfalz', 'Quantum', 'Ruhr', 'Saale', 'Taunus',
  'Ulm', 'Vento', 'Wendt', 'Zeller', 'Brixen', 'Delft', 'Torino', 'Brno', 'Graz', 'Basel',
] as const;

export interface Specialty {
  name: string;
  slug: string;
  industry: string;
}

export const SPECIALTIES: readonly Specialty[] = [
  { name: 'Antriebstechnik', slug: 'antriebstechnik', industry: 'Maschinenbau' },
  { name: 'Kunststoffwerke', slug: 'kunststoff', industry: 'Kunststoffverarbeitung' },
  { name: 'Robotics', slug: 'robotics', industry: 'Automatisierung' },
  { name: 'Automation', slug: 'automation', industry: 'Automatisierung' },
  { name: 'Elektrotechnik', slug: 'elektrotechnik', industry: 'Elektrotechnik' },
  { name: 'Logistik', slug: 'logistik', industry: 'Logistik' },
  { name: 'Präzisionsteile', slug: 'praezision', industry: 'Automobilzulieferer' },
  { name: 'Hydraulik', slug: 'hydraulik', industry: 'Maschinenbau' },
  { name: 'Verpackungstechnik', slug: 'verpackung', industry: 'Verpackung' },
  { name: 'Industrieservice', slug: 'industrieservice', industry: 'Dienstleistung' },
  { name: 'Sensorik', slug: 'sensorik', industry: 'Elektrotechnik' },
  { name: 'Metallbau', slug: 'metallbau', industry: 'Metallverarbeitung' },
];

export const LEGAL_FORMS: Record<string, readonly string[]> = {
  DE: ['GmbH', 'AG', 'GmbH & Co. KG', 'KG'],
  AT: ['GmbH', 'AG'],
  CH: ['AG', 'GmbH'],
  FR: ['SAS', 'SA'],
  NL: ['B.V.'],
  IT: ['S.p.A.', 'S.r.l.'],
  CZ: ['s.r.o.'],
  PL: ['Sp. z o.o.'],
};

export const CITIES: ReadonlyArray<{ city: string; postalCode: string; country: string; tld: string }> = [
  { city: 'Stuttgart', postalCode: '70173', country: 'DE', tld: 'de' },
  { city: 'München', postalCode: '80331', country: 'DE', tld: 'de' },
  { city: 'Bielefeld', postalCode: '33602', country: 'DE', tld: 'de' },
  { city: 'Hamburg', postalCode: '20095', country: 'DE', tld: 'de' },
  { city: 'Nürnberg', postalCode: '90402', country: 'DE', tld: 'de' },
  { city: 'Dortmund', postalCode: '44135', country: 'DE', tld: 'de' },
  { city: 'Freiburg', postalCode: '79098', country: 'DE', tld: 'de' },
  { city: 'Kassel', postalCode: '34117', country: 'DE', tld: 'de' },
  { city: 'Chemnitz', postalCode: '09111', country: 'DE', tld: 'de' },
  { city: 'Ulm', postalCode: '89073', country: 'DE', tld: 'de' },
  { city: 'Linz', postalCode: '4020', country: 'AT', tld: 'at' },
  { city: 'Zürich', postalCode: '8001', country: 'CH', tld: 'ch' },
  { city: 'Lyon', postalCode: '69002', country: 'FR', tld: 'fr' },
  { city: 'Eindhoven', postalCode: '5611', country: 'NL', tld: 'nl' },
  { city: 'Torino', postalCode: '10121', country: 'IT', tld: 'it' },
  { city: 'Brno', postalCode: '60200', country: 'CZ', tld: 'cz' },
  { city: 'Poznań', postalCode: '61-001', country: 'PL', tld: 'pl' },
];

export const FIRST_NAMES = [
  'Julia', 'Thomas', 'Stefan', 'Katrin', 'Michael', 'Sabine', 'Andreas', 'Claudia', 'Frank', 'Petra',
  'Martin', 'Nicole', 'Jan', 'Melanie', 'Tobias', 'Sandra', 'Christian', 'Anja', 'Lukas', 'Miriam',
  'Claire', 'Luca', 'Pieter', 'Jana', 'Marek', 'Elena', 'Oliver', 'Lisa', 'Daniel', 'Eva',
] as const;

export const LAST_NAMES = [
  'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann',
  'Koch', 'Bauer', 'Richter', 'Klein', 'Wolf', 'Schröder', 'Neumann', 'Schwarz', 'Zimmermann', 'Braun',
  'Krüger', 'Hartmann', 'Lange', 'Werner', 'Dubois', 'Rossi', 'de Vries', 'Novák', 'Kowalski', 'Huber',
] as const;

export const JOB_TITLES = [
  { title: 'Geschäftsführer', role: 'decision_maker' },
  { title: 'Einkaufsleiterin', role: 'decision_maker' },
  { title: 'Head of Procurement', role: 'decision_maker' },
  { title: 'Technischer Leiter', role: 'influencer' },
  { title: 'Leiter Instandhaltung', role: 'influencer' },
  { title: 'Produktionsleiterin', role: 'influencer' },
  { title: 'Konstrukteur', role: 'user' },
  { title: 'Schichtleiter', role: 'user' },
  { title: 'Assistenz der Geschäftsführung', role: 'gatekeeper' },
  { title: 'Projektingenieurin', role: 'champion' },
  { title: 'Qualitätsmanager', role: 'other' },
] as const;

export const SUBJECTS: Record<string, readonly string[]> = {
  email: ['Angebot Ersatzteile', 'Re: Liefertermin KW 48', 'Rahmenvertrag 2026', 'Quotation request spare parts', 'Technische Rückfrage Zeichnung', 'Re: Preisanpassung', 'Invoice question', 'Einladung Werksbesichtigung'],
  meeting: ['Jahresgespräch', 'Projekt-Kickoff', 'Quarterly business review', 'Technische Abstimmung', 'Abnahme vor Ort', 'Messe-Termin Hannover'],
  call: ['Rückruf wegen Angebot', 'Telefonat Liefertermin', 'Follow-up call', 'Klärung Reklamation', 'Bedarfsermittlung'],
  note: ['Notiz: Budget für 2027 freigegeben', 'Wettbewerber war vor Ort', 'Ansprechpartner wechselt im Januar', 'Interest in service contract'],
  chat: ['Teams-Chat: kurze Abstimmung', 'Chat: Zeichnung geschickt', 'Quick question via chat'],
  complaint: ['Reklamation: Lieferung beschädigt', 'Reklamation: falsche Teile geliefert', 'Complaint: late delivery', 'Reklamation: Maßabweichung'],
  service_request: ['Serviceeinsatz Spindel', 'Wartungsanfrage', 'Service request: calibration', 'Ersatzteil dringend benötigt'],
  web_form: ['Kontaktformular: Produktanfrage', 'Web form: brochure download', 'Kontaktformular: Rückrufbitte'],
};

export const CONSENT_SOURCES = ['Kontaktformular Website', 'Hannover Messe 2025', 'Telefonat', 'Visitenkarte Messe', 'Newsletter-Anmeldung (Double-Opt-in)', 'Vertrag'] as const;
export const WITHDRAWAL_SOURCES = ['Abmeldelink im Newsletter', 'E-Mail an Vertrieb', 'Telefonat'] as const;
export const LOSS_REASONS = ['Preis zu hoch', 'Wettbewerber gewählt', 'Projekt verschoben', 'Budget gestrichen'] as const;
export const WIN_REASONS = ['Beste Lieferzeit', 'Technische Lösung überzeugt', 'Bestehende Partnerschaft'] as const;
