// Why a row got its decision, as a stable code with parameters and rendered in the reader's language (the UI speaks
// German and English). A decision keeps its English text in `reason` as well, so rows stored before the codes existed
// (text only) and clients that read only `reason` go on working; a reader asking for German gets German wherever a
// code is known. Reasons that nest (a customer number matches, but the legal forms differ) hold the inner reason as a
// parameter.

export type ReasonLanguage = 'en' | 'de';
export const REASON_LANGUAGES = ['en', 'de'] as const satisfies readonly [ReasonLanguage, ...ReasonLanguage[]];

export interface NestedReason {
  code: string;
  params: ReasonParams;
}
export type ReasonParam = string | number | NestedReason;
export type ReasonParams = Record<string, ReasonParam>;

/** A parameter already rendered in the language being written; '' when the reason has no such parameter. */
type Param = (name: string) => string;
type Text = (p: Param) => string;

const also = (p: Param, name: string) => (p(name) ? `; ${p(name)}` : '');
/** Similarity scores are stored as written in English ("0.87"); German writes a decimal comma. */
const comma = (value: string) => value.replace('.', ',');

const CONSENT_ACTION_DE: Record<string, string> = { granted: 'erteilt', withdrawn: 'widerrufen', objected: 'widersprochen' };
/** "2025-12-31" -> "31.12.2025". */
const germanDate = (iso: string) => iso.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3.$2.$1');

/** "2025-03" -> "03/2025"; a year stays as it is. */
const germanPeriod = (period: string) => period.replace(/^(\d{4})-(\d{2})$/, '$2/$1');
/** "1234.5" -> "1.234,50". */
const germanAmount = (amount: string) => {
  const [whole = '', fraction = ''] = amount.split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, '.')},${fraction.padEnd(2, '0')}`;
};

/** What else uses a record an undo would delete, as usesOf names it. */
const USE_DE: Record<string, string> = {
  interactions: 'Interaktionen',
  'follow-ups': 'Wiedervorlagen',
  opportunities: 'Verkaufschancen',
  contacts: 'Kontakte',
  'consents recorded since the import': 'seit dem Import erfasste Einwilligungen',
  'contacts that stay (added or edited since the import)': 'Kontakte, die bleiben (seit dem Import hinzugefügt oder bearbeitet)',
  'revenue from another import': 'Umsätze aus einem anderen Import',
  'a lead converted into it': 'einen in sie umgewandelten Lead',
};
const SEPARATOR_DE: Record<string, string> = { semicolon: 'Semikolon', comma: 'Komma', tab: 'Tabulator' };
const STATUS_DE: Record<string, string> = { open: 'offen', won: 'gewonnen', lost: 'verloren' };
const FIELD_DE: Record<string, string> = {
  stage: 'Phase',
  probability: 'Wahrscheinlichkeit',
  status: 'Status',
  amount: 'Betrag',
  currency: 'Währung',
  expectedCloseDate: 'Abschlussdatum',
  ownerId: 'Verantwortlich',
  productLine: 'Produktlinie',
  name: 'Name',
  externalId: 'Nummer',
};
const fieldsDe = (fields: string) =>
  fields
    .split(', ')
    .map((field) => FIELD_DE[field] ?? field)
    .join(', ');
/** The changes of an update, "stage "Proposal" -> "Negotiation", amount 1000.00 -> 2000.00", from its from/to parameters. */
const changeList = (p: Param, parts: readonly [string, string, (value: string) => string][]) =>
  parts
    .filter(([name]) => p(`${name}To`))
    .map(([name, label, show]) => `${label} ${p(`${name}From`) ? show(p(`${name}From`)) : '–'} -> ${show(p(`${name}To`))}`)
    .join(', ');

/** The fields an update filled or kept, as the commit names them ("industry, customerNumber"). */
const FIELD_LABELS: Record<string, Record<ReasonLanguage, string>> = {
  industry: { en: 'industry', de: 'Branche' },
  address: { en: 'address', de: 'Adresse' },
  customerNumber: { en: 'customer number', de: 'Kundennummer' },
  revenue: { en: 'revenue', de: 'Umsatz' },
  notes: { en: 'notes', de: 'Notizen' },
  domain: { en: 'domain', de: 'Domain' },
  email: { en: 'email address', de: 'E-Mail-Adresse' },
  phones: { en: 'phone numbers', de: 'Telefonnummern' },
  jobTitle: { en: 'job title', de: 'Position' },
  account: { en: 'account', de: 'Firma' },
  salutation: { en: 'salutation', de: 'Anrede' },
  academicTitle: { en: 'academic title', de: 'Titel' },
  department: { en: 'department', de: 'Abteilung' },
  addressErased: {
    en: 'its addresses (the new one was erased at its owner’s request)',
    de: 'seine Adressen (die neue wurde auf Wunsch ihres Inhabers gelöscht)',
  },
  addressTaken: { en: 'its addresses (the new one belongs to another contact)', de: 'seine Adressen (die neue gehört einem anderen Kontakt)' },
  addressesFull: { en: 'its addresses (it has ten)', de: 'seine Adressen (er hat zehn)' },
};
const labels = (keys: string, lang: ReasonLanguage, p: Param) =>
  keys
    .split(', ')
    .filter(Boolean)
    .map((key) =>
      key === 'domainTaken'
        ? lang === 'de'
          ? `Domain ${p('domain')} (die einer anderen Firma)`
          : `domain ${p('domain')} (another account's)`
        : (FIELD_LABELS[key]?.[lang] ?? key),
    )
    .join(', ');
/** What an update left as the CRM has it, the `kept` parameter; '' when it kept nothing. */
const kept = (p: Param, lang: ReasonLanguage) =>
  p('kept') ? (lang === 'de' ? `; im CRM belassen: ${labels(p('kept'), lang, p)}` : `; kept the CRM's ${labels(p('kept'), lang, p)}`) : '';

const NOTATION_EN: Record<string, string> = { de: 'German', en: 'English' };
const NOTATION_DE: Record<string, string> = { de: 'deutscher', en: 'englischer' };

const TEXTS = {
  'row.empty': {
    en: () => 'no value in any column mapped to an account or a contact',
    de: () => 'keine Angabe in einer Spalte, die einer Firma oder einem Kontakt zugeordnet ist',
  },
  // Accounts
  'account.numberAsRowButDiffers': {
    en: (p) => `customer number ${p('customerNumber')} as on row ${p('row')}; ${p('detail')}`,
    de: (p) => `Kundennummer ${p('customerNumber')} wie in Zeile ${p('row')}; ${p('detail')}`,
  },
  'account.sameNumberAsRow': {
    en: (p) => `the same customer number as row ${p('row')}`,
    de: (p) => `dieselbe Kundennummer wie Zeile ${p('row')}`,
  },
  'account.numberInManyAccounts': {
    en: (p) => `${p('count')} accounts have customer number ${p('customerNumber')}`,
    de: (p) => `${p('count')} Firmen haben die Kundennummer ${p('customerNumber')}`,
  },
  'account.numberMatchesButDiffers': {
    en: (p) => `customer number ${p('customerNumber')} matches; ${p('detail')}`,
    de: (p) => `Kundennummer ${p('customerNumber')} stimmt überein; ${p('detail')}`,
  },
  'account.sameNumber': { en: () => 'the same customer number', de: () => 'dieselbe Kundennummer' },
  'account.sameNumberRenamed': {
    en: (p) => `the same customer number (the CRM has the name "${p('name')}")`,
    de: (p) => `dieselbe Kundennummer (im CRM heißt die Firma „${p('name')}“)`,
  },
  'account.noNameUnknownNumber': {
    en: (p) => `no company name, and customer number ${p('customerNumber')} is not in the CRM`,
    de: (p) => `kein Firmenname, und die Kundennummer ${p('customerNumber')} ist nicht im CRM`,
  },
  'account.sameNameAsRowOtherNumber': {
    en: (p) => `the same name as row ${p('row')}, but another customer number`,
    de: (p) => `derselbe Name wie Zeile ${p('row')}, aber eine andere Kundennummer`,
  },
  'account.sameAsRow': { en: (p) => `the same company as row ${p('row')}`, de: (p) => `dieselbe Firma wie Zeile ${p('row')}` },
  'account.nameInManyAccounts': {
    en: (p) => `${p('count')} accounts in the CRM have this name`,
    de: (p) => `${p('count')} Firmen im CRM haben diesen Namen`,
  },
  'account.sameNameOtherNumber': {
    en: () => 'the same name, but the CRM account has another customer number',
    de: () => 'derselbe Name, aber die Firma im CRM hat eine andere Kundennummer',
  },
  'account.sameNameAndForm': { en: () => 'an account with the same name and legal form', de: () => 'eine Firma mit demselben Namen und derselben Rechtsform' },
  'account.domainToo': {
    en: (p) => `${p('detail')}; the email domain ${p('domain')} is this account's`,
    de: (p) => `${p('detail')}; die E-Mail-Domain ${p('domain')} gehört zu dieser Firma`,
  },
  'account.domain': { en: (p) => `the email domain ${p('domain')} is this account's`, de: (p) => `die E-Mail-Domain ${p('domain')} gehört zu dieser Firma` },
  'account.possibleMatches': {
    en: (p) => `${p('count') === '1' ? 'a possible match' : `${p('count')} possible matches`}; a person decides`,
    de: (p) => `${p('count') === '1' ? 'ein möglicher Treffer' : `${p('count')} mögliche Treffer`}; ein Mensch entscheidet`,
  },
  'account.noMatch': {
    en: () => 'no account with this name, customer number or email domain',
    de: () => 'keine Firma mit diesem Namen, dieser Kundennummer oder E-Mail-Domain',
  },
  // Company names
  'name.same': { en: () => 'the same name', de: () => 'derselbe Name' },
  'name.sameFolded': {
    en: () => 'the same name once case, umlauts, ß and punctuation are folded',
    de: () => 'derselbe Name, wenn man Groß-/Kleinschreibung, Umlaute, ß und Satzzeichen angleicht',
  },
  'name.legalFormDiffers': {
    en: (p) => `the same name, but ${p('forms')}: possibly different legal entities`,
    de: (p) => `derselbe Name, aber ${p('forms')}: möglicherweise verschiedene Rechtsträger`,
  },
  'name.legalFormsDiffer': {
    en: (p) => `the legal forms differ (${p('a')} / ${p('b')})`,
    de: (p) => `die Rechtsformen unterscheiden sich (${p('a')} / ${p('b')})`,
  },
  'name.onlyOneLegalForm': { en: (p) => `only one has a legal form (${p('form')})`, de: (p) => `nur einer hat eine Rechtsform (${p('form')})` },
  'name.umlautsOrDoubleLetters': {
    en: (p) => `names differ only in umlauts or double letters (similarity ${p('score')})${also(p, 'forms')}`,
    de: (p) => `die Namen unterscheiden sich nur in Umlauten oder Doppelbuchstaben (Ähnlichkeit ${comma(p('score'))})${also(p, 'forms')}`,
  },
  'name.similar': {
    en: (p) => `similar names (similarity ${p('score')})${also(p, 'forms')}`,
    de: (p) => `ähnliche Namen (Ähnlichkeit ${comma(p('score'))})${also(p, 'forms')}`,
  },
  // Contacts
  'contact.needsNameOrEmail': {
    en: () => 'a contact needs a last name or an email address',
    de: () => 'ein Kontakt braucht einen Nachnamen oder eine E-Mail-Adresse',
  },
  'contact.sameEmailAsRow': {
    en: (p) => `the same email address as row ${p('row')}`,
    de: (p) => `dieselbe E-Mail-Adresse wie Zeile ${p('row')}`,
  },
  'contact.emailInManyContacts': {
    en: (p) => `${p('count')} contacts in the CRM have this email address`,
    de: (p) => `${p('count')} Kontakte im CRM haben diese E-Mail-Adresse`,
  },
  'contact.sameEmailCandidate': { en: () => 'the same email address', de: () => 'dieselbe E-Mail-Adresse' },
  'contact.sameEmail': { en: () => 'a contact with the same email address', de: () => 'ein Kontakt mit derselben E-Mail-Adresse' },
  'contact.samePersonAsRow': {
    en: (p) => `the same person at the same company as row ${p('row')}`,
    de: (p) => `dieselbe Person bei derselben Firma wie Zeile ${p('row')}`,
  },
  'contact.sameNameInFileOtherEmail': {
    en: () => 'the same name at the same company, another email address',
    de: () => 'derselbe Name bei derselben Firma, eine andere E-Mail-Adresse',
  },
  'contact.sameNameAtAccount': {
    en: () => 'a contact with the same name at the same account',
    de: () => 'ein Kontakt mit demselben Namen bei derselben Firma',
  },
  'contact.sameNameAtAccountOtherEmail': {
    en: () => 'the same name at the same account, another email address',
    de: () => 'derselbe Name bei derselben Firma, eine andere E-Mail-Adresse',
  },
  'contact.possibleMatch': {
    en: () => 'a possible match at the same company; a person decides',
    de: () => 'ein möglicher Treffer bei derselben Firma; ein Mensch entscheidet',
  },
  'contact.noMatchByEmail': { en: () => 'no contact with this email address or name', de: () => 'kein Kontakt mit dieser E-Mail-Adresse oder diesem Namen' },
  'contact.noMatchByName': { en: () => 'no contact with this name at this company', de: () => 'kein Kontakt mit diesem Namen bei dieser Firma' },
  'contact.erased': {
    en: () => 'the address belongs to a person whose data was erased at their request (GDPR Art. 17), so it is not imported again',
    de: () => 'die Adresse gehört einer Person, deren Daten auf ihren Wunsch gelöscht wurden (DSGVO Art. 17); sie wird nicht wieder importiert',
  },
  'contact.restricted': {
    en: () => 'processing of this person is restricted (GDPR Art. 18), so the import does not change the record',
    de: () => 'die Verarbeitung dieser Person ist eingeschränkt (DSGVO Art. 18); der Import ändert den Datensatz nicht',
  },
  // Person names
  'person.same': { en: () => 'the same first and last name', de: () => 'derselbe Vor- und Nachname' },
  'person.sameLastNameAndInitial': {
    en: () => 'the same last name and first initial',
    de: () => 'derselbe Nachname und derselbe Anfangsbuchstabe des Vornamens',
  },
  'person.similar': { en: (p) => `similar names (similarity ${p('score')})`, de: (p) => `ähnliche Namen (Ähnlichkeit ${comma(p('score'))})` },
  // Values the CRM would refuse
  'value.notEmail': { en: (p) => `"${p('value')}" is not an email address`, de: (p) => `„${p('value')}“ ist keine E-Mail-Adresse` },
  'value.notWebAddress': { en: (p) => `"${p('value')}" is not a web address`, de: (p) => `„${p('value')}“ ist keine Webadresse` },
  'value.unknownCountry': {
    en: (p) => `"${p('value')}" is no country this import knows; write its two-letter ISO code (DE, AT, CH, ...)`,
    de: (p) => `„${p('value')}“ ist kein Land, das dieser Import kennt; bitte den zweistelligen ISO-Code angeben (DE, AT, CH, ...)`,
  },
  'value.notFiniteNumber': { en: () => 'not a finite number', de: () => 'keine endliche Zahl' },
  'value.dateNotNumber': { en: () => 'a date, not a number', de: () => 'ein Datum, keine Zahl' },
  'value.notNumber': { en: () => 'not a number', de: () => 'keine Zahl' },
  'value.notNumberText': { en: (p) => `"${p('value')}" is not a number`, de: (p) => `„${p('value')}“ ist keine Zahl` },
  'value.numberAmbiguous': {
    en: (p) => `"${p('value')}" is ${p('de')} in German notation and ${p('en')} in English notation`,
    de: (p) => `„${p('value')}“ ist in deutscher Schreibweise ${comma(p('de'))}, in englischer ${comma(p('en'))}`,
  },
  'value.numberOtherNotation': {
    en: (p) => `"${p('value')}" is written in ${NOTATION_EN[p('written')] ?? p('written')} notation, the column in ${NOTATION_EN[p('column')] ?? p('column')}`,
    de: (p) =>
      `„${p('value')}“ ist in ${NOTATION_DE[p('written')] ?? p('written')} Schreibweise geschrieben, die Spalte in ${NOTATION_DE[p('column')] ?? p('column')}`,
  },
  'value.notCalendarDate': { en: (p) => `"${p('value')}" is not a date in the calendar`, de: (p) => `„${p('value')}“ ist kein Datum im Kalender` },
  'value.notDate': { en: () => 'not a date', de: () => 'kein Datum' },
  'value.numberNotDate': {
    en: () => 'a number, not a date (format the column as a date in Excel)',
    de: () => 'eine Zahl, kein Datum (die Spalte in Excel als Datum formatieren)',
  },
  'value.twoDigitYear': {
    en: (p) => `"${p('value')}" has a two-digit year: 19${p('year')} or 20${p('year')}`,
    de: (p) => `„${p('value')}“ hat eine zweistellige Jahreszahl: 19${p('year')} oder 20${p('year')}`,
  },
  'value.dayOrMonthFirst': {
    en: (p) => `"${p('value')}" is ${p('dayFirst')} read day-first and ${p('monthFirst')} read month-first`,
    de: (p) => `„${p('value')}“ ist ${p('dayFirst')}, wenn der Tag zuerst steht, und ${p('monthFirst')}, wenn der Monat zuerst steht`,
  },
  'value.notDateText': {
    en: (p) => `"${p('value')}" is not a date (write 31.12.2025 or 2025-12-31)`,
    de: (p) => `„${p('value')}“ ist kein Datum (31.12.2025 oder 2025-12-31 schreiben)`,
  },
  'value.lastNameRequired': { en: () => 'the CRM needs a last name for every contact', de: () => 'das CRM braucht für jeden Kontakt einen Nachnamen' },
  'consent.unreadable': {
    en: (p) => `"${p('value')}" is neither a consent (ja, yes, x) nor a withdrawal, an objection or "nein"`,
    de: (p) => `„${p('value')}“ ist weder eine Einwilligung (ja, yes, x) noch ein Widerruf, ein Widerspruch oder „nein“`,
  },
  'consent.needsEmail': {
    en: () => 'an email consent needs the email address it is for',
    de: () => 'eine E-Mail-Einwilligung braucht die E-Mail-Adresse, für die sie gilt',
  },
  'consent.needsSource': {
    en: () => 'a consent is imported only with its source (where and how it was given)',
    de: () => 'eine Einwilligung wird nur mit ihrer Quelle importiert (wo und wie sie erteilt wurde)',
  },
  'consent.needsDate': {
    en: () => 'a consent is imported only with the date it was given',
    de: () => 'eine Einwilligung wird nur mit dem Datum importiert, an dem sie erteilt wurde',
  },
  'decision.chosen': { en: () => 'chosen in the preview', de: () => 'in der Vorschau gewählt' },
  // What the commit did with a row
  'outcome.newContact': { en: () => 'a new contact', de: () => 'ein neuer Kontakt' },
  'outcome.nothingNewForAccount': {
    en: (p) => `nothing new for the account${kept(p, 'en')}`,
    de: (p) => `nichts Neues für die Firma${kept(p, 'de')}`,
  },
  'outcome.nothingNewForContact': {
    en: (p) => `nothing new for the contact${kept(p, 'en')}`,
    de: (p) => `nichts Neues für den Kontakt${kept(p, 'de')}`,
  },
  'outcome.samePersonAsRow': { en: (p) => `the same person as row ${p('row')}`, de: (p) => `dieselbe Person wie Zeile ${p('row')}` },
  'outcome.accountFilled': {
    en: (p) => `filled ${labels(p('fields'), 'en', p)}${kept(p, 'en')}`,
    de: (p) => `ergänzt: ${labels(p('fields'), 'de', p)}${kept(p, 'de')}`,
  },
  'outcome.contactFilled': {
    en: (p) => `added ${labels(p('fields'), 'en', p)}${kept(p, 'en')}`,
    de: (p) => `ergänzt: ${labels(p('fields'), 'de', p)}${kept(p, 'de')}`,
  },
  'outcome.domainLeftOut': {
    en: (p) => `${p('detail')}; the domain ${p('domain')} belongs to another account and was left out`,
    de: (p) => `${p('detail')}; die Domain ${p('domain')} gehört einer anderen Firma und wurde weggelassen`,
  },
  'outcome.sameCompanyNotImported': {
    en: (p) => `row ${p('row')}, the same company, was not imported`,
    de: (p) => `Zeile ${p('row')}, dieselbe Firma, wurde nicht importiert`,
  },
  'outcome.accountGone': {
    en: () => 'the account the row matched no longer exists',
    de: () => 'die Firma, der die Zeile zugeordnet war, gibt es nicht mehr',
  },
  'outcome.contactGone': {
    en: () => 'the contact the row matched no longer exists',
    de: () => 'den Kontakt, dem die Zeile zugeordnet war, gibt es nicht mehr',
  },
  'outcome.accountChangedMeanwhile': {
    en: () => 'the account was changed at the same moment; import the row again',
    de: () => 'die Firma wurde im selben Moment geändert; die Zeile erneut importieren',
  },
  'outcome.contactChangedMeanwhile': {
    en: () => 'the contact was changed at the same moment; import the row again',
    de: () => 'der Kontakt wurde im selben Moment geändert; die Zeile erneut importieren',
  },
  'outcome.emailTakenSince': {
    en: () => 'the email address belongs to another contact by now',
    de: () => 'die E-Mail-Adresse gehört inzwischen einem anderen Kontakt',
  },
  // The CRM's own refusal: English quotes the DomainError's message; German words the refusal's code (refusals.ts), and
  // outcomes stored before it had one quote the message.
  'outcome.notImported': {
    en: (p) => `not imported: ${p('message')}`,
    de: (p) => `nicht importiert: ${p('refusal') || p('message')}`,
  },
  'refusal.erased': {
    en: () => 'the address belongs to a person whose data was erased at their request (GDPR Art. 17)',
    de: () => 'die Adresse gehört einer Person, deren Daten auf ihren Wunsch gelöscht wurden (DSGVO Art. 17), und darf nicht wieder gespeichert werden',
  },
  'refusal.restricted': {
    en: () => 'processing of this person is restricted (GDPR Art. 18)',
    de: () => 'die Verarbeitung dieser Person ist eingeschränkt (DSGVO Art. 18): der Datensatz ist schreibgeschützt, bis die Einschränkung aufgehoben ist',
  },
  'refusal.emailTaken': {
    en: () => 'an email address belongs to another contact',
    de: () => 'eine der E-Mail-Adressen gehört schon einem anderen Kontakt',
  },
  'refusal.domainTaken': { en: () => 'a domain belongs to another account', de: () => 'eine der Domains gehört schon einer anderen Firma' },
  'refusal.changedMeanwhile': {
    en: () => 'the record was changed by someone else in the meantime',
    de: () => 'der Datensatz wurde inzwischen von jemand anderem geändert',
  },
  'refusal.notFound': { en: () => 'the record does not exist (any more)', de: () => 'den Datensatz gibt es nicht (mehr)' },
  'refusal.invalid': {
    en: (p) => (p('field') ? `the CRM refuses the value of ${p('field')}` : 'the CRM refuses a value'),
    de: (p) => (p('field') ? `das CRM lehnt den Wert von ${p('field')} ab` : 'das CRM lehnt einen Wert ab'),
  },
  'refusal.other': { en: () => 'the CRM refused the record', de: () => 'das CRM hat den Datensatz abgelehnt' },
  // What the commit did with a consent column
  'consent.notOverridden': {
    en: (p) => `not recorded: the person ${p('status') === 'withdrawn' ? 'withdrew' : 'objected to'} email marketing, and an import never overrides that`,
    de: (p) =>
      `nicht erfasst: die Person hat ${p('status') === 'withdrawn' ? 'ihre Einwilligung in E-Mail-Werbung widerrufen' : 'der E-Mail-Werbung widersprochen'}, und ein Import setzt sich nie darüber hinweg`,
  },
  'consent.contactNotImported': { en: () => 'not recorded: the contact was not imported', de: () => 'nicht erfasst: der Kontakt wurde nicht importiert' },
  'consent.alreadyRecorded': { en: () => 'already in the consent ledger', de: () => 'steht schon im Einwilligungsprotokoll' },
  'consent.recorded': {
    en: (p) => `recorded: ${p('action')}, source "${p('source')}", ${p('date')}`,
    de: (p) => `erfasst: ${CONSENT_ACTION_DE[p('action')] ?? p('action')}, Quelle „${p('source')}“, ${germanDate(p('date'))}`,
  },
  // Revenue lists
  'revenue.yearInvalid': {
    en: (p) => `"${p('value')}" is not a year (write 2025)`,
    de: (p) => `„${p('value')}“ ist kein Jahr (2025 schreiben)`,
  },
  'revenue.periodMissing': {
    en: () => 'the row has no period (a year or a month)',
    de: () => 'die Zeile hat keinen Zeitraum (ein Jahr oder einen Monat)',
  },
  'revenue.monthNeedsYear': {
    en: (p) => `the month "${p('value')}" needs its year (a Jahr / Year column, or write 03/2025)`,
    de: (p) => `der Monat „${p('value')}“ braucht sein Jahr (eine Spalte Jahr, oder 03/2025 schreiben)`,
  },
  'revenue.periodAmbiguous': {
    en: (p) => `the period "${p('value')}" is not clear: ${p('detail')}`,
    de: (p) => `der Zeitraum „${p('value')}“ ist nicht eindeutig: ${p('detail')}`,
  },
  'revenue.periodInvalid': {
    en: (p) => `"${p('value')}" is not a period (write 2025, 2025-03, 03/2025, März 2025 or 31.03.2025)`,
    de: (p) => `„${p('value')}“ ist kein Zeitraum (2025, 2025-03, 03/2025, März 2025 oder 31.03.2025 schreiben)`,
  },
  'revenue.yearDiffers': {
    en: (p) => `the period "${p('value')}" is not in the year ${p('year')} of the year column`,
    de: (p) => `der Zeitraum „${p('value')}“ liegt nicht im Jahr ${p('year')} der Spalte Jahr`,
  },
  'revenue.amountMissing': { en: () => 'the row has no revenue', de: () => 'die Zeile hat keinen Umsatz' },
  'revenue.negative': {
    en: (p) => `the revenue "${p('value')}" is negative; write credit notes into the period's revenue`,
    de: (p) => `der Umsatz „${p('value')}“ ist negativ; Gutschriften in den Umsatz des Zeitraums einrechnen`,
  },
  'revenue.negativeCost': { en: (p) => `the cost "${p('value')}" is negative`, de: (p) => `die Kosten „${p('value')}“ sind negativ` },
  'revenue.tooPrecise': {
    en: (p) => `"${p('value')}" has more than two decimal places or twelve digits`,
    de: (p) => `„${p('value')}“ hat mehr als zwei Nachkommastellen oder zwölf Stellen`,
  },
  'revenue.otherCurrency': {
    en: (p) => `the currency ${p('currency')} is not the CRM's currency ${p('tenantCurrency')}; convert the figures first`,
    de: (p) => `die Währung ${p('currency')} ist nicht die Währung des CRM (${p('tenantCurrency')}); die Beträge zuerst umrechnen`,
  },
  'revenue.noAccountKey': {
    en: () => 'no customer number or company name to find the account by',
    de: () => 'keine Kundennummer und kein Firmenname, um die Firma zu finden',
  },
  'revenue.accountUnknown': {
    en: (p) => `no account in the CRM is "${p('key')}"; a revenue row never creates an account (import the account first)`,
    de: (p) => `keine Firma im CRM ist „${p('key')}“; eine Umsatzzeile legt nie eine Firma an (die Firma zuerst importieren)`,
  },
  'revenue.accountUnclear': {
    en: (p) => `not clear which account "${p('key')}" is (${p('detail')}); write its customer number`,
    de: (p) => `nicht eindeutig, welche Firma „${p('key')}“ ist (${p('detail')}); ihre Kundennummer angeben`,
  },
  'revenue.sameAsRow': {
    en: (p) => `the same account and period (${p('period')}) as row ${p('row')}; rows are not added up`,
    de: (p) => `dieselbe Firma und derselbe Zeitraum (${germanPeriod(p('period'))}) wie Zeile ${p('row')}; Zeilen werden nicht addiert`,
  },
  'revenue.newPeriod': {
    en: (p) => `${p('period')} for ${p('account')}: revenue ${p('revenue')}`,
    de: (p) => `${germanPeriod(p('period'))} für ${p('account')}: Umsatz ${germanAmount(p('revenue'))}`,
  },
  'revenue.sameFigures': {
    en: (p) => `${p('period')} for ${p('account')} is stored with the same figures`,
    de: (p) => `${germanPeriod(p('period'))} für ${p('account')} ist mit denselben Zahlen gespeichert`,
  },
  'revenue.periodStored': {
    en: (p) =>
      `${p('period')} for ${p('account')} is stored: revenue ${p('oldRevenue')} -> ${p('revenue')}${p('cost') ? `, cost ${p('oldCost') || 'none'} -> ${p('cost')}` : ''}`,
    de: (p) =>
      `${germanPeriod(p('period'))} für ${p('account')} ist gespeichert: Umsatz ${germanAmount(p('oldRevenue'))} -> ${germanAmount(p('revenue'))}${p('cost') ? `, Kosten ${p('oldCost') ? germanAmount(p('oldCost')) : 'keine'} -> ${germanAmount(p('cost'))}` : ''}`,
  },
  'outcome.revenueCreated': { en: () => 'the period was added', de: () => 'der Zeitraum wurde angelegt' },
  'outcome.revenueUpdated': { en: () => 'the figures were replaced', de: () => 'die Zahlen wurden ersetzt' },
  'outcome.revenueUnchanged': { en: () => 'the CRM has these figures already', de: () => 'das CRM hat diese Zahlen schon' },
  'outcome.revenueAccountGone': {
    en: () => 'the account was deleted since the preview',
    de: () => 'die Firma wurde seit der Vorschau gelöscht',
  },
  // Opportunity lists
  'opportunity.noAccountKey': {
    en: () => 'no customer number or company name to find the account by',
    de: () => 'keine Kundennummer und kein Firmenname, um die Firma zu finden',
  },
  'opportunity.accountUnknown': {
    en: (p) => `no account in the CRM is "${p('key')}"; an opportunity row never creates an account (import the account first)`,
    de: (p) => `keine Firma im CRM ist „${p('key')}“; eine Zeile mit Verkaufschancen legt nie eine Firma an (die Firma zuerst importieren)`,
  },
  'opportunity.accountUnclear': {
    en: (p) => `not clear which account "${p('key')}" is (${p('detail')}); write its customer number`,
    de: (p) => `nicht eindeutig, welche Firma „${p('key')}“ ist (${p('detail')}); ihre Kundennummer angeben`,
  },
  'opportunity.nameMissing': { en: () => 'the row has no opportunity name', de: () => 'die Zeile hat keinen Namen der Verkaufschance' },
  'opportunity.nameTooLong': { en: () => 'the name is longer than 200 characters', de: () => 'der Name ist länger als 200 Zeichen' },
  'opportunity.productLineTooLong': { en: () => 'the product line is longer than 100 characters', de: () => 'die Produktlinie ist länger als 100 Zeichen' },
  'opportunity.stageUnknown': {
    en: (p) => `"${p('value')}" is no stage of the CRM (${p('stages')}, won, lost)`,
    de: (p) => `„${p('value')}“ ist keine Phase des CRM (${p('stages')}, gewonnen, verloren)`,
  },
  'opportunity.amountNegative': { en: (p) => `the amount "${p('value')}" is negative`, de: (p) => `der Betrag „${p('value')}“ ist negativ` },
  'opportunity.ownerNotEmail': {
    en: (p) => `"${p('value')}" is not an email address; name the owner by the address they sign in with`,
    de: (p) => `„${p('value')}“ ist keine E-Mail-Adresse; den Verantwortlichen mit der Adresse angeben, mit der er sich anmeldet`,
  },
  'opportunity.ownerUnknown': {
    en: (p) => `no user of the CRM has the address ${p('value')}`,
    de: (p) => `kein Benutzer des CRM hat die Adresse ${p('value')}`,
  },
  'opportunity.currencyInvalid': {
    en: (p) => `"${p('value')}" is not a currency code (EUR, CHF, USD, ...)`,
    de: (p) => `„${p('value')}“ ist kein Währungscode (EUR, CHF, USD, ...)`,
  },
  'opportunity.sameAsRow': {
    en: (p) => `the same account and opportunity "${p('name')}" as row ${p('row')}`,
    de: (p) => `dieselbe Firma und Verkaufschance „${p('name')}“ wie Zeile ${p('row')}`,
  },
  'opportunity.nameInMany': {
    en: (p) => `${p('count')} opportunities of ${p('account')} are called "${p('name')}"; rename them in the CRM first`,
    de: (p) => `${p('count')} Verkaufschancen von ${p('account')} heißen „${p('name')}“; sie zuerst im CRM umbenennen`,
  },
  'opportunity.numberTooLong': {
    en: (p) => `the number "${p('value')}..." is longer than 100 characters`,
    de: (p) => `die Nummer „${p('value')}...“ ist länger als 100 Zeichen`,
  },
  'opportunity.sameNumberAsRow': {
    en: (p) => `the same number ${p('number')} as row ${p('row')}`,
    de: (p) => `dieselbe Nummer ${p('number')} wie Zeile ${p('row')}`,
  },
  'opportunity.numberOtherAccount': {
    en: (p) => `the opportunity with number ${p('number')} ("${p('name')}") belongs to another account; correct the number or the account`,
    de: (p) => `die Verkaufschance mit der Nummer ${p('number')} („${p('name')}“) gehört zu einer anderen Firma; die Nummer oder die Firma korrigieren`,
  },
  'opportunity.stageName': { en: (p) => `"${p('en')}"`, de: (p) => `„${p('de')}“` },
  'opportunity.new': {
    en: (p) => `a new opportunity "${p('name')}" for ${p('account')}: stage ${p('stage')}, amount ${p('amount')}${p('status') ? `, ${p('status')}` : ''}`,
    de: (p) =>
      `eine neue Verkaufschance „${p('name')}“ für ${p('account')}: Phase ${p('stage')}, Betrag ${germanAmount(p('amount'))}${p('status') ? `, ${STATUS_DE[p('status')] ?? p('status')}` : ''}`,
  },
  'opportunity.same': {
    en: (p) => `the opportunity "${p('name')}" of ${p('account')} has these values already`,
    de: (p) => `die Verkaufschance „${p('name')}“ von ${p('account')} hat diese Werte schon`,
  },
  'opportunity.changes': {
    en: (p) =>
      `the opportunity "${p('name')}" of ${p('account')} changes: ${changeList(p, [
        ['name', 'name', (v) => `"${v}"`],
        ['number', 'number', (v) => v],
        ['stage', 'stage', (v) => v],
        ['status', 'status', (v) => v],
        ['amount', 'amount', (v) => v],
        ['currency', 'currency', (v) => v],
        ['close', 'close date', (v) => v],
        ['owner', 'owner', (v) => v],
        ['productLine', 'product line', (v) => v],
      ])}`,
    de: (p) =>
      `die Verkaufschance „${p('name')}“ von ${p('account')} ändert sich: ${changeList(p, [
        ['name', 'Name', (v) => `„${v}“`],
        ['number', 'Nummer', (v) => v],
        ['stage', 'Phase', (v) => v],
        ['status', 'Status', (v) => STATUS_DE[v] ?? v],
        ['amount', 'Betrag', (v) => germanAmount(v)],
        ['currency', 'Währung', (v) => v],
        ['close', 'Abschlussdatum', (v) => germanDate(v)],
        ['owner', 'Verantwortlich', (v) => v],
        ['productLine', 'Produktlinie', (v) => v],
      ])}`,
  },
  'outcome.opportunityCreated': { en: () => 'the opportunity was created', de: () => 'die Verkaufschance wurde angelegt' },
  'outcome.opportunityUpdated': { en: (p) => `changed ${p('fields')}`, de: (p) => `geändert: ${fieldsDe(p('fields'))}` },
  'outcome.opportunityUnchanged': { en: () => 'the CRM has these values already', de: () => 'das CRM hat diese Werte schon' },
  'outcome.accountGoneOrNumberTaken': {
    en: (p) => `the account was deleted, or another opportunity took the number ${p('number')}, since the preview`,
    de: (p) => `die Firma wurde seit der Vorschau gelöscht, oder eine andere Verkaufschance hat inzwischen die Nummer ${p('number')}`,
  },
  'outcome.opportunityChangedSince': {
    en: () => 'the opportunity was changed or deleted since the preview; import the list again',
    de: () => 'die Verkaufschance wurde seit der Vorschau geändert oder gelöscht; die Liste erneut importieren',
  },
  // What was detected in a file
  'format.csv': { en: () => 'CSV: the file is text', de: () => 'CSV: die Datei ist Text' },
  'format.xlsx': {
    en: () => 'XLSX: the file is a ZIP archive (as XLSX workbooks are)',
    de: () => 'XLSX: die Datei ist ein ZIP-Archiv (wie XLSX-Arbeitsmappen)',
  },
  'format.encodingChosen': { en: (p) => `Encoding ${p('encoding')}: chosen by the user`, de: (p) => `Zeichensatz ${p('encoding')}: von Ihnen gewählt` },
  'format.utf8Bom': {
    en: (p) => `Encoding ${p('encoding')}: UTF-8 byte-order mark at the start`,
    de: (p) => `Zeichensatz ${p('encoding')}: UTF-8-Byte-Order-Mark am Anfang`,
  },
  'format.utf16le': {
    en: (p) => `Encoding ${p('encoding')}: UTF-16 little-endian byte-order mark at the start`,
    de: (p) => `Zeichensatz ${p('encoding')}: UTF-16-Little-Endian-Byte-Order-Mark am Anfang`,
  },
  'format.utf16be': {
    en: (p) => `Encoding ${p('encoding')}: UTF-16 big-endian byte-order mark at the start`,
    de: (p) => `Zeichensatz ${p('encoding')}: UTF-16-Big-Endian-Byte-Order-Mark am Anfang`,
  },
  'format.ascii': { en: (p) => `Encoding ${p('encoding')}: only ASCII characters`, de: (p) => `Zeichensatz ${p('encoding')}: nur ASCII-Zeichen` },
  'format.utf8': {
    en: (p) => `Encoding ${p('encoding')}: valid UTF-8 without byte-order mark`,
    de: (p) => `Zeichensatz ${p('encoding')}: gültiges UTF-8 ohne Byte-Order-Mark`,
  },
  'format.windows1252': {
    en: (p) => `Encoding ${p('encoding')}: not valid UTF-8, read as Windows-1252 (Excel "CSV (Trennzeichen-getrennt)")`,
    de: (p) => `Zeichensatz ${p('encoding')}: kein gültiges UTF-8, als Windows-1252 gelesen (Excel „CSV (Trennzeichen-getrennt)“)`,
  },
  'format.separatorChosen': { en: () => 'Separator chosen by the user', de: () => 'Trennzeichen von Ihnen gewählt' },
  'format.separatorSplits': {
    en: (p) => `Separator ${p('separator')}: it splits each of the first ${p('lines')} lines into ${p('columns')} columns`,
    de: (p) => `Trennzeichen ${SEPARATOR_DE[p('separator')] ?? p('separator')}: es teilt jede der ersten ${p('lines')} Zeilen in ${p('columns')} Spalten`,
  },
  'format.separatorMostFrequent': {
    en: (p) => `Separator ${p('separator')}: it is the most frequent separator, though lines differ in their number of columns`,
    de: (p) => `Trennzeichen ${SEPARATOR_DE[p('separator')] ?? p('separator')}: das häufigste Trennzeichen, obwohl die Zeilen verschieden viele Spalten haben`,
  },
  'format.separatorNone': {
    en: () => 'Separator semicolon: no separator found (one column), so the one German Excel writes',
    de: () => 'Trennzeichen Semikolon: kein Trennzeichen gefunden (eine Spalte), also das, das deutsches Excel schreibt',
  },
  'format.sheetChosen': { en: (p) => `Sheet "${p('sheet')}": chosen by the user`, de: (p) => `Tabellenblatt „${p('sheet')}“: von Ihnen gewählt` },
  'format.sheetFirst': {
    en: (p) => `Sheet "${p('sheet')}": the first visible sheet with data, of ${p('count')}`,
    de: (p) => `Tabellenblatt „${p('sheet')}“: das erste sichtbare Blatt mit Daten, von ${p('count')}`,
  },
  // What an undo leaves alone, and why
  'undo.deletedSince': { en: () => 'deleted since the import', de: () => 'seit dem Import gelöscht' },
  'undo.editedSince': { en: () => 'edited since the import', de: () => 'seit dem Import bearbeitet' },
  'undo.has': { en: (p) => `has ${p('use')}`, de: (p) => `hat ${USE_DE[p('use')] ?? p('use')}` },
  'undo.restricted': {
    en: () => 'processing of this person is restricted (GDPR Art. 18)',
    de: () => 'die Verarbeitung dieser Person ist eingeschränkt (DSGVO Art. 18)',
  },
  'undo.contactLeftAlone': { en: () => 'its contact was left alone', de: () => 'ihr Kontakt blieb unangetastet' },
  'undo.figuresChanged': {
    en: () => 'its figures were changed since the import',
    de: () => 'seine Zahlen wurden seit dem Import geändert',
  },
} satisfies Record<string, Record<ReasonLanguage, Text>>;

export type ReasonCode = keyof typeof TEXTS;
export const REASON_CODES = Object.keys(TEXTS) as ReasonCode[];

/** A reason as decisions store it: the English text (what rows held before the codes), the code and its parameters. */
export interface Reason {
  reason: string;
  reasonCode: ReasonCode;
  reasonParams: ReasonParams;
}

/** The reason with the code and parameters given, its `reason` in English. Nested reasons keep their code only. */
export function because(code: ReasonCode, params: Record<string, ReasonParam | Reason | null> = {}): Reason {
  const stored: ReasonParams = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === null) continue;
    stored[name] = typeof value === 'object' && 'reasonCode' in value ? { code: value.reasonCode, params: value.reasonParams } : value;
  }
  return { reason: renderCode(code, stored, 'en'), reasonCode: code, reasonParams: stored };
}

const isCode = (code: string): code is ReasonCode => Object.hasOwn(TEXTS, code);

function renderCode(code: ReasonCode, params: ReasonParams, lang: ReasonLanguage): string {
  const param: Param = (name) => {
    const value = params[name];
    if (value === undefined) return '';
    if (typeof value !== 'object') return String(value);
    return isCode(value.code) ? renderCode(value.code, value.params, lang) : '';
  };
  return (TEXTS[code][lang] as Text)(param);
}

/**
 * The text of a stored reason in the language asked for. A part without a code (stored before the codes, or a text no
 * code covers yet) keeps its English text.
 */
export function renderReason(part: { reason: string; reasonCode?: string | null; reasonParams?: unknown }, lang: ReasonLanguage): string {
  if (!part.reasonCode || !isCode(part.reasonCode)) return part.reason;
  const params = part.reasonParams && typeof part.reasonParams === 'object' ? (part.reasonParams as ReasonParams) : {};
  return renderCode(part.reasonCode, params, lang);
}

/** The same part with `reason` rendered in the language asked for; code and parameters stay as stored. */
export const localized = <T extends { reason: string; reasonCode?: string | null; reasonParams?: unknown }>(part: T, lang: ReasonLanguage): T =>
  lang === 'en' && !part.reasonCode ? part : { ...part, reason: renderReason(part, lang) };

/** A reason with a code, or one whose text no code covers yet (a value the parser or the contract refused). */
export type Why = { reason: string; reasonCode?: ReasonCode; reasonParams?: ReasonParams };

/** Only the reason of a comparison or a parse result, without its other fields. */
export const whyOf = ({ reason, reasonCode, reasonParams }: Why): Why => ({ reason, reasonCode, reasonParams });
