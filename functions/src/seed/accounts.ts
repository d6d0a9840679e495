// Plans the accounts of a tenant: unique names and domains, place, size, ABC rating by revenue rank, owner, parent.
import { COMPANY_STEMS, COUNTRIES, PAYMENT_TERMS, SPECIALTIES, countryByCode, type City, type Country } from './catalog-companies';
import type { IdSource } from './ids';
import { weightedChoice } from './picker';
import { entityRandom, hash32, type Random } from './random';
import { DAY, slug } from './text';
import { writersOf, type FixedAccount, type FixedContact, type TenantSpec } from './tenant-spec';

export interface PlannedAccount {
  index: number;
  id: string;
  name: string;
  domains: string[];
  industry: string;
  segment: string;
  rating: 'A' | 'B' | 'C';
  ownerId: string;
  parentId: string | null;
  country: Country;
  city: City;
  street: string;
  customFields: Record<string, string | number>;
  /** No interaction in the last 130 days or more: shows up as a sleeping customer. */
  sleeping: boolean;
  createdAt: Date;
  /** Where this account's people start in the name pool, so accounts don't all have the same names. */
  nameSeed: number;
  fixedContacts: readonly FixedContact[];
}

const pickCountry = weightedChoice(COUNTRIES.map((c) => [c, c.weight] as const));
const logUniform = (random: Random, min: number, max: number) => Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min)));

/**
 * Company name parts for combination c and series s. Each (c, s) gives a different stem pair and
 * specialty, so names and domains are unique without remembering which were used. Neighbouring c
 * differ in stem and specialty; (c -> stem, specialty) is one-to-one because stems + 1 and the
 * number of specialties are coprime.
 */
function companyName(c: number, series: number, country: Country) {
  const stems = COMPANY_STEMS.length;
  const stemIndex = c % stems;
  const specialty = SPECIALTIES[(c + Math.floor(c / stems)) % SPECIALTIES.length]!;
  const german = country.language === 'de';
  const parts = [COMPANY_STEMS[stemIndex]!];
  let suffix = '';
  if (series > 0) {
    const k = series - 1;
    parts.push(COMPANY_STEMS[(stemIndex + 1 + (k % (stems - 1))) % stems]!);
    const round = Math.floor(k / (stems - 1));
    if (round > 0) suffix = ` ${round + 1}`;
  }
  return {
    name: `${parts.join(' & ')} ${german ? specialty.de : specialty.en}${suffix}`,
    base: [...parts.map(slug), german ? specialty.slugDe : specialty.slugEn].join('-') + (suffix ? slug(suffix) : ''),
    industry: specialty.industry,
  };
}

const COMBINATIONS = COMPANY_STEMS.length * SPECIALTIES.length;

export function planAccounts(spec: TenantSpec, ids: IdSource): PlannedAccount[] {
  const random = entityRandom(spec.seed, 'account');
  const fixed = spec.fixedAccounts ?? [];
  // Generated accounts must not look like a fixed one: skip combinations whose domain base a fixed account uses.
  const reserved = new Set(fixed.map((f) => f.domain.replace(/\.[a-z]+$/, '')));
  const owners = writersOf(spec.users);
  const now = spec.now.getTime();
  const accounts: PlannedAccount[] = [];
  const groups: PlannedAccount[] = [];
  let combination = 0;

  for (let i = 0; i < spec.sizes.accounts; i++) {
    const r = random(i);
    const f: FixedAccount | undefined = fixed[i];
    const country = f ? countryByCode(f.country) : pickCountry(r.next());
    const city = (f && country.cities.find((c) => c.city === f.city)) || r.pick(country.cities);
    const legalForm = r.pick(country.legalForms);
    let generated = companyName(combination % COMBINATIONS, Math.floor(combination / COMBINATIONS), country);
    while (!f && reserved.has(generated.base)) {
      combination++;
      generated = companyName(combination % COMBINATIONS, Math.floor(combination / COMBINATIONS), country);
    }
    if (!f) combination++;
    const revenueLastYear = f?.revenueLastYear ?? Math.round(logUniform(r, 5_000, 3_000_000) / 100) * 100;
    // Size follows revenue with us (divided by a spend per employee), so A customers are mostly the big ones.
    const employees = Math.min(50_000, Math.max(10, Math.round(revenueLastYear / logUniform(r, 30, 400) / 10) * 10));
    const domain = f?.domain ?? `${generated.base}.${country.tld}`;
    const parent = !f && groups.length > 0 && r.chance(0.08) ? r.pick(groups) : null;
    const account: PlannedAccount = {
      index: i,
      id: ids.uuid('account', i),
      name: f?.name ?? `${generated.name} ${legalForm}`,
      domains: !f && r.chance(0.2) ? [domain, `${generated.base}.com`] : [domain],
      industry: f?.industry ?? generated.industry,
      segment: employees >= 2000 ? 'Konzern' : employees >= 250 ? 'Mittelstand' : 'Kleinunternehmen',
      rating: 'C',
      ownerId: f ? spec.users[f.ownerIndex]!.id : owners[hash32(spec.seed, 'owner', i) % owners.length]!.id,
      parentId: parent?.id ?? null,
      country,
      city,
      street: `${r.pick(country.streets)} ${r.int(1, 140)}`,
      customFields: {
        customerNumber: `K-${10_000 + i}`,
        employees,
        revenueLastYear,
        paymentTerms: r.pick(PAYMENT_TERMS),
      },
      sleeping: f ? f.sleeping === true : r.chance(0.06),
      createdAt: new Date(now - r.int(760, 1100) * DAY),
      nameSeed: hash32(spec.seed, 'names', i),
      fixedContacts: f?.contacts ?? [],
    };
    accounts.push(account);
    if (account.segment === 'Konzern') groups.push(account);
  }
  rateByRevenue(accounts);
  return accounts;
}

/** ABC analysis as the product defines it: A = top 10 % of customers by revenue, B = next 20 %, C = the rest. */
function rateByRevenue(accounts: PlannedAccount[]): void {
  const ranked = [...accounts].sort((a, b) => Number(b.customFields.revenueLastYear) - Number(a.customFields.revenueLastYear) || a.index - b.index);
  const a = Math.round(accounts.length * 0.1);
  const b = Math.round(accounts.length * 0.3);
  ranked.forEach((account, rank) => (account.rating = rank < a ? 'A' : rank < b ? 'B' : 'C'));
}
