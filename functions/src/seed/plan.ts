// Plans accounts and their contacts: deterministic, unique names and domains, emails at the account's domain.
import { CITIES, COMPANY_STEMS, FIRST_NAMES, JOB_TITLES, LAST_NAMES, LEGAL_FORMS, SPECIALTIES } from './catalog';
import type { Random } from './random';

export interface SeedUser {
  id: string;
  oid: string;
  displayName: string;
  email: string;
  roles: string[];
}

export interface PlannedContact {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  jobTitle: string;
  buyingRole: string;
  ownerId: string;
  language: 'de' | 'en';
  phone: string;
}

export interface PlannedAccount {
  id: string;
  name: string;
  domains: string[];
  industry: string;
  segment: string;
  rating: 'A' | 'B' | 'C';
  ownerId: string;
  parentId: string | null;
  address: { street: string; postalCode: string; city: string; country: string };
  customFields: Record<string, string | number>;
  /** No interaction in the last months: shows up as a sleeping customer. */
  sleeping: boolean;
  contacts: PlannedContact[];
}

/** Overrides for the first accounts and their first contacts, for the demo's well-known examples. */
export interface FixedAccount {
  name: string;
  domain: string;
  ownerIndex?: number;
  rating?: 'A' | 'B' | 'C';
  sleeping?: boolean;
  contacts?: Array<{ firstName: string; lastName: string; email: string; jobTitle: string; buyingRole: string; language: 'de' | 'en' }>;
}

export const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[^a-z0-9]+/g, '');

const COMBINATIONS = COMPANY_STEMS.length * SPECIALTIES.length;

/** Index i maps to a distinct stem and specialty for the first 480 accounts (5 is coprime to 12). */
function companyOf(i: number) {
  const c = i % COMBINATIONS;
  const stem = COMPANY_STEMS[c % COMPANY_STEMS.length]!;
  const specialty = SPECIALTIES[(7 * c + Math.floor(c / COMPANY_STEMS.length)) % SPECIALTIES.length]!;
  const series = Math.floor(i / COMBINATIONS);
  return { stem, specialty, series };
}

export function planAccounts(
  random: Random,
  options: { count: number; contacts: number; users: readonly SeedUser[]; fixed?: readonly FixedAccount[] },
): PlannedAccount[] {
  const owners = options.users.filter((u) => !u.roles.includes('CRM.Reader'));
  const accounts: PlannedAccount[] = [];
  for (let i = 0; i < options.count; i++) {
    const fixed = options.fixed?.[i];
    const { stem, specialty, series } = companyOf(i);
    const place = random.chance(0.65) ? CITIES[random.int(0, 9)]! : random.pick(CITIES);
    const legal = random.pick(LEGAL_FORMS[place.country] ?? ['GmbH']);
    const suffix = series > 0 ? ` ${series + 1}` : '';
    const name = fixed?.name ?? `${stem} ${specialty.name}${suffix} ${legal}`;
    const domain = fixed?.domain ?? `${slug(stem)}-${specialty.slug}${series > 0 ? series + 1 : ''}.${place.tld}`;
    const domains = fixed || !random.chance(0.25) ? [domain] : [domain, `${slug(stem)}-${specialty.slug}${series > 0 ? series + 1 : ''}-group.com`];
    const roll = random.next();
    accounts.push({
      id: random.uuid(),
      name,
      domains,
      industry: specialty.industry,
      segment: roll < 0.15 ? 'Konzern' : roll < 0.8 ? 'Mittelstand' : 'Kleinunternehmen',
      rating: fixed?.rating ?? (roll < 0.1 ? 'A' : roll < 0.3 ? 'B' : 'C'),
      ownerId: fixed?.ownerIndex !== undefined ? options.users[fixed.ownerIndex]!.id : owners[i % owners.length]!.id,
      parentId: i > 10 && random.chance(0.05) ? accounts[random.int(0, 9)]!.id : null,
      address: {
        street: `${random.pick(['Industriestraße', 'Hauptstraße', 'Am Hafen', 'Gewerbering', 'Rue de la République'])} ${random.int(1, 120)}`,
        postalCode: place.postalCode,
        city: place.city,
        country: place.country,
      },
      customFields: { customerNumber: `K-${100000 + i}`, employees: random.pick([45, 120, 250, 480, 900, 2400]) },
      sleeping: fixed?.sleeping ?? false,
      contacts: [],
    });
  }
  planContacts(random, accounts, options.contacts, options.fixed ?? []);
  return accounts;
}

function planContacts(random: Random, accounts: PlannedAccount[], count: number, fixed: readonly FixedAccount[]): void {
  const taken = new Set<string>();
  const add = (
    account: PlannedAccount,
    person: { firstName: string; lastName: string; email: string; jobTitle: string; buyingRole: string; language: 'de' | 'en' },
  ) => {
    taken.add(person.email);
    account.contacts.push({
      id: random.uuid(),
      accountId: account.id,
      ...person,
      emails: [person.email],
      ownerId: account.ownerId,
      phone: `+49 ${random.int(30, 991)} ${random.int(100000, 9999999)}`,
    });
  };
  fixed.forEach((f, i) => f.contacts?.forEach((person) => add(accounts[i]!, person)));
  const placed = accounts.reduce((sum, a) => sum + a.contacts.length, 0);
  for (let j = placed; j < count; j++) {
    const account = accounts[j % accounts.length]!;
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const job = random.pick(JOB_TITLES);
    const local = `${slug(firstName)}.${slug(lastName)}`;
    const domain = account.domains[0]!;
    let email = `${local}@${domain}`;
    for (let n = 2; taken.has(email); n++) email = `${local}${n}@${domain}`;
    const german = !/\.(fr|it|nl|cz|pl)$/.test(domain);
    add(account, { firstName, lastName, email, jobTitle: job.title, buyingRole: job.role, language: german ? 'de' : 'en' });
  }
}
