// Contacts derived from their index: which account, name, unique email, title, phones. Nothing is kept in memory.
import type { PlannedAccount } from './accounts';
import { DECISION_MAKER_TITLES, JOB_TITLES, NAME_POOLS, type Gender } from './catalog-people';
import { entityRandom, type Random } from './random';
import { DAY, slug } from './text';
import type { IdSource } from './ids';
import type { LedgerEntry, TenantSpec } from './tenant-spec';

export interface PlannedContact {
  index: number;
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: Array<{ type: 'work' | 'mobile'; number: string }>;
  jobTitle: string;
  buyingRole: string;
  ownerId: string;
  communicationPreferences: { language: 'de' | 'en'; preferredChannel?: 'email' | 'phone'; doNotCall?: boolean };
  createdAt: Date;
  /** Set for featured contacts whose consent history is fixed. */
  ledger?: readonly LedgerEntry[];
}

/** Contacts j in [start[a], start[a + 1]) belong to account a. */
export interface ContactLayout {
  start: Int32Array;
}

const CONTACT_WEIGHT = { A: 10, B: 5, C: 2 } as const;

/** Every account gets at least one contact (and room for its fixed ones); bigger customers get more. */
export function layoutContacts(accounts: readonly PlannedAccount[], total: number): ContactLayout {
  const base = accounts.map((a, i) => (total >= accounts.length ? Math.max(1, a.fixedContacts.length) : i < total ? 1 : 0));
  const remaining = total - base.reduce((sum, n) => sum + n, 0);
  if (remaining < 0) throw new Error(`${total} contacts are too few for ${accounts.length} accounts and their fixed contacts`);
  const weightSum = accounts.reduce((sum, a) => sum + CONTACT_WEIGHT[a.rating], 0);
  const start = new Int32Array(accounts.length + 1);
  let cumulative = 0;
  for (let i = 0; i < accounts.length; i++) {
    const before = Math.floor((remaining * cumulative) / weightSum);
    cumulative += CONTACT_WEIGHT[accounts[i]!.rating];
    // Telescoping shares: the counts add up to exactly `total` whatever the rounding.
    start[i + 1] = start[i]! + base[i]! + Math.floor((remaining * cumulative) / weightSum) - before;
  }
  return { start };
}

export const contactCount = (layout: ContactLayout, account: number): number => layout.start[account + 1]! - layout.start[account]!;

export function accountOfContact(layout: ContactLayout, contact: number): number {
  let low = 0;
  let high = layout.start.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (layout.start[mid]! <= contact) low = mid;
    else high = mid - 1;
  }
  return low;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** A step through a list of `size` names that visits every name once per round (a step coprime to size). */
function stride(size: number, seed: number): number {
  let step = 1 + (seed % Math.max(1, size - 1));
  while (gcd(step, size) !== 1) step++;
  return step;
}

/**
 * The m-th person of an account. First and last name step through their pools with per-account
 * offsets and strides, so a pair repeats only after lcm(firsts, lasts) people (the pool sizes are
 * coprime, so that is firsts x lasts); from then on a number keeps emails unique.
 */
export function personAt(account: PlannedAccount, m: number): { firstName: string; lastName: string; gender: Gender; local: string } {
  const fixed = account.fixedContacts[m];
  if (fixed) return { firstName: fixed.firstName, lastName: fixed.lastName, gender: fixed.gender, local: fixed.email.split('@')[0]! };
  const pool = NAME_POOLS[account.country.culture];
  const [firsts, lasts] = [pool.first.length, pool.last.length];
  const cycle = (firsts * lasts) / gcd(firsts, lasts);
  const seed = account.nameSeed;
  const [firstName, gender] = pool.first[(seed + m * stride(firsts, seed >>> 16)) % firsts]!;
  const lastName = pool.last[((seed >>> 8) + m * stride(lasts, seed >>> 24)) % lasts]!;
  const round = Math.floor(m / cycle);
  let local = `${slug(firstName)}.${slug(lastName)}${round > 0 ? round + 1 : ''}`;
  // A generated person may share a featured person's name; the position keeps the address unique.
  if (account.fixedContacts.some((f) => f.email.startsWith(`${local}@`))) local = `${local}.${m}`;
  return { firstName, lastName, gender, local };
}

export const primaryEmailAt = (account: PlannedAccount, m: number): string => `${personAt(account, m).local}@${account.domains[0]}`;

const MOBILE_PREFIXES = ['151', '160', '170', '171', '176'];

function phonesOf(random: Random, account: PlannedAccount): PlannedContact['phones'] {
  const { dial, code } = account.country;
  const phones: PlannedContact['phones'] = [{ type: 'work', number: `${dial} ${account.city.area} ${random.int(100_000, 9_999_999)}` }];
  if (random.chance(0.4)) {
    const mobile =
      code === 'DE'
        ? `${dial} ${random.pick(MOBILE_PREFIXES)} ${random.int(1_000_000, 99_999_999)}`
        : `${dial} ${random.int(600, 799)} ${random.int(100_000, 999_999)}`;
    phones.push({ type: 'mobile', number: mobile });
  }
  return phones;
}

/** The part of the tenant plan that contacts and deals are generated from; declared here so the plan can import this module without a cycle. */
export interface ContactSource {
  spec: TenantSpec;
  ids: IdSource;
  accounts: PlannedAccount[];
  layout: ContactLayout;
}

export function contactGenerator(plan: ContactSource): (index: number) => PlannedContact {
  const random = entityRandom(plan.spec.seed, 'contact');
  const now = plan.spec.now.getTime();
  return (j) => {
    const r = random(j);
    const account = plan.accounts[accountOfContact(plan.layout, j)]!;
    const m = j - plan.layout.start[account.index]!;
    const fixed = account.fixedContacts[m];
    const person = personAt(account, m);
    const title = JOB_TITLES[m === 0 ? r.int(0, DECISION_MAKER_TITLES - 1) : r.int(0, JOB_TITLES.length - 1)]!;
    const german = account.country.language === 'de';
    const emails = [`${person.local}@${account.domains[0]}`];
    if (!fixed && account.domains[1] && r.chance(0.5)) emails.push(`${person.local}@${account.domains[1]}`);
    const preferences: PlannedContact['communicationPreferences'] = { language: account.country.language };
    if (r.chance(0.3)) preferences.preferredChannel = r.chance(0.7) ? 'email' : 'phone';
    if (r.chance(0.04)) preferences.doNotCall = true;
    return {
      index: j,
      id: plan.ids.uuid('contact', j),
      accountId: account.id,
      firstName: person.firstName,
      lastName: person.lastName,
      emails,
      phones: phonesOf(r, account),
      jobTitle: fixed?.jobTitle ?? (german ? title.de[person.gender === 'f' ? 1 : 0] : title.en),
      buyingRole: fixed?.buyingRole ?? title.role,
      ownerId: account.ownerId,
      communicationPreferences: preferences,
      createdAt: new Date(Math.min(account.createdAt.getTime() + r.int(0, 400) * DAY, now - 30 * DAY)),
      ...(fixed?.ledger ? { ledger: fixed.ledger } : {}),
    };
  };
}

export function* contactStream(plan: ContactSource): Generator<PlannedContact> {
  const contactAt = contactGenerator(plan);
  const total = plan.layout.start[plan.accounts.length]!;
  for (let j = 0; j < total; j++) yield contactAt(j);
}
