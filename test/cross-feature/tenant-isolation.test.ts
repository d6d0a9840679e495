// Another tenant can neither read, list, change nor delete a record by its id, nor reach it through a shared client id or natural key.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate, TaskCreate, TimelineQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../support/databases';
import { domainError } from '../support/domain-expect';
import type { Db } from '../../functions/src/core/db/db';
import type { Actor } from '../../functions/src/core/actor';
import { changeAccount, createAccount, readAccount, removeAccount, searchAccounts } from '../../functions/src/features/accounts/service';
import { contactConsents, recordConsent } from '../../functions/src/features/consents/service';
import { changeContact, createContact, readContact, removeContact, searchContacts } from '../../functions/src/features/contacts/service';
import { changeInteraction, logInteraction, lookupInteractions, readInteraction, timeline } from '../../functions/src/features/interactions/service';
import {
  changeOpportunity,
  createOpportunity,
  readOpportunity,
  removeOpportunity,
  searchOpportunities,
} from '../../functions/src/features/opportunities/service';
import { changeTask, createTask, readTask, removeTask, searchTasks } from '../../functions/src/features/tasks/service';

interface Entity {
  read(db: Db, actor: Actor, id: string): Promise<{ etag: string }>;
  list(db: Db, actor: Actor): Promise<{ items: unknown[] }>;
  change(db: Db, actor: Actor, id: string): Promise<unknown>;
  remove?(db: Db, actor: Actor, id: string): Promise<void>;
}

const MESSAGE_ID = `<${randomUUID()}@geheim.de>`;
const page = { limit: 200 };
const entities: Record<string, Entity> = {
  account: {
    read: readAccount,
    list: (db, actor) => searchAccounts(db, actor, page),
    change: (db, actor, id) => changeAccount(db, actor, id, 1, { name: 'Übernommen' }),
    remove: (db, actor, id) => removeAccount(db, actor, id, 1),
  },
  contact: {
    read: readContact,
    list: (db, actor) => searchContacts(db, actor, page),
    change: (db, actor, id) => changeContact(db, actor, id, 1, { lastName: 'Übernommen' }),
    remove: (db, actor, id) => removeContact(db, actor, id, 1),
  },
  opportunity: {
    read: readOpportunity,
    list: (db, actor) => searchOpportunities(db, actor, page),
    change: (db, actor, id) => changeOpportunity(db, actor, id, 1, { amount: 1 }),
    remove: (db, actor, id) => removeOpportunity(db, actor, id, 1),
  },
  task: {
    read: readTask,
    list: (db, actor) => searchTasks(db, actor, page),
    change: (db, actor, id) => changeTask(db, actor, id, 1, { title: 'Übernommen' }),
    remove: (db, actor, id) => removeTask(db, actor, id, 1),
  },
  // Interactions are never deleted through the domain, only with their tenant's data.
  interaction: {
    read: readInteraction,
    list: async (db, actor) => lookupInteractions(db, actor, { internetMessageId: MESSAGE_ID }),
    change: (db, actor, id) => changeInteraction(db, actor, id, 1, { subject: 'Übernommen' }),
  },
};

describeEachDatabase('tenant isolation', (getDb) => {
  let owner: Actor;
  let intruder: Actor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const db = getDb();
    owner = await seedActor(db);
    intruder = await seedActor(db);
    ids.account = (await createAccount(db, owner, AccountCreate.parse({ name: 'Geheim GmbH', domains: ['geheim.de'] }))).value.id;
    ids.contact = (await createContact(db, owner, ContactCreate.parse({ lastName: 'Heimlich', emails: ['h@geheim.de'], accountId: ids.account }))).value.id;
    ids.opportunity = (await createOpportunity(db, owner, OpportunityCreate.parse({ accountId: ids.account, name: 'Großauftrag' }))).value.id;
    ids.task = (await createTask(db, owner, TaskCreate.parse({ title: 'Rückruf', dueDate: '2026-12-01', accountId: ids.account }))).value.id;
    const email = InteractionCreate.parse({ type: 'email', occurredAt: '2026-11-01T10:00:00Z', internetMessageId: MESSAGE_ID, contactIds: [ids.contact] });
    ids.interaction = (await logInteraction(db, owner, email)).value.id;
    await recordConsent(db, owner, { contactId: ids.contact, channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'Web' });
  });

  for (const [name, entity] of Object.entries(entities)) {
    it(`hides a ${name} from another tenant for reading, listing, changing and deleting`, async () => {
      const db = getDb();
      const id = ids[name]!;
      await domainError(entity.read(db, intruder, id), 'not_found');
      expect((await entity.list(db, intruder)).items).toEqual([]);
      await domainError(entity.change(db, intruder, id), 'not_found');
      if (entity.remove) await domainError(entity.remove(db, intruder, id), 'not_found');
      expect((await entity.read(db, owner, id)).etag).toBe('"1"');
      expect((await entity.list(db, owner)).items).not.toEqual([]);
    });
  }

  it("hides an account's timeline and a contact's consents from another tenant", async () => {
    await domainError(timeline(getDb(), intruder, ids.account!, TimelineQuery.parse({})), 'not_found');
    await domainError(contactConsents(getDb(), intruder, ids.contact!), 'not_found');
    expect((await timeline(getDb(), owner, ids.account!, TimelineQuery.parse({}))).items).toHaveLength(1);
  });

  it("gives another tenant its own record for the same client id or message id, never the owner's", async () => {
    const account = await createAccount(getDb(), intruder, AccountCreate.parse({ id: ids.account, name: 'Eigene GmbH', domains: ['geheim.de'] }));
    expect(account).toMatchObject({ created: true, value: { name: 'Eigene GmbH' } });
    const email = InteractionCreate.parse({ type: 'email', occurredAt: '2026-11-02T10:00:00Z', internetMessageId: MESSAGE_ID });
    const logged = await logInteraction(getDb(), intruder, email);
    expect(logged.created).toBe(true);
    expect(logged.value.id).not.toBe(ids.interaction);
    expect(logged.value.loggedBy.map((l) => l.userId)).toEqual([intruder.userId]);
    expect((await readAccount(getDb(), owner, ids.account!)).name).toBe('Geheim GmbH');
    expect((await readInteraction(getDb(), owner, ids.interaction!)).loggedBy.map((l) => l.userId)).toEqual([owner.userId]);
  });
});
