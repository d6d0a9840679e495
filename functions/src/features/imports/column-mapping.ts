// Proposes which column feeds which field from the headers German and English lists use. Headers are compared folded
// (case, umlauts, punctuation and spaces: "E-Mail-Adresse" = "Emailadresse"), Outlook's "geschäftlich"/"business" qualifiers
// are ignored, and a header nobody knows stays unmapped rather than being guessed.
import { IMPORT_KIND_FIELDS, type ColumnMapping, type ImportField, type ImportKind } from '@crm/common';
import { foldText } from './folding';
import type { ImportCell, ImportRow } from './table';

const SYNONYMS: Record<ImportField, readonly string[]> = {
  'account.name': [
    'firma',
    'firmenname',
    'firmierung',
    'unternehmen',
    'unternehmensname',
    'kunde',
    'kundenname',
    'company',
    'company name',
    'organisation',
    'organization',
    'account',
    'account name',
  ],
  'account.legalForm': ['rechtsform', 'legal form'],
  'account.customerNumber': [
    'kundennummer',
    'kundennr',
    'kd nr',
    'kdnr',
    'kunden nr',
    'kunden id',
    'debitor',
    'debitorennummer',
    'debitorennr',
    'customer number',
    'customer no',
    'customer id',
    'account number',
  ],
  'account.industry': ['branche', 'wirtschaftszweig', 'industry', 'sector'],
  'account.website': ['website', 'webseite', 'homepage', 'internet', 'internetseite', 'web', 'www', 'url'],
  'account.street': [
    'strasse',
    'str',
    'strasse hausnummer',
    'strasse und hausnummer',
    'strasse nr',
    'anschrift',
    'adresse',
    'street',
    'street address',
    'address',
    'address line 1',
  ],
  'account.postalCode': ['plz', 'postleitzahl', 'zip', 'zip code', 'postal code', 'postcode', 'post code'],
  'account.city': ['ort', 'stadt', 'city', 'town'],
  'account.country': ['land', 'land region', 'staat', 'country', 'country region'],
  'account.revenue': ['umsatz', 'jahresumsatz', 'umsatz eur', 'revenue', 'annual revenue', 'turnover', 'sales'],
  'contact.salutation': ['anrede', 'salutation'],
  'contact.academicTitle': ['titel', 'akademischer titel', 'academic title'],
  'contact.firstName': ['vorname', 'first name', 'firstname', 'given name', 'forename'],
  'contact.lastName': ['nachname', 'familienname', 'zuname', 'last name', 'lastname', 'surname', 'family name'],
  'contact.email': ['e mail', 'email', 'e mail adresse', 'email adresse', 'mail', 'email address', 'e mail address'],
  'contact.phone': ['telefon', 'tel', 'telefonnummer', 'festnetz', 'phone', 'telephone', 'phone number'],
  'contact.mobile': ['mobil', 'mobiltelefon', 'mobilnummer', 'handy', 'handynummer', 'mobile', 'mobile phone', 'cell', 'cell phone'],
  'contact.jobTitle': ['position', 'funktion', 'stellung', 'berufsbezeichnung', 'job title', 'jobtitel'],
  'contact.department': ['abteilung', 'bereich', 'department'],
  'consent.email': ['einwilligung', 'einwilligung e mail', 'e mail einwilligung', 'werbeeinwilligung', 'consent', 'email consent', 'marketing consent'],
  'consent.source': ['einwilligung quelle', 'quelle einwilligung', 'einwilligungsquelle', 'consent source'],
  'consent.date': ['einwilligung datum', 'datum einwilligung', 'einwilligungsdatum', 'consent date'],
  'revenue.period': ['periode', 'zeitraum', 'monat', 'abrechnungsmonat', 'buchungsmonat', 'umsatzmonat', 'period', 'month', 'billing period'],
  'revenue.year': ['jahr', 'geschaeftsjahr', 'wirtschaftsjahr', 'umsatzjahr', 'year', 'fiscal year', 'financial year'],
  'revenue.amount': ['erloes', 'erloese', 'umsatzerloes', 'umsatzerloese', 'nettoumsatz', 'umsatz netto', 'net revenue', 'net sales'],
  'revenue.cost': ['kosten', 'wareneinsatz', 'herstellkosten', 'selbstkosten', 'cost', 'costs', 'cost of sales', 'cogs'],
  'revenue.currency': ['waehrung', 'whg', 'currency'],
  'opportunity.name': [
    'verkaufschance',
    'verkaufschancen',
    'chance',
    'opportunity',
    'opportunity name',
    'deal',
    'deal name',
    'projekt',
    'projektname',
    'vorhaben',
  ],
  'opportunity.stage': ['phase', 'verkaufsphase', 'vertriebsphase', 'stufe', 'status', 'stage', 'sales stage', 'pipeline stage', 'deal stage'],
  'opportunity.amount': [
    'betrag',
    'volumen',
    'auftragswert',
    'auftragsvolumen',
    'angebotswert',
    'wert',
    'potenzial',
    'potential',
    'amount',
    'value',
    'deal value',
    'opportunity value',
    'expected revenue',
  ],
  'opportunity.closeDate': [
    'abschlussdatum',
    'abschluss',
    'voraussichtlicher abschluss',
    'erwarteter abschluss',
    'geplanter abschluss',
    'close date',
    'closing date',
    'expected close',
    'expected close date',
  ],
  'opportunity.owner': ['verantwortlich', 'verantwortlicher', 'zustaendig', 'vertriebsmitarbeiter', 'owner', 'deal owner', 'sales rep'],
  'opportunity.currency': [],
  'opportunity.productLine': ['produktlinie', 'sparte', 'product line'],
  'opportunity.externalId': [
    'angebotsnummer',
    'angebotsnr',
    'angebots nr',
    'vorgangsnummer',
    'projektnummer',
    'chancen nr',
    'externe id',
    'externe nummer',
    'erp nummer',
    'external id',
    'opportunity id',
    'opportunity number',
    'deal id',
    'deal number',
    'quote number',
  ],
  notes: ['notiz', 'notizen', 'bemerkung', 'bemerkungen', 'anmerkung', 'kommentar', 'notes', 'note', 'comment', 'comments'],
};

// Qualifiers that say whose value it is, not what it is ("Telefon geschäftlich", "Business Phone", "E-Mail 1").
const QUALIFIERS = new Set(['geschaeftlich', 'dienstlich', 'business', 'work', '1']);

/** The folded form a header is compared by; also how a saved template finds its columns again. */
export const headerKey = (header: string): string =>
  foldText(header)
    .split(' ')
    .filter((word) => word !== '' && !QUALIFIERS.has(word))
    .join('');

const FIELD_BY_KEY = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, readonly string[]][]).flatMap(([field, names]) => names.map((name) => [headerKey(name), field] as const)),
);

/** A field per known header; the second column for a field already taken (say a second "E-Mail") stays unmapped. */
export const suggestMapping = (header: readonly string[]): ColumnMapping => applyTemplate({ columns: [] }, header);

/**
 * A saved mapping applied to another file: columns are found by header, not position, so a list whose columns were
 * reordered maps the same. The template's choices come first (also its "not imported"); other headers are proposed
 * as for a new file, for fields the template has not given to a column already.
 */
export function applyTemplate(template: ColumnMapping, header: readonly string[]): ColumnMapping {
  const chosen = new Map(template.columns.map((column) => [headerKey(column.header), column.field]));
  const taken = new Set<ImportField>();
  const claim = (field: ImportField | null | undefined): ImportField | null => {
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  };
  const fromTemplate = header.map((text) => {
    const key = headerKey(text);
    return chosen.has(key) ? { field: claim(chosen.get(key)) } : null;
  });
  return revenueOrAnnual(
    opportunitiesOrNot({
      columns: header.map((text, index) => ({
        index,
        header: text,
        field: fromTemplate[index]?.field ?? (fromTemplate[index] ? null : claim(FIELD_BY_KEY.get(headerKey(text)))),
      })),
    }),
  );
}

/**
 * The field a column recognised as one field feeds in a list of another kind: an opportunity list's "Umsatz" or
 * "Währung" is the opportunity's, a revenue list's "Umsatz" the period's, a customer list's "Nettoumsatz" the account's.
 */
const ALIASES: Record<ImportKind, Partial<Record<ImportField, ImportField>>> = {
  accounts: { 'revenue.amount': 'account.revenue' },
  contacts: {},
  combined: { 'revenue.amount': 'account.revenue' },
  revenue: { 'account.revenue': 'revenue.amount' },
  opportunities: { 'account.revenue': 'opportunity.amount', 'revenue.amount': 'opportunity.amount', 'revenue.currency': 'opportunity.currency' },
};
/** Headers that mean a field only in a list of one kind: "Name" is the company in one list and the person in the next. */
const KIND_HEADERS: Partial<Record<ImportKind, Record<string, ImportField>>> = {
  opportunities: {
    [headerKey('name')]: 'opportunity.name',
    [headerKey('bezeichnung')]: 'opportunity.name',
    // Not "Nr." or "ID": a list's running number would tie each row to whichever deal had that number last time.
    [headerKey('nummer')]: 'opportunity.externalId',
  },
};

/** Each column's field moved to what it means in a list of `kind` (an alias, a header only that kind knows), or dropped. */
function fitTo(mapping: ColumnMapping, kind: ImportKind): ColumnMapping {
  const allowed = new Set(IMPORT_KIND_FIELDS[kind]);
  const taken = new Set(mapping.columns.flatMap((column) => (column.field && allowed.has(column.field) ? [column.field] : [])));
  const claim = (field: ImportField | null | undefined): ImportField | null => {
    if (!field || !allowed.has(field) || taken.has(field)) return null;
    taken.add(field);
    return field;
  };
  return {
    columns: mapping.columns.map((column) => {
      if (column.field && allowed.has(column.field)) return column;
      const recognised = column.field ?? FIELD_BY_KEY.get(headerKey(column.header));
      const field = claim(recognised && ALIASES[kind][recognised]) ?? claim(KIND_HEADERS[kind]?.[headerKey(column.header)]) ?? claim(recognised);
      return { ...column, field };
    }),
  };
}

/**
 * An opportunity list is one with a column for the opportunity's name: then every column is read as an opportunity
 * list's. Without one, "Status" or "Verantwortlich" in a customer list is not an opportunity's, and stays unmapped.
 */
function opportunitiesOrNot(mapping: ColumnMapping): ColumnMapping {
  if (mapping.columns.some((column) => column.field === 'opportunity.name')) return fitTo(mapping, 'opportunities');
  if (!mapping.columns.some((column) => column.field?.startsWith('opportunity.'))) return mapping;
  // What the header means in any list (a template's "Umsatz" of an opportunity list is an account's revenue here).
  const taken = new Set(mapping.columns.flatMap((column) => (column.field && !column.field.startsWith('opportunity.') ? [column.field] : [])));
  return {
    columns: mapping.columns.map((column) => {
      if (!column.field?.startsWith('opportunity.')) return column;
      const field = FIELD_BY_KEY.get(headerKey(column.header));
      if (!field || field.startsWith('opportunity.') || taken.has(field)) return { ...column, field: null };
      taken.add(field);
      return { ...column, field };
    }),
  };
}

/**
 * The mapping proposed for a list the user says is of `kind`: the template and the headers as for any list, then each
 * column moved to the kind's field it stands for, or left out.
 */
export const mappingForKind = (template: ColumnMapping, header: readonly string[], kind: ImportKind): ColumnMapping =>
  fitTo(applyTemplate(template, header), kind);

const isPerson = (field: ImportField | null) => Boolean(field && (field.startsWith('contact.') || field.startsWith('consent.')));

/**
 * "Umsatz" is an account's annual revenue in a customer list and the period's revenue in a list of periods: with a
 * period, month or year column it is the latter, without one the former (also when a template said otherwise). A list
 * with a period and a revenue column is a revenue list, and its person columns are not read (as an opportunity list's
 * are not): proposed as well, they made a list that kindOf refuses for holding people. A period column without any
 * revenue column says nothing of periods, so a customer list's "Jahr" stays unmapped, as do its "Kosten" and "Währung"
 * without a period. The user can choose the other kind ("The list holds"), which proposes the columns again.
 */
function revenueOrAnnual(mapping: ColumnMapping): ColumnMapping {
  const has = (field: ImportField) => mapping.columns.some((column) => column.field === field);
  const persons = mapping.columns.some((column) => isPerson(column.field));
  if ((has('revenue.period') || has('revenue.year')) && (!persons || has('revenue.amount') || has('account.revenue'))) {
    const amount = has('revenue.amount');
    return {
      columns: mapping.columns.map((column) => {
        if (column.field === 'account.revenue' && !amount) return { ...column, field: 'revenue.amount' };
        return isPerson(column.field) ? { ...column, field: null } : column;
      }),
    };
  }
  const annual = has('account.revenue');
  return {
    columns: mapping.columns.map((column) => {
      if (column.field === 'revenue.amount' && !annual) return { ...column, field: 'account.revenue' };
      return column.field?.startsWith('revenue.') ? { ...column, field: null } : column;
    }),
  };
}

/** The values of one row by field; columns mapped to nothing are left out, blank cells are kept as null. */
export function mapRow(row: ImportRow, mapping: ColumnMapping): Partial<Record<ImportField, ImportCell>> {
  const values: Partial<Record<ImportField, ImportCell>> = {};
  for (const column of mapping.columns) {
    if (!column.field) continue;
    const cell = row.cells[column.index] ?? null;
    values[column.field] = typeof cell === 'string' && cell.trim() === '' ? null : cell;
  }
  return values;
}
