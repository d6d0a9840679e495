// Benchmark tenants of any size (up to millions of interactions), streamed in batches with memory bounded by accounts and deals.
import type { Db } from '../core/db/db';
import { planAccounts } from './accounts';
import { layoutContacts, primaryEmailAt } from './contacts';
import { idSource } from './ids';
import { tenantData } from './tenant-data';
import { planTenant } from './tenant-plan';
import type { SeedUser, TenantSpec } from './tenant-spec';
import { writeTenant, type SeedCounts } from './write-tenant';

export interface ScaledTenantOptions {
  tenantId: string;
  accounts: number;
  contacts: number;
  interactions: number;
  /** Defaults to 1.2 per account. */
  opportunities?: number;
  now?: Date;
  /** Same seed, same sizes: same names, emails and texts (ids also depend on the tenant id). */
  seed?: number;
  /** Called after each batch of interactions with the number written so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Interactions per INSERT (default BATCH_SIZE). */
  batchSize?: number;
}

export interface ScaledTenant {
  counts: SeedCounts;
  /** Users as (tenant, Entra oid) for development tokens; the first is an admin, the last a reader. */
  users: readonly SeedUser[];
  /** Up to 2,000 known contact emails spread over the tenant, for lookups in benchmarks (see scaledSampleEmails). */
  sampleEmails: string[];
}

const DEFAULT_SEED = 7;
const USERS = 20;
const SCALED_SELLER_DOMAIN = 'seller.example';

function scaledSpec(options: ScaledTenantOptions): TenantSpec {
  const seed = options.seed ?? DEFAULT_SEED;
  const ids = idSource(seed, options.tenantId);
  const users: SeedUser[] = Array.from({ length: USERS }, (_, i) => ({
    id: ids.uuid('user', i),
    oid: ids.uuid('oid', i),
    displayName: `Bench User ${i + 1}`,
    email: `bench${i + 1}@${SCALED_SELLER_DOMAIN}`,
    roles: [i === 0 ? 'CRM.Admin' : i === USERS - 1 ? 'CRM.Reader' : 'CRM.User'],
  }));
  return {
    tenantId: options.tenantId,
    name: `Benchmark ${options.accounts.toLocaleString('en')} accounts`,
    seed,
    now: options.now ?? new Date(),
    sellerDomain: SCALED_SELLER_DOMAIN,
    users,
    sizes: {
      accounts: options.accounts,
      contacts: options.contacts,
      interactions: options.interactions,
      opportunities: options.opportunities ?? Math.round(options.accounts * 1.2),
      tasks: Math.round(options.accounts * 1.5),
    },
  };
}

/** The users seedScaledTenant writes for these options, for a benchmark that reuses a tenant seeded before. */
export const scaledTenantUsers = (options: ScaledTenantOptions): readonly SeedUser[] => scaledSpec(options).users;

/** Seeds a tenant of exactly the requested sizes in one transaction, one INSERT per table per 5,000 rows. */
export async function seedScaledTenant(db: Db, options: ScaledTenantOptions): Promise<ScaledTenant> {
  const spec = scaledSpec(options);
  const plan = planTenant(spec);
  const counts = await db.transaction((tx) =>
    writeTenant(tx, tenantData(plan), {
      onInteractions: options.onProgress && ((done) => options.onProgress!(done, spec.sizes.interactions)),
      batchSize: options.batchSize,
    }),
  );
  return { counts, users: spec.users, sampleEmails: scaledSampleEmails(options, 2_000) };
}

/**
 * `count` primary emails of contacts spread evenly over a scaled tenant, without seeding or
 * generating the contacts: an email follows from the account plan and the contact's position.
 * Pass the same sizes and seed as to seedScaledTenant.
 */
export function scaledSampleEmails(options: Pick<ScaledTenantOptions, 'accounts' | 'contacts' | 'seed'>, count: number): string[] {
  // Names and emails do not depend on the tenant id, only ids do.
  const spec = scaledSpec({ ...options, tenantId: '00000000-0000-4000-8000-000000000000', interactions: 0 });
  const accounts = planAccounts(spec, idSource(spec.seed, spec.tenantId));
  const layout = layoutContacts(accounts, options.contacts);
  const emails: string[] = [];
  const step = options.contacts / Math.min(count, options.contacts);
  for (let a = 0, n = 0; n < Math.min(count, options.contacts); n++) {
    const j = Math.floor(n * step);
    while (layout.start[a + 1]! <= j) a++;
    emails.push(primaryEmailAt(accounts[a]!, j - layout.start[a]!));
  }
  return emails;
}
