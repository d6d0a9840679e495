// Writes one tenant in dependency order: tenant, users, accounts, contacts, deals, interactions with links, tasks, consents.
import type { Queryable } from '../core/db/db';
import { ensureTenant } from '../core/tenancy/users-store';
import type { PlannedAccount } from './accounts';
import { into, rowPerItem, writeBatched } from './bulk-writer';
import type { PlannedConsent } from './consents';
import type { PlannedContact } from './contacts';
import type { PlannedInteraction } from './interactions';
import type { PlannedOpportunity } from './opportunities';
import * as T from './tables';
import type { PlannedTask } from './tasks';
import type { SeedUser } from './tenant-spec';

export interface TenantData {
  tenantId: string;
  name: string;
  users: readonly SeedUser[];
  /** Parents must come before their subsidiaries. */
  accounts: readonly PlannedAccount[];
  contacts: Iterable<PlannedContact>;
  opportunities: readonly PlannedOpportunity[];
  interactions: Iterable<PlannedInteraction>;
  tasks: Iterable<PlannedTask>;
  consents: Iterable<PlannedConsent>;
}

export type SeedCounts = Record<'users' | 'accounts' | 'contacts' | 'opportunities' | 'interactions' | 'tasks' | 'consents', number>;

export interface WriteOptions {
  /** Called after each batch of interactions with the number written so far. */
  onInteractions?: (written: number) => void;
  /** Rows per INSERT of the interactions; tests pass a small one to cover several batches quickly. */
  batchSize?: number;
}

export async function writeTenant(tx: Queryable, data: TenantData, options: WriteOptions = {}): Promise<SeedCounts> {
  const t = data.tenantId;
  await ensureTenant(tx, t, data.name);
  return {
    users: await writeBatched(tx, t, data.users, [rowPerItem(T.USERS)]),
    accounts: await writeBatched(tx, t, data.accounts, [
      rowPerItem(T.ACCOUNTS),
      into(T.ACCOUNT_DOMAINS, (account: PlannedAccount) => account.domains.map((domain) => ({ account, domain }))),
    ]),
    contacts: await writeBatched(tx, t, data.contacts, [
      rowPerItem(T.CONTACTS),
      into(T.CONTACT_EMAILS, (contact: PlannedContact) => contact.emails.map((email) => ({ contact, email }))),
    ]),
    opportunities: await writeBatched(tx, t, data.opportunities, [
      rowPerItem(T.OPPORTUNITIES),
      into(T.OPPORTUNITY_CONTACTS, (opportunity: PlannedOpportunity) => opportunity.contactIds.map((contactId) => ({ opportunity, contactId }))),
    ]),
    interactions: await writeBatched(
      tx,
      t,
      data.interactions,
      [
        rowPerItem(T.INTERACTIONS),
        rowPerItem(T.INTERACTION_ACCOUNTS),
        into(T.INTERACTION_CONTACTS, (interaction: PlannedInteraction) => interaction.contactIds.map((contactId) => ({ interaction, contactId }))),
        into(T.INTERACTION_OPPORTUNITIES, (interaction: PlannedInteraction) =>
          interaction.opportunityIds.map((opportunityId) => ({ interaction, opportunityId })),
        ),
        rowPerItem(T.INTERACTION_LOGGERS),
      ],
      options.onInteractions,
      options.batchSize,
    ),
    tasks: await writeBatched(tx, t, data.tasks, [rowPerItem(T.TASKS)]),
    consents: await writeBatched(tx, t, data.consents, [rowPerItem(T.CONSENTS)]),
  };
}
