// The demo tenant `npm start` shows: seeded once, in one transaction, so a crash leaves nothing half-written.
import { DEMO_OTHER_TENANT_ID, DEMO_SELLER_DOMAIN, DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import type { Db, Queryable } from '../core/db/db';
import { DEMO_FIXED_ACCOUNTS, demoHandMade } from './demo-fixtures';
import { idSource } from './ids';
import { tenantData } from './tenant-data';
import { planTenant } from './tenant-plan';
import type { SeedUser, TenantSpec } from './tenant-spec';
import { writeTenant, type SeedCounts } from './write-tenant';

const DEMO_SEED = 20_261_124;
const OTHER_SEED = 4_242;
// Two hosts starting at once against one server must not both seed; the second waits, then finds the data.
const SEED_LOCK = 4_711_002;

export const DEMO_SIZES = { accounts: 50, contacts: 200, interactions: 2_000, opportunities: 60, tasks: 80 } as const;

export interface DemoSeedResult {
  seeded: boolean;
  /** Rows written per table for the demo tenant; null when the data was already there (the local host prints "reused"). */
  counts: SeedCounts | null;
}

const hasAccounts = async (db: Queryable) => (await db.query(`SELECT 1 FROM accounts WHERE tenant_id = $1 LIMIT 1`, [DEMO_TENANT_ID])).length > 0;

/** Seeds the demo tenant and the small isolation tenant unless the demo tenant already has accounts. */
export async function seedDemoTenant(db: Db, now: Date = new Date()): Promise<DemoSeedResult> {
  if (await hasAccounts(db)) return { seeded: false, counts: null };
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    if (await hasAccounts(tx)) return { seeded: false, counts: null };
    const counts = await writeDemoTenant(tx, now);
    await writeOtherTenant(tx, now);
    return { seeded: true, counts };
  });
}

async function writeDemoTenant(tx: Queryable, now: Date): Promise<SeedCounts> {
  const ids = idSource(DEMO_SEED, DEMO_TENANT_ID);
  const users: SeedUser[] = DEMO_USERS.map((u, i) => ({ id: ids.uuid('user', i), oid: u.oid, displayName: u.displayName, email: u.email, roles: u.roles }));
  const spec: TenantSpec = {
    tenantId: DEMO_TENANT_ID,
    name: 'Rheinwerk Maschinenbau (Demo)',
    seed: DEMO_SEED,
    now,
    sellerDomain: DEMO_SELLER_DOMAIN,
    users,
    sizes: { ...DEMO_SIZES, opportunities: DEMO_SIZES.opportunities - 1 },
    fixedAccounts: DEMO_FIXED_ACCOUNTS,
  };
  const plan = planTenant(spec);
  const handMade = demoHandMade(plan);
  // The hand-made deal joins the plan before interactions are generated, so they can be linked to it too.
  const withDeal = { ...plan, opportunities: [...handMade.opportunities, ...plan.opportunities] };
  return writeTenant(tx, tenantData(withDeal, handMade));
}

/**
 * A small second tenant that also has Hoffmann Antriebstechnik (same domain) and Julia Hoffmann
 * (same email) as a customer, but with its own account name, owner and an objection instead of
 * a grant: any leak between tenants shows up as the wrong name or the wrong consent.
 */
async function writeOtherTenant(tx: Queryable, now: Date): Promise<void> {
  const ids = idSource(OTHER_SEED, DEMO_OTHER_TENANT_ID);
  const users: SeedUser[] = [
    {
      id: ids.uuid('user', 0),
      oid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      displayName: 'Greta Lindqvist',
      email: 'greta.lindqvist@nordhafen-anlagen.example',
      roles: ['CRM.Admin'],
    },
  ];
  const known = DEMO_FIXED_ACCOUNTS[0]!;
  const plan = planTenant({
    tenantId: DEMO_OTHER_TENANT_ID,
    name: 'Nordhafen Anlagenbau (isolation demo)',
    seed: OTHER_SEED,
    now,
    sellerDomain: 'nordhafen-anlagen.example',
    users,
    sizes: { accounts: 5, contacts: 12, interactions: 30, opportunities: 3, tasks: 3 },
    fixedAccounts: [
      {
        ...known,
        name: `${known.name} (other tenant)`,
        contacts: [
          {
            ...known.contacts![0]!,
            ledger: [{ channel: 'email', purpose: 'marketing', legalBasis: 'legitimate_interest', action: 'objected', source: 'Telefonat', daysAgo: 30 }],
          },
        ],
      },
    ],
  });
  await writeTenant(tx, tenantData(plan));
}
