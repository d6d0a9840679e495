// Benchmark tenants of any size (up to millions of interactions), written in batches without holding them in memory.
import type { Db } from '../store/db';
import { consentProfileOf, planConsents, planOpportunities, planTasks } from './activity';
import { planAccounts, type SeedUser } from './plan';
import { seededRandom } from './random';
import { writeTenant, type SeedCounts } from './write-tenant';

export interface ScaledTenantOptions {
  tenantId: string;
  accounts: number;
  contacts: number;
  interactions: number;
  opportunities?: number;
  now?: Date;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface ScaledTenant {
  counts: SeedCounts;
  /** Users as (tenant, Entra oid) for development tokens. */
  users: readonly SeedUser[];
  /** Up to 2,000 known contact emails spread over the tenant, for lookups in benchmarks. */
  sampleEmails: string[];
}

export async function seedScaledTenant(db: Db, options: ScaledTenantOptions): Promise<ScaledTenant> {
  const now = options.now ?? new Date();
  const random = seededRandom(options.seed ?? 7);
  const users: SeedUser[] = Array.from({ length: 20 }, (_, i) => ({
    id: random.uuid(),
    oid: random.uuid(),
    displayName: `Bench User ${i + 1}`,
    email: `bench${i + 1}@seller.example`,
    roles: [i === 0 ? 'CRM.Admin' : 'CRM.User'],
  }));
  const accounts = planAccounts(random, { count: options.accounts, contacts: options.contacts, users });
  const opportunities = planOpportunities(random, accounts, options.opportunities ?? Math.round(options.accounts * 1.2), now);
  const tasks = planTasks(random, { tenantId: options.tenantId, accounts, opportunities, count: Math.round(options.accounts * 1.5), now });
  const contacts = accounts.flatMap((a) => a.contacts);
  const consents = contacts.flatMap((contact) =>
    planConsents(random, { tenantId: options.tenantId, contact, profile: consentProfileOf(random), capturedBy: contact.ownerId, now }),
  );
  const counts = await db.transaction((tx) =>
    writeTenant(
      tx,
      random,
      {
        tenantId: options.tenantId,
        tenantName: `Benchmark ${options.accounts}`,
        users,
        accounts,
        opportunities,
        tasks,
        consents,
        interactions: options.interactions,
        now,
      },
      options.onProgress,
    ),
  );
  const step = Math.max(1, Math.floor(contacts.length / 2000));
  return { counts, users, sampleEmails: contacts.filter((_, i) => i % step === 0).map((c) => c.emails[0]!) };
}
