// Company names as lists write them: the legal form (GmbH, GmbH & Co. KG, AG, Ltd, S.A., ...) is recognised at the
// end and kept apart from the name, because "Müller GmbH" and "Müller AG" are two legal entities. The rest is folded
// to a key (folding.ts) by which names are compared.
import { foldText } from './folding';
import { because, type Reason } from './reasons';
import { setSimilarity, trigrams } from './trigram';

// Canonical spelling -> the spellings lists use. Longer forms are tried first, so "GmbH & Co. KG" is never read as "KG".
const LEGAL_FORMS: Record<string, readonly string[]> = {
  'GmbH & Co. KG': ['GmbH & Co. KG', 'GmbH und Co. KG', 'GmbH u. Co. KG', 'GmbH + Co. KG'],
  'GmbH & Co. KGaA': ['GmbH & Co. KGaA'],
  'GmbH & Co. OHG': ['GmbH & Co. OHG'],
  'AG & Co. KG': ['AG & Co. KG', 'AG und Co. KG'],
  'AG & Co. KGaA': ['AG & Co. KGaA'],
  'SE & Co. KG': ['SE & Co. KG'],
  'SE & Co. KGaA': ['SE & Co. KGaA'],
  'UG (haftungsbeschränkt) & Co. KG': ['UG (haftungsbeschränkt) & Co. KG', 'UG & Co. KG'],
  'UG (haftungsbeschränkt)': ['UG (haftungsbeschränkt)', 'UG haftungsbeschränkt', 'UG (haftungsbeschraenkt)', 'UG'],
  gGmbH: ['gGmbH'],
  GmbH: ['GmbH', 'G.m.b.H.', 'Ges.m.b.H.', 'GesmbH', 'Gesellschaft mit beschränkter Haftung', 'Gesellschaft mbH', 'mbH'],
  KGaA: ['KGaA', 'Kommanditgesellschaft auf Aktien'],
  AG: ['AG', 'Aktiengesellschaft'],
  KG: ['KG', 'Kommanditgesellschaft'],
  OHG: ['OHG', 'oHG', 'offene Handelsgesellschaft'],
  GbR: ['GbR', 'Gesellschaft bürgerlichen Rechts'],
  'PartG mbB': ['PartG mbB', 'PartGmbB'],
  PartG: ['PartG', 'Partnerschaftsgesellschaft'],
  'e.K.': ['e.K.', 'e.Kfm.', 'e.Kfr.', 'eingetragener Kaufmann', 'eingetragene Kauffrau'],
  'e.V.': ['e.V.', 'eingetragener Verein'],
  eG: ['eG', 'eingetragene Genossenschaft'],
  SE: ['SE', 'Societas Europaea'],
  Ltd: ['Ltd', 'Ltd.', 'Limited', 'Co. Ltd', 'Co., Ltd.'],
  PLC: ['PLC', 'p.l.c.'],
  LLC: ['LLC', 'L.L.C.'],
  LLP: ['LLP', 'L.L.P.'],
  'Inc.': ['Inc', 'Inc.', 'Incorporated'],
  'Corp.': ['Corp', 'Corp.', 'Corporation'],
  'S.A.': ['S.A.', 'SA', 'Société Anonyme', 'Sociedad Anónima'],
  SARL: ['SARL', 'S.A.R.L.', 'S.à r.l.', 'Sàrl'],
  SAS: ['SAS', 'S.A.S.'],
  'S.p.A.': ['S.p.A.', 'SpA'],
  'S.r.l.': ['S.r.l.', 'Srl'],
  'S.L.': ['S.L.', 'SL'],
  'B.V.': ['B.V.', 'BV'],
  'N.V.': ['N.V.', 'NV'],
  'A/S': ['A/S'],
  ApS: ['ApS'],
  AB: ['AB'],
  Oy: ['Oy'],
  'Sp. z o.o.': ['Sp. z o.o.', 'Sp. z.o.o.'],
  's.r.o.': ['s.r.o.', 'spol. s r.o.'],
};

/** Spellings compared without spaces, dots, brackets or "&"/"und": "GmbH&Co.KG", "GmbH und Co. KG" are one form. */
const compact = (text: string) =>
  foldText(text)
    .split(' ')
    .filter((word) => word !== 'und' && word !== 'u')
    .join('');

const FORM_BY_SPELLING = new Map<string, string>(
  Object.entries(LEGAL_FORMS).flatMap(([canonical, spellings]) => spellings.map((spelling) => [compact(spelling), canonical] as const)),
);
const LONGEST_FORM_WORDS = Math.max(
  ...Object.values(LEGAL_FORMS)
    .flat()
    .map((spelling) => spelling.split(/\s+/).length),
);

export interface CompanyName {
  /** The name as written, trimmed. */
  text: string;
  /** The name without its legal form, as written. */
  base: string;
  /** The canonical legal form ("GmbH & Co. KG"), or null when the name ends in none. */
  legalForm: string | null;
  /** The folded base, by which names are compared and on which the SQL candidate search runs. */
  key: string;
  /** The key's trigrams and its form with umlaut transcriptions and double letters reduced, made once per name. */
  trigrams: ReadonlySet<string>;
  looseKey: string;
}

const named = (text: string, base: string, legalForm: string | null): CompanyName => {
  const key = foldText(base);
  return { text, base, legalForm, key, trigrams: trigrams(key), looseKey: looseKey(key) };
};

// A list names the same company on many rows and the preview parses each row's name more than once (the plan, the
// candidate search, the rules): parsed once per distinct spelling instead of per call. A name is never changed once
// parsed. The preview lets go of them when it is done (forgetParsedNames), and the bound keeps anything else from
// holding every name it ever saw.
const PARSED_NAMES_KEPT = 100_000;
const parsedNames = new Map<string, CompanyName>();

export function forgetParsedNames(): void {
  parsedNames.clear();
}

export function parseCompanyName(text: string, legalFormColumn?: string | null): CompanyName {
  const cacheKey = legalFormColumn ? `${text}\u0000${legalFormColumn}` : text;
  const known = parsedNames.get(cacheKey);
  if (known) return known;
  if (parsedNames.size >= PARSED_NAMES_KEPT) parsedNames.clear();
  const name = parseUncached(text, legalFormColumn);
  parsedNames.set(cacheKey, name);
  return name;
}

function parseUncached(text: string, legalFormColumn?: string | null): CompanyName {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const words = trimmed.split(' ');
  for (let count = Math.min(LONGEST_FORM_WORDS, words.length - 1); count >= 1; count -= 1) {
    const form = FORM_BY_SPELLING.get(compact(words.slice(words.length - count).join(' ')));
    if (!form) continue;
    // "Müller, GmbH" and "Müller - GmbH": the separator belongs to neither part.
    const base = words
      .slice(0, words.length - count)
      .join(' ')
      .replace(/[\s,;–-]+$/, '');
    if (foldText(base) === '') continue;
    return named(trimmed, base, form);
  }
  // A separate "Rechtsform" column names the form of a name that does not carry it.
  const column = legalFormColumn ? (FORM_BY_SPELLING.get(compact(legalFormColumn)) ?? legalFormColumn.trim()) : null;
  return named(trimmed, trimmed, column || null);
}

/** Umlaut transcriptions and double letters reduced ("mueller" -> "muler", "muller" -> "muler"): a hint, never a match. */
function looseKey(key: string): string {
  return key
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .replace(/ss/g, 's')
    .replace(/([a-z])\1/g, '$1');
}

/** The similarity at which a differently written name is proposed as a candidate, for the code and the SQL search. */
export const SIMILAR_NAME_THRESHOLD = 0.45;

export type NameComparison =
  | ({ kind: 'same'; score: 1 } & Reason)
  | ({ kind: 'legal_form_differs'; score: 1 } & Reason)
  | ({ kind: 'similar'; score: number } & Reason)
  | { kind: 'different' };

export function compareCompanies(a: CompanyName, b: CompanyName): NameComparison {
  const forms = legalFormNote(a, b);
  if (a.key === b.key) {
    if (!forms) return { kind: 'same', score: 1, ...because(a.text === b.text ? 'name.same' : 'name.sameFolded') };
    return { kind: 'legal_form_differs', score: 1, ...because('name.legalFormDiffers', { forms }) };
  }
  const loose = a.looseKey === b.looseKey;
  // Shared trigrams are at most the smaller set, so sets far apart in size cannot reach the threshold.
  if (!loose && Math.min(a.trigrams.size, b.trigrams.size) < SIMILAR_NAME_THRESHOLD * Math.max(a.trigrams.size, b.trigrams.size)) return { kind: 'different' };
  const score = setSimilarity(a.trigrams, b.trigrams);
  const rounded = score.toFixed(2);
  if (loose) {
    return { kind: 'similar', score, ...because('name.umlautsOrDoubleLetters', { score: rounded, forms }) };
  }
  if (score >= SIMILAR_NAME_THRESHOLD) return { kind: 'similar', score, ...because('name.similar', { score: rounded, forms }) };
  return { kind: 'different' };
}

function legalFormNote(a: CompanyName, b: CompanyName): Reason | null {
  if (a.legalForm === b.legalForm) return null;
  if (a.legalForm && b.legalForm) return because('name.legalFormsDiffer', { a: a.legalForm, b: b.legalForm });
  return because('name.onlyOneLegalForm', { form: (a.legalForm ?? b.legalForm)! });
}
