// The demo tenant `npm start` shows: seeded once, in one transaction, so a crash leaves nothing half-written.
import type { Db } from '../store/db';
import { consentProfileOf, planConsents, planOpportunities, planTasks, type ConsentProfile, type PlannedInteraction } from './activity';
import { DEMO_FEATURED } from '@crm/common/demo';
import { DEMO_FIXED_ACCOUNTS } from './fixed-accounts';
import { DEMO_OTHER_TENANT_ID, DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import { planAccounts, type PlannedAccount, type SeedUser } from './plan';
import { seededRandom, type Random } from './random';
import { writeTenant, type SeedCounts } from './write-tenant';

const DAY = 86_400_000;

/** Featured consent states: Julia granted, Thomas withdrew, Claire objected. */
const FEATURED_PROFILES: Record<string, ConsentProfile> = {
  [DEMO_FEATURED.knownContact.email]: 'granted',
  [DEMO_FEATURED.withdrawnEmailContact.email]: 'withdrawn',
  [DEMO_FEATURED.objectedContact.email]: 'objected',
};

function featuredActivity(random: Random, accounts: readonly PlannedAccount[], users: readonly SeedUser[], now: Date) {
  const hoffmann = accounts[0]!;
  const julia = hoffmann.contacts[0]!;
  const complaintAt = new Date(now.getTime() - 6 * DAY);
  const id = random.uuid();
  const complaint: PlannedInteraction = {
    id,
    accountId: hoffmann.id,
    occurredAt: complaintAt,
    type: 'complaint',
    isOpen: true,
    contactIds: [julia.id],
    opportunityId: null,
    loggedBy: users[0]!.id,
    row: [
      DEMO_TENANT_ID,
      id,
      'complaint',
      'inbound',
      complaintAt,
      'Reklamation: Getriebe mit Lagerschaden',
      'Kundin meldet Lagerschaden an zwei Getrieben aus Lieferung 4711.',
      'addin',
      null,
      null,
      null,
      'open',
      null,
      null,
      users[0]!.id,
      complaintAt,
    ],
  };
  const overdue = [
    DEMO_TENANT_ID,
    random.uuid(),
    'follow_up',
    `Angebot nachfassen: ${hoffmann.name}`,
    'Julia Hoffmann wollte bis Ende des Monats entscheiden.',
    new Date(now.getTime() - 3 * DAY).toISOString().slice(0, 10),
    users[0]!.id,
    'open',
    hoffmann.id,
    julia.id,
    null,
    null,
    users[0]!.id,
  ];
  return { interactions: [complaint], tasks: [overdue] };
}

export async function seedDemoTenant(db: Db, now = new Date()): Promise<{ seeded: boolean; counts: SeedCounts | null }> {
  const existing = await db.query(`SELECT 1 FROM accounts WHERE tenant_id = $1 LIMIT 1`, [DEMO_TENANT_ID]);
  if (existing.length > 0) return { seeded: false, counts: null };

  const random = seededRandom(20_261_124);
  const users: SeedUser[] = DEMO_USERS.map((u) => ({ id: random.uuid(), oid: u.oid, displayName: u.displayName, email: u.email, roles: [...u.roles] }));
  const accounts = planAccounts(random, { count: 50, contacts: 200, users, fixed: DEMO_FIXED_ACCOUNTS });
  const opportunities = planOpportunities(
    random,
    accounts.filter((a) => !a.sleeping),
    60,
    now,
  );
  const featured = featuredActivity(random, accounts, users, now);
  const tasks = [...featured.tasks, ...planTasks(random, { tenantId: DEMO_TENANT_ID, accounts, opportunities, count: 79, now })];
  const consents = accounts.flatMap((a) =>
    a.contacts.flatMap((contact) =>
      planConsents(random, {
        tenantId: DEMO_TENANT_ID,
        contact,
        profile: FEATURED_PROFILES[contact.emails[0]!] ?? consentProfileOf(random),
        capturedBy: contact.ownerId,
        now,
        withdrawnDaysAgo: DEMO_FEATURED.withdrawnEmailContact.withdrawnDaysAgo,
      }),
    ),
  );

  const counts = await db.transaction(async (tx) => {
    const written = await writeTenant(
      tx,
      random,
      { tenantId: DEMO_TENANT_ID, tenantName: 'Rheinwerk Maschinenbau (Demo)', users, accounts, opportunities, tasks, consents, interactions: 1999, now },
      undefined,
      featured.interactions,
    );
    await seedOtherTenant(tx, now);
    return written;
  });
  return { seeded: true, counts };
}

/** A small second tenant with an overlapping domain, so isolation can be seen and tested on demo data. */
async function seedOtherTenant(tx: Parameters<Parameters<Db['transaction']>[0]>[0], now: Date) {
  const random = seededRandom(4242);
  const users: SeedUser[] = [
    {
      id: random.uuid(),
      oid: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
      displayName: 'Other Tenant Admin',
      email: 'admin@other-tenant.example',
      roles: ['CRM.Admin'],
    },
  ];
  const accounts = planAccounts(random, {
    count: 5,
    contacts: 10,
    users,
    fixed: [{ name: 'Hoffmann Antriebstechnik GmbH (other tenant)', domain: 'hoffmann-antriebstechnik.de', ownerIndex: 0 }],
  });
  await writeTenant(tx, random, {
    tenantId: DEMO_OTHER_TENANT_ID,
    tenantName: 'Other tenant (isolation demo)',
    users,
    accounts,
    opportunities: [],
    tasks: [],
    consents: [],
    interactions: 20,
    now,
  });
}
