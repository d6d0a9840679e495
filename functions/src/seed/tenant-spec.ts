// What a seeded tenant should contain: sizes, users, a seed and `now`, and optional fixed accounts for featured examples.
import type { ConsentAction, ConsentChannel, ConsentPurpose } from '@crm/common';
import type { BuyingRole, Gender } from './catalog-people';

export interface SeedUser {
  id: string;
  /** Entra object id; development tokens for it map to this user. */
  oid: string;
  displayName: string;
  email: string;
  roles: readonly string[];
}

export interface SeedSizes {
  accounts: number;
  contacts: number;
  interactions: number;
  opportunities: number;
  tasks: number;
}

/** One consent ledger entry, dated relative to `now`. */
export interface LedgerEntry {
  channel: ConsentChannel;
  purpose: ConsentPurpose;
  legalBasis: 'consent' | 'contract' | 'legitimate_interest';
  action: ConsentAction;
  source: string;
  daysAgo: number;
  note?: string;
}

export interface FixedContact {
  firstName: string;
  lastName: string;
  gender: Gender;
  email: string;
  jobTitle: string;
  buyingRole: BuyingRole;
  /** The exact consent history; without it the contact gets a random one like everyone else. */
  ledger?: readonly LedgerEntry[];
}

/** Replaces generated account number i (and its first contacts) so featured examples exist with known names. */
export interface FixedAccount {
  name: string;
  domain: string;
  country: string;
  city: string;
  industry: string;
  ownerIndex: number;
  /** Drives the ABC rating, which is by revenue rank. */
  revenueLastYear: number;
  sleeping?: boolean;
  contacts?: readonly FixedContact[];
}

export interface TenantSpec {
  tenantId: string;
  name: string;
  seed: number;
  now: Date;
  /** The seller's own mail domain, for outbound message ids. */
  sellerDomain: string;
  users: readonly SeedUser[];
  sizes: SeedSizes;
  fixedAccounts?: readonly FixedAccount[];
}

/** Users who work with customers; readers never own accounts or log anything. */
export const writersOf = (users: readonly SeedUser[]): SeedUser[] => users.filter((u) => !u.roles.includes('CRM.Reader'));
