// What a row would write: the account, contact and consent inputs built from its mapped values and checked against the
// same contracts the API checks, so the preview names every value the commit would refuse (field and reason) instead
// of the commit failing halfway. Nothing is guessed: an unknown country or a consent without its source is an error.
import { AccountCreate, ContactCreate, type ConsentAction, type ImportField } from '@crm/common';
import type { z } from 'zod';
import { parseCompanyName } from './company-names';
import { parseEmail } from './person-names';
import { parseDate, parseDecimal, type DateOrder, type NumberStyle } from './values';
import { because, whyOf, type Why } from './reasons';

export type StoredValue = string | number | boolean | null;
export type StoredValues = Partial<Record<ImportField, StoredValue>>;

export interface AccountPlan {
  name: string;
  customerNumber: string | null;
  domain: string | null;
  industry: string | null;
  address: { street: string | null; postalCode: string | null; city: string | null; country: string | null } | null;
  revenue: string | null;
  notes: string | null;
}

export interface ContactPlan {
  firstName: string;
  lastName: string;
  email: string | null;
  phones: { type: 'work' | 'mobile'; number: string }[];
  jobTitle: string | null;
  customFields: Record<string, string>;
}

export interface ConsentPlan {
  action: ConsentAction;
  source: string;
  capturedAt: string;
}

export interface RowPlan {
  account: AccountPlan | null;
  contact: ContactPlan | null;
  consent: ConsentPlan | null;
  /** The first value per part the CRM would refuse. */
  accountError: PlanError | null;
  contactError: PlanError | null;
}

export type PlanError = { field: ImportField } & Why;

export interface ColumnStyles {
  revenue: NumberStyle | null;
  consentDate: DateOrder | null;
}

const text = (value: StoredValue | undefined): string => (value === null || value === undefined ? '' : String(value).trim());
const orNull = (value: string) => (value === '' ? null : value);

// The names lists use for the countries of this product's customers; anything else must be written as its ISO code.
const COUNTRIES: Record<string, string> = {
  deutschland: 'DE',
  germany: 'DE',
  brd: 'DE',
  oesterreich: 'AT',
  österreich: 'AT',
  austria: 'AT',
  schweiz: 'CH',
  switzerland: 'CH',
  niederlande: 'NL',
  netherlands: 'NL',
  frankreich: 'FR',
  france: 'FR',
  italien: 'IT',
  italy: 'IT',
  polen: 'PL',
  poland: 'PL',
  belgien: 'BE',
  belgium: 'BE',
  luxemburg: 'LU',
  luxembourg: 'LU',
  daenemark: 'DK',
  dänemark: 'DK',
  denmark: 'DK',
  spanien: 'ES',
  spain: 'ES',
  tschechien: 'CZ',
  'czech republic': 'CZ',
  'vereinigtes koenigreich': 'GB',
  'vereinigtes königreich': 'GB',
  'united kingdom': 'GB',
  grossbritannien: 'GB',
  großbritannien: 'GB',
  usa: 'US',
  'united states': 'US',
};

function country(value: string): { ok: true; value: string | null } | ({ ok: false } & Why) {
  if (!value) return { ok: true, value: null };
  if (/^[a-z]{2}$/i.test(value)) return { ok: true, value: value.toUpperCase() };
  const code = COUNTRIES[value.toLowerCase()];
  return code ? { ok: true, value: code } : { ok: false, ...because('value.unknownCountry', { value }) };
}

/** "https://www.mueller-gmbh.de/kontakt" -> "mueller-gmbh.de"; null when the cell holds no web address. */
export function websiteDomain(value: string): string | null {
  const host = value
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0];
  return host && /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}

const GRANTED = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr', 'erteilt', 'granted', 'opt in', 'optin', 'double opt in', 'doi']);
const WITHDRAWN = new Set(['widerrufen', 'withdrawn', 'abgemeldet', 'opt out', 'optout', 'unsubscribed']);
const OBJECTED = new Set(['widerspruch', 'widersprochen', 'objected', 'objection']);
const NONE = new Set(['', 'nein', 'n', 'no', '0', 'false', 'falsch', 'keine']);

/** A consent cell: what it records, null for "no" (a missing consent is not a withdrawal), or why it cannot be read. */
function consentAction(value: StoredValue | undefined): { ok: true; action: ConsentAction | null } | ({ ok: false } & Why) {
  if (value === true) return { ok: true, action: 'granted' };
  if (value === false) return { ok: true, action: null };
  const key = text(value).toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  if (GRANTED.has(key)) return { ok: true, action: 'granted' };
  if (WITHDRAWN.has(key)) return { ok: true, action: 'withdrawn' };
  if (OBJECTED.has(key)) return { ok: true, action: 'objected' };
  if (NONE.has(key)) return { ok: true, action: null };
  return { ok: false, ...because('consent.unreadable', { value: text(value) }) };
}

const ACCOUNT_FIELDS: Record<string, ImportField> = {
  name: 'account.name',
  domains: 'account.website',
  industry: 'account.industry',
  'address.street': 'account.street',
  'address.postalCode': 'account.postalCode',
  'address.city': 'account.city',
  'address.country': 'account.country',
};
const CONTACT_FIELDS: Record<string, ImportField> = {
  firstName: 'contact.firstName',
  lastName: 'contact.lastName',
  emails: 'contact.email',
  jobTitle: 'contact.jobTitle',
  'phones.0': 'contact.phone',
  'phones.1': 'contact.mobile',
};

function firstIssue(error: z.ZodError, fields: Record<string, ImportField>, fallback: ImportField): PlanError {
  const issue = error.issues[0]!;
  const path = issue.path.map(String);
  const field = fields[path.join('.')] ?? fields[path.slice(0, 2).join('.')] ?? fields[path[0] ?? ''] ?? fallback;
  return { field, reason: issue.message };
}

/** The contact the row creates, in the API's own input shape (the preview checks it, the commit writes it). */
export const contactInput = (contact: ContactPlan, accountId: string | null) => ({
  firstName: contact.firstName,
  lastName: contact.lastName,
  emails: contact.email ? [contact.email] : [],
  phones: contact.phones,
  jobTitle: contact.jobTitle,
  accountId,
  customFields: contact.customFields,
});

export function planRow(values: StoredValues, hasAccount: boolean, hasContact: boolean, styles: ColumnStyles): RowPlan {
  const plan: RowPlan = { account: null, contact: null, consent: null, accountError: null, contactError: null };
  const notes = orNull(text(values.notes));
  if (hasAccount) {
    const name = parseCompanyName(text(values['account.name']), text(values['account.legalForm']) || null);
    const website = text(values['account.website']);
    const domain = website ? websiteDomain(website) : null;
    const place = country(text(values['account.country']));
    const revenueCell = values['account.revenue'];
    const revenue = revenueCell === null || revenueCell === undefined ? null : parseDecimal(revenueCell, styles.revenue);
    const street = orNull(text(values['account.street']));
    const postalCode = orNull(text(values['account.postalCode']));
    const city = orNull(text(values['account.city']));
    const address = street || postalCode || city || (place.ok && place.value) ? { street, postalCode, city, country: place.ok ? place.value : null } : null;
    // A name with its legal form in another column is stored as the company writes itself: "Müller" + "GmbH" is "Müller GmbH".
    const written = text(values['account.name']);
    const fullName = name.legalForm && !parseCompanyName(written).legalForm ? `${written} ${name.legalForm}` : written;
    const account: AccountPlan = {
      name: fullName,
      customerNumber: orNull(text(values['account.customerNumber'])),
      domain,
      industry: orNull(text(values['account.industry'])),
      address,
      revenue: revenue?.ok ? revenue.value : null,
      notes: hasContact ? null : notes,
    };
    if (website && !domain) plan.accountError = { field: 'account.website', ...because('value.notWebAddress', { value: website }) };
    else if (!place.ok) plan.accountError = { field: 'account.country', ...whyOf(place) };
    else if (revenue && !revenue.ok) plan.accountError = { field: 'account.revenue', ...whyOf(revenue) };
    else if (account.name) {
      const checked = AccountCreate.safeParse({ name: account.name, domains: domain ? [domain] : [], industry: account.industry, address });
      if (!checked.success) plan.accountError = firstIssue(checked.error, ACCOUNT_FIELDS, 'account.name');
    }
    plan.account = account;
  }
  if (hasContact) {
    const emailText = text(values['contact.email']);
    const email = emailText ? parseEmail(emailText) : null;
    const phones = [
      ...(text(values['contact.phone']) ? [{ type: 'work' as const, number: text(values['contact.phone']) }] : []),
      ...(text(values['contact.mobile']) ? [{ type: 'mobile' as const, number: text(values['contact.mobile']) }] : []),
    ];
    const customFields: Record<string, string> = {};
    for (const [key, field] of [
      ['salutation', 'contact.salutation'],
      ['academicTitle', 'contact.academicTitle'],
      ['department', 'contact.department'],
    ] as const) {
      if (text(values[field])) customFields[key] = text(values[field]);
    }
    if (notes) customFields.notes = notes;
    const contact: ContactPlan = {
      firstName: text(values['contact.firstName']),
      lastName: text(values['contact.lastName']),
      email: email?.ok ? email.email : null,
      phones,
      jobTitle: orNull(text(values['contact.jobTitle'])),
      customFields,
    };
    plan.contact = contact;
    if (!contact.lastName) plan.contactError = { field: 'contact.lastName', ...because('value.lastNameRequired') };
    else if (!email || email.ok) {
      const checked = ContactCreate.safeParse(contactInput(contact, null));
      if (!checked.success) plan.contactError = firstIssue(checked.error, CONTACT_FIELDS, 'contact.lastName');
    }
    const consent = consentAction(values['consent.email']);
    if (!consent.ok) plan.contactError ??= { field: 'consent.email', ...whyOf(consent) };
    else if (consent.action) {
      const source = text(values['consent.source']);
      const dateCell = values['consent.date'];
      const date = dateCell === null || dateCell === undefined || text(dateCell) === '' ? null : parseDate(dateCell, styles.consentDate);
      if (!contact.email) plan.contactError ??= { field: 'consent.email', ...because('consent.needsEmail') };
      else if (!source) plan.contactError ??= { field: 'consent.source', ...because('consent.needsSource') };
      else if (!date) plan.contactError ??= { field: 'consent.date', ...because('consent.needsDate') };
      else if (!date.ok) plan.contactError ??= { field: 'consent.date', ...whyOf(date) };
      else plan.consent = { action: consent.action, source: source.slice(0, 200), capturedAt: `${date.value}T00:00:00.000Z` };
    }
  }
  return plan;
}
