// Word lists for fictional contacts: first and last names per culture, and job titles with buying-center roles.

export type Gender = 'f' | 'm';
export type Culture = 'de' | 'fr' | 'it' | 'nl' | 'cz' | 'pl';

interface NamePool {
  first: ReadonlyArray<readonly [name: string, gender: Gender]>;
  last: readonly string[];
}

// Featured demo people must stay unique: no "Lena Vogt" here (the unknown sender) and no "Dubois" in France.
export const NAME_POOLS: Record<Culture, NamePool> = {
  de: {
    first: [
      ['Julia', 'f'],
      ['Thomas', 'm'],
      ['Stefan', 'm'],
      ['Katrin', 'f'],
      ['Michael', 'm'],
      ['Sabine', 'f'],
      ['Andreas', 'm'],
      ['Claudia', 'f'],
      ['Frank', 'm'],
      ['Petra', 'f'],
      ['Martin', 'm'],
      ['Nicole', 'f'],
      ['Jan', 'm'],
      ['Melanie', 'f'],
      ['Tobias', 'm'],
      ['Sandra', 'f'],
      ['Christian', 'm'],
      ['Anja', 'f'],
      ['Lukas', 'm'],
      ['Miriam', 'f'],
      ['Oliver', 'm'],
      ['Lisa', 'f'],
      ['Daniel', 'm'],
      ['Eva', 'f'],
      ['Matthias', 'm'],
      ['Birgit', 'f'],
      ['Sebastian', 'm'],
      ['Heike', 'f'],
      ['Florian', 'm'],
      ['Kerstin', 'f'],
      ['Markus', 'm'],
      ['Tanja', 'f'],
    ],
    last: [
      'Müller',
      'Schmidt',
      'Schneider',
      'Fischer',
      'Weber',
      'Meyer',
      'Wagner',
      'Becker',
      'Schulz',
      'Hoffmann',
      'Koch',
      'Bauer',
      'Richter',
      'Klein',
      'Wolf',
      'Schröder',
      'Neumann',
      'Schwarz',
      'Zimmermann',
      'Braun',
      'Krüger',
      'Hartmann',
      'Lange',
      'Werner',
      'Krause',
      'Lehmann',
      'Köhler',
      'Maier',
      'Huber',
      'Kaiser',
      'Fuchs',
    ],
  },
  fr: {
    first: [
      ['Claire', 'f'],
      ['Nicolas', 'm'],
      ['Camille', 'f'],
      ['Julien', 'm'],
      ['Sophie', 'f'],
      ['Antoine', 'm'],
      ['Émilie', 'f'],
      ['Pierre', 'm'],
      ['Isabelle', 'f'],
      ['Mathieu', 'm'],
      ['Céline', 'f'],
      ['Laurent', 'm'],
    ],
    last: ['Martin', 'Bernard', 'Moreau', 'Garnier', 'Lefèvre', 'Roux', 'Fournier', 'Girard', 'Bonnet', 'Mercier', 'Lambert'],
  },
  it: {
    first: [
      ['Luca', 'm'],
      ['Giulia', 'f'],
      ['Marco', 'm'],
      ['Francesca', 'f'],
      ['Alessandro', 'm'],
      ['Chiara', 'f'],
      ['Matteo', 'm'],
      ['Elena', 'f'],
      ['Davide', 'm'],
      ['Sara', 'f'],
      ['Paolo', 'm'],
      ['Valentina', 'f'],
    ],
    last: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco', 'Bruno'],
  },
  nl: {
    first: [
      ['Pieter', 'm'],
      ['Sanne', 'f'],
      ['Daan', 'm'],
      ['Lotte', 'f'],
      ['Bram', 'm'],
      ['Femke', 'f'],
      ['Joost', 'm'],
      ['Anouk', 'f'],
      ['Ruben', 'm'],
      ['Eline', 'f'],
      ['Thijs', 'm'],
      ['Marloes', 'f'],
    ],
    last: ['de Vries', 'Jansen', 'van den Berg', 'Bakker', 'Visser', 'Smit', 'Meijer', 'de Boer', 'Mulder', 'Bos', 'Vos'],
  },
  cz: {
    first: [
      ['Jana', 'f'],
      ['Petr', 'm'],
      ['Lucie', 'f'],
      ['Tomáš', 'm'],
      ['Kateřina', 'f'],
      ['Jiří', 'm'],
      ['Veronika', 'f'],
      ['Martin', 'm'],
    ],
    last: ['Novák', 'Svoboda', 'Dvořák', 'Černý', 'Procházka', 'Kučera', 'Veselý'],
  },
  pl: {
    first: [
      ['Anna', 'f'],
      ['Piotr', 'm'],
      ['Katarzyna', 'f'],
      ['Marek', 'm'],
      ['Agnieszka', 'f'],
      ['Tomasz', 'm'],
      ['Magdalena', 'f'],
      ['Paweł', 'm'],
    ],
    last: ['Kowalski', 'Nowicki', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Lewandowski', 'Zieliński'],
  },
};

export type BuyingRole = 'decision_maker' | 'influencer' | 'user' | 'gatekeeper' | 'champion';

interface JobTitle {
  /** German title, male and female form; used at companies in German-speaking countries. */
  de: readonly [male: string, female: string];
  en: string;
  role: BuyingRole;
}

/** The first entries are decision makers: every account's first contact is one. */
export const DECISION_MAKER_TITLES = 3;

export const JOB_TITLES: readonly JobTitle[] = [
  { de: ['Geschäftsführer', 'Geschäftsführerin'], en: 'Managing Director', role: 'decision_maker' },
  { de: ['Einkaufsleiter', 'Einkaufsleiterin'], en: 'Head of Procurement', role: 'decision_maker' },
  { de: ['Head of Procurement', 'Head of Procurement'], en: 'Purchasing Director', role: 'decision_maker' },
  { de: ['Technischer Leiter', 'Technische Leiterin'], en: 'Technical Director', role: 'influencer' },
  { de: ['Leiter Instandhaltung', 'Leiterin Instandhaltung'], en: 'Maintenance Manager', role: 'influencer' },
  { de: ['Produktionsleiter', 'Produktionsleiterin'], en: 'Production Manager', role: 'influencer' },
  { de: ['Qualitätsmanager', 'Qualitätsmanagerin'], en: 'Quality Manager', role: 'influencer' },
  { de: ['Konstrukteur', 'Konstrukteurin'], en: 'Design Engineer', role: 'user' },
  { de: ['Schichtleiter', 'Schichtleiterin'], en: 'Shift Supervisor', role: 'user' },
  { de: ['Instandhaltungstechniker', 'Instandhaltungstechnikerin'], en: 'Maintenance Technician', role: 'user' },
  { de: ['Assistenz der Geschäftsführung', 'Assistenz der Geschäftsführung'], en: 'Executive Assistant', role: 'gatekeeper' },
  { de: ['Strategischer Einkäufer', 'Strategische Einkäuferin'], en: 'Strategic Buyer', role: 'gatekeeper' },
  { de: ['Projektingenieur', 'Projektingenieurin'], en: 'Project Engineer', role: 'champion' },
  { de: ['Leiter Digitalisierung', 'Leiterin Digitalisierung'], en: 'Head of Digital Transformation', role: 'champion' },
];
