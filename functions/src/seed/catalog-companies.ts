// Word lists for fictional B2B customers: name stems, specialties, countries with cities and legal forms.
import type { Culture } from './catalog-people';

export const COMPANY_STEMS = [
  'Hoffmann',
  'Nordlicht',
  'Alpine',
  'Weser',
  'Schwarzwald',
  'Spessart',
  'Brenner',
  'Eifel',
  'Hanse',
  'Voss',
  'Kessler',
  'Rhön',
  'Lindner',
  'Adler',
  'Baltic',
  'Donau',
  'Falk',
  'Graf',
  'Isar',
  'Jura',
  'Krone',
  'Lahn',
  'Main',
  'Neckar',
  'Oder',
  'Pfalz',
  'Quantum',
  'Ruhr',
  'Saale',
  'Taunus',
  'Vento',
  'Wendt',
  'Zeller',
  'Brixen',
  'Delta',
  'Harz',
  'Kraft',
  'Lechner',
  'Mosel',
  'Nova',
  'Orion',
  'Polaris',
  'Riedel',
  'Sauer',
  'Teutonia',
  'Unger',
  'Vogel',
  'Westfalia',
  'Ziegler',
  'Aurora',
  'Bergmann',
  'Cordes',
  'Dreher',
  'Ems',
  'Fichtel',
  'Gerlach',
  'Hessen',
  'Ilm',
  'Kaiser',
  'Lausitz',
] as const;

interface Specialty {
  /** Name in German-speaking countries and elsewhere. */
  de: string;
  en: string;
  /** No two specialties share a slug, so (stem, specialty, series) gives distinct domains. */
  slugDe: string;
  slugEn: string;
  industry: string;
}

export const SPECIALTIES: readonly Specialty[] = [
  { de: 'Antriebstechnik', en: 'Drives', slugDe: 'antriebstechnik', slugEn: 'drives', industry: 'Maschinenbau' },
  { de: 'Kunststoffwerke', en: 'Plastics', slugDe: 'kunststoff', slugEn: 'plastics', industry: 'Kunststoffverarbeitung' },
  { de: 'Robotics', en: 'Robotics', slugDe: 'robotics', slugEn: 'robotics', industry: 'Automatisierung' },
  { de: 'Automation', en: 'Automation', slugDe: 'automation', slugEn: 'automation', industry: 'Automatisierung' },
  { de: 'Elektrotechnik', en: 'Electric', slugDe: 'elektrotechnik', slugEn: 'electric', industry: 'Elektrotechnik' },
  { de: 'Logistik', en: 'Logistics', slugDe: 'logistik', slugEn: 'logistics', industry: 'Logistik' },
  { de: 'Präzisionsteile', en: 'Precision Parts', slugDe: 'praezision', slugEn: 'precision', industry: 'Automobilzulieferer' },
  { de: 'Hydraulik', en: 'Hydraulics', slugDe: 'hydraulik', slugEn: 'hydraulics', industry: 'Maschinenbau' },
  { de: 'Verpackungstechnik', en: 'Packaging', slugDe: 'verpackung', slugEn: 'packaging', industry: 'Verpackung' },
  { de: 'Industrieservice', en: 'Industrial Services', slugDe: 'industrieservice', slugEn: 'services', industry: 'Dienstleistung' },
  { de: 'Sensorik', en: 'Sensors', slugDe: 'sensorik', slugEn: 'sensors', industry: 'Elektrotechnik' },
  { de: 'Metallbau', en: 'Metalworks', slugDe: 'metallbau', slugEn: 'metalworks', industry: 'Metallverarbeitung' },
  { de: 'Fahrzeugteile', en: 'Automotive', slugDe: 'fahrzeugteile', slugEn: 'automotive', industry: 'Automobilzulieferer' },
  { de: 'Anlagenbau', en: 'Plant Engineering', slugDe: 'anlagenbau', slugEn: 'plants', industry: 'Maschinenbau' },
];

export interface City {
  city: string;
  postalCode: string;
  /** Area code without the leading zero, as written after the country code. */
  area: string;
}

export interface Country {
  code: string;
  tld: string;
  dial: string;
  weight: number;
  /** Which name pool the people there come from. */
  culture: Culture;
  language: 'de' | 'en';
  legalForms: readonly string[];
  streets: readonly string[];
  cities: readonly City[];
}

const GERMAN_STREETS = ['Industriestraße', 'Hauptstraße', 'Gewerbering', 'Am Hafen', 'Robert-Bosch-Straße', 'Carl-Benz-Straße', 'Im Gewerbepark'];

export const COUNTRIES: readonly Country[] = [
  {
    code: 'DE',
    tld: 'de',
    dial: '+49',
    weight: 76,
    culture: 'de',
    language: 'de',
    legalForms: ['GmbH', 'GmbH', 'AG', 'GmbH & Co. KG', 'KG', 'SE'],
    streets: GERMAN_STREETS,
    cities: [
      { city: 'Stuttgart', postalCode: '70565', area: '711' },
      { city: 'München', postalCode: '81249', area: '89' },
      { city: 'Bielefeld', postalCode: '33609', area: '521' },
      { city: 'Hamburg', postalCode: '21079', area: '40' },
      { city: 'Nürnberg', postalCode: '90451', area: '911' },
      { city: 'Dortmund', postalCode: '44147', area: '231' },
      { city: 'Freiburg im Breisgau', postalCode: '79108', area: '761' },
      { city: 'Kassel', postalCode: '34123', area: '561' },
      { city: 'Chemnitz', postalCode: '09120', area: '371' },
      { city: 'Ulm', postalCode: '89079', area: '731' },
      { city: 'Bremen', postalCode: '28197', area: '421' },
      { city: 'Aachen', postalCode: '52068', area: '241' },
      { city: 'Augsburg', postalCode: '86167', area: '821' },
      { city: 'Heilbronn', postalCode: '74076', area: '7131' },
      { city: 'Paderborn', postalCode: '33106', area: '5251' },
      { city: 'Siegen', postalCode: '57072', area: '271' },
    ],
  },
  {
    code: 'AT',
    tld: 'at',
    dial: '+43',
    weight: 6,
    culture: 'de',
    language: 'de',
    legalForms: ['GmbH', 'AG'],
    streets: ['Industriestraße', 'Gewerbepark', 'Linzer Straße'],
    cities: [
      { city: 'Linz', postalCode: '4020', area: '732' },
      { city: 'Graz', postalCode: '8020', area: '316' },
    ],
  },
  {
    code: 'CH',
    tld: 'ch',
    dial: '+41',
    weight: 6,
    culture: 'de',
    language: 'de',
    legalForms: ['AG', 'GmbH'],
    streets: ['Industriestrasse', 'Bahnhofstrasse', 'Gewerbestrasse'],
    cities: [
      { city: 'Zürich', postalCode: '8050', area: '44' },
      { city: 'Winterthur', postalCode: '8400', area: '52' },
    ],
  },
  {
    code: 'FR',
    tld: 'fr',
    dial: '+33',
    weight: 4,
    culture: 'fr',
    language: 'en',
    legalForms: ['SAS', 'SA'],
    streets: ['Rue de la République', 'Avenue Jean Jaurès', "Zone Industrielle de l'Est"],
    cities: [
      { city: 'Lyon', postalCode: '69007', area: '4' },
      { city: 'Strasbourg', postalCode: '67000', area: '3' },
    ],
  },
  {
    code: 'NL',
    tld: 'nl',
    dial: '+31',
    weight: 3,
    culture: 'nl',
    language: 'en',
    legalForms: ['B.V.'],
    streets: ['Industrieweg', 'Havenstraat'],
    cities: [{ city: 'Eindhoven', postalCode: '5652 AB', area: '40' }],
  },
  {
    code: 'IT',
    tld: 'it',
    dial: '+39',
    weight: 3,
    culture: 'it',
    language: 'en',
    legalForms: ['S.p.A.', 'S.r.l.'],
    streets: ['Via Industria', 'Corso Francia'],
    cities: [
      { city: 'Torino', postalCode: '10138', area: '011' },
      { city: 'Bergamo', postalCode: '24126', area: '035' },
    ],
  },
  {
    code: 'CZ',
    tld: 'cz',
    dial: '+420',
    weight: 1,
    culture: 'cz',
    language: 'en',
    legalForms: ['s.r.o.', 'a.s.'],
    streets: ['Průmyslová'],
    cities: [{ city: 'Brno', postalCode: '602 00', area: '5' }],
  },
  {
    code: 'PL',
    tld: 'pl',
    dial: '+48',
    weight: 1,
    culture: 'pl',
    language: 'en',
    legalForms: ['Sp. z o.o.'],
    streets: ['ul. Przemysłowa'],
    cities: [{ city: 'Poznań', postalCode: '61-001', area: '61' }],
  },
];

export const countryByCode = (code: string): Country => {
  const country = COUNTRIES.find((c) => c.code === code);
  if (!country) throw new Error(`unknown country ${code}`);
  return country;
};

export const PAYMENT_TERMS = ['30 Tage netto', '14 Tage 2 % Skonto, 30 Tage netto', '60 Tage netto', 'Vorkasse'] as const;
