// Writes a planned tenant with bulk inserts: users, accounts, contacts, deals, interactions with links, tasks, consents.
import type { Queryable } from '../store/db';
import { type PlannedInteraction, planInteractions, type PlannedOpportunity } from './activity';
import { insertBatched, insertRows } from './bulk-writer';
import type { PlannedAccount, SeedUser } from './plan';
import type { Random } from './random';
import * as T from './tables';

export interface TenantPlan {
  tenantId: string;
  tenantName: string;
  users: readonly SeedUser[];
  accounts: readonly PlannedAccount[];
  opportunities: readonly PlannedOpportunity[];
  tasks: readonly unknown[][];
  consents: readonly unknown[][];
  interactions: number;
  now: Date;
}

export type SeedCounts = Record<'users' | 'accounts' | 'contacts' | 'interactions' | 'opportunities' | 'tasks' | 'consents', number>;

export async function writeTenant(
  tx: Queryable,
  random: Random,
  plan: TenantPlan,
  onProgress?: (done: number, total: number) => void,
  extraInteractions: readonly PlannedInteraction[] = [],
): Promise<SeedCounts> {
  const t = plan.tenantId;
  await tx.query(`INSERT INTO tenants (tenant_id, name) VALUES ($1, $2) ON CONFLICT (tenant_id) DO NOTHING`, [t, plan.tenantName]);
  await insertRows(
    tx,
    T.USERS,
    plan.users.map((u) => [t, u.id, u.oid, u.displayName, u.email, u.roles]),
  );
  const contacts = plan.accounts.flatMap((a) => a.contacts);
  // Parents first: the self-reference must point at a row that exists.
  const ordered = [...plan.accounts.filter((a) => !a.parentId), ...plan.accounts.filter((a) => a.parentId)];
  await insertBatched(tx, T.ACCOUNTS, ordered, (a) => [
    t,
    a.id,
    a.name,
    a.domains,
    a.parentId,
    a.industry,
    a.segment,
    a.rating,
    a.ownerId,
    a.address,
    a.customFields,
    new Date(plan.now.getTime() - 800 * 86_400_000),
  ]);
  await insertBatched(
    tx,
    T.ACCOUNT_DOMAINS,
    plan.accounts.flatMap((a) => a.domains.map((d) => [d, a.id] as const)),
    ([d, id]) => [t, d, id],
  );
  await insertBatched(tx, T.CONTACTS, contacts, (c) => [
    t,
    c.id,
    c.accountId,
    c.firstName,
    c.lastName,
    c.emails,
    [{ type: 'work', number: c.phone }],
    c.jobTitle,
    c.buyingRole,
    c.ownerId,
    { language: c.language },
    new Date(plan.now.getTime() - 700 * 86_400_000),
  ]);
  await insertBatched(
    tx,
    T.CONTACT_EMAILS,
    contacts.flatMap((c) => c.emails.map((e) => [e, c.id] as const)),
    ([e, id]) => [t, e, id],
  );
  await insertBatched(tx, T.OPPORTUNITIES, plan.opportunities, (o) => [
    t,
    o.id,
    o.accountId,
    o.name,
    o.stage,
    o.amount,
    'EUR',
    o.probability,
    o.expectedClose,
    o.ownerId,
    o.status,
    o.closeReason,
    o.closedAt,
    o.createdAt,
  ]);
  await insertBatched(
    tx,
    T.OPPORTUNITY_CONTACTS,
    plan.opportunities.flatMap((o) => o.contactIds.map((c) => [o.id, c] as const)),
    ([o, c]) => [t, o, c],
  );

  let written = 0;
  const batch: PlannedInteraction[] = [];
  const flush = async () => {
    await insertRows(
      tx,
      T.INTERACTIONS,
      batch.map((i) => i.row),
    );
    await insertRows(
      tx,
      T.INTERACTION_ACCOUNTS,
      batch.map((i) => [t, i.id, i.accountId, i.occurredAt, i.type, i.isOpen]),
    );
    await insertRows(
      tx,
      T.INTERACTION_CONTACTS,
      batch.flatMap((i) => i.contactIds.map((c) => [t, i.id, c, i.occurredAt])),
    );
    await insertRows(
      tx,
      T.INTERACTION_OPPORTUNITIES,
      batch.filter((i) => i.opportunityId).map((i) => [t, i.id, i.opportunityId]),
    );
    await insertRows(
      tx,
      T.INTERACTION_LOGGERS,
      batch.map((i) => [t, i.id, i.loggedBy, i.occurredAt]),
    );
    written += batch.length;
    batch.length = 0;
    onProgress?.(written, plan.interactions + extraInteractions.length);
  };
  const stream = planInteractions(random, {
    tenantId: t,
    accounts: plan.accounts,
    opportunities: plan.opportunities,
    users: plan.users,
    count: plan.interactions,
    now: plan.now,
  });
  const all = function* () {
    yield* extraInteractions;
    yield* stream;
  };
  for (const interaction of all()) {
    batch.push(interaction);
    if (batch.length >= 5000) await flush();
  }
  await flush();

  await insertBatched(tx, T.TASKS, plan.tasks, (row) => row);
  await insertBatched(tx, T.CONSENTS, plan.consents, (row) => row);
  return {
    users: plan.users.length,
    accounts: plan.accounts.length,
    contacts: contacts.length,
    interactions: written,
    opportunities: plan.opportunities.length,
    tasks: plan.tasks.length,
    consents: plan.consents.length,
  };
}
