// Every change leaves exactly one audit entry with its actor and changed fields, written in the change's own transaction.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate, TaskCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../support/databases';
import { domainError } from '../support/domain-expect';
import type { Actor } from '../../functions/src/core/actor';
import { changeAccount, createAccount, removeAccount } from '../../functions/src/features/accounts/service';
import { recordConsent } from '../../functions/src/features/consents/service';
import { changeContact, createContact, removeContact } from '../../functions/src/features/contacts/service';
import { changeInteraction, logInteraction } from '../../functions/src/features/interactions/service';
import { changeOpportunity, createOpportunity, removeOpportunity } from '../../functions/src/features/opportunities/service';
import { replaceSettings } from '../../functions/src/features/settings/service';
import { defaultSettings } from '../../functions/src/features/settings';
import { changeTask, createTask, removeTask } from '../../functions/src/features/tasks/service';
import { auditTrail } from '../../functions/src/core/audit/audit-store';

describeEachDatabase('audit log', (getDb) => {
  let anna: Actor;
  let ben: Actor;
  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben' });
  });

  const trail = async (entity: string, id: string) =>
    (await auditTrail(getDb(), anna.tenantId, entity, id)).map((t) => [
      t.action,
      t.actor_id === anna.userId ? 'anna' : t.actor_id === ben.userId ? 'ben' : t.actor_id,
      t.changed_fields,
    ]);

  it('records create, update with the changed fields, and delete of an account, by whom', async () => {
    const id = randomUUID();
    await createAccount(getDb(), anna, AccountCreate.parse({ id, name: 'Audit GmbH' }));
    await createAccount(getDb(), anna, AccountCreate.parse({ id, name: 'Audit GmbH' }));
    await changeAccount(getDb(), ben, id, 1, { segment: 'Mittelstand', rating: 'A' });
    await removeAccount(getDb(), anna, id, 2);
    expect(await trail('account', id)).toEqual([
      ['create', 'anna', []],
      ['update', 'ben', ['segment', 'rating']],
      ['delete', 'anna', []],
    ]);
  });

  it('records contacts, opportunities (with the probability a stage change sets) and tasks', async () => {
    const contact = (await createContact(getDb(), anna, ContactCreate.parse({ lastName: 'Audit' }))).value.id;
    await changeContact(getDb(), anna, contact, 1, { jobTitle: 'Einkauf' });
    const accountId = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Audit Deals' }))).value.id;
    const deal = (await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId, name: 'Deal' }))).value.id;
    await changeOpportunity(getDb(), ben, deal, 1, { stage: 'proposal' });
    await removeOpportunity(getDb(), ben, deal, 2);
    const task = (await createTask(getDb(), anna, TaskCreate.parse({ title: 'Audit', dueDate: '2026-01-01' }))).value.id;
    await changeTask(getDb(), ben, task, 1, { status: 'done' });
    await removeTask(getDb(), anna, task, 2);
    await removeContact(getDb(), anna, contact, 2);
    expect(await trail('contact', contact)).toEqual([
      ['create', 'anna', []],
      ['update', 'anna', ['jobTitle']],
      ['delete', 'anna', []],
    ]);
    expect(await trail('opportunity', deal)).toEqual([
      ['create', 'anna', []],
      ['update', 'ben', ['stage', 'probability']],
      ['delete', 'ben', []],
    ]);
    expect(await trail('task', task)).toEqual([
      ['create', 'anna', []],
      ['update', 'ben', ['status']],
      ['delete', 'anna', []],
    ]);
  });

  it('records the first log, every repeated log by whoever repeated it, and changes of an interaction', async () => {
    const input = InteractionCreate.parse({ type: 'email', occurredAt: '2026-01-01T10:00:00Z', internetMessageId: `<${randomUUID()}@x>` });
    const { value } = await logInteraction(getDb(), anna, input);
    await logInteraction(getDb(), ben, input);
    await changeInteraction(getDb(), ben, value.id, 1, { summary: 'Rückfrage zum Angebot' });
    expect(await trail('interaction', value.id)).toEqual([
      ['log', 'anna', []],
      ['log-again', 'ben', []],
      ['update', 'ben', ['summary']],
    ]);
  });

  it('records each consent decision on its contact, and a retried one once', async () => {
    const contactId = (await createContact(getDb(), anna, ContactCreate.parse({ lastName: 'Einwilligung' }))).value.id;
    const entry = { id: randomUUID(), contactId, channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action: 'granted', source: 'Web' } as const;
    await recordConsent(getDb(), anna, entry);
    await recordConsent(getDb(), anna, entry);
    await recordConsent(getDb(), ben, { ...entry, id: undefined, action: 'withdrawn' });
    expect(await trail('contact', contactId)).toEqual([
      ['create', 'anna', []],
      ['consent', 'anna', ['email/newsletter:granted']],
      ['consent', 'ben', ['email/newsletter:withdrawn']],
    ]);
  });

  it('records settings changes on the tenant', async () => {
    const admin = await seedActor(getDb(), { roles: ['CRM.Admin'] });
    await replaceSettings(getDb(), admin, { ...defaultSettings, sleepingAfterDays: 30 }, 1);
    expect((await auditTrail(getDb(), admin.tenantId, 'tenant', admin.tenantId)).map((t) => [t.action, t.actor_id, t.changed_fields])).toEqual([
      [
        'settings',
        admin.userId,
        ['stages', 'sleepingAfterDays', 'defaultCurrency', 'graphSync', 'internalDomains', 'insights', 'leads', 'serviceLevels', 'logWhenSentToCustomers'],
      ],
    ]);
  });

  it('records nothing for a change that failed', async () => {
    const id = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Fehlschlag AG', domains: ['fehlschlag.de'] }))).value.id;
    await domainError(changeAccount(getDb(), anna, id, 5, { segment: 'x' }), 'precondition_failed');
    const copy = randomUUID();
    await domainError(createAccount(getDb(), anna, AccountCreate.parse({ id: copy, name: 'Kopie AG', domains: ['fehlschlag.de'] })), 'conflict');
    expect(await trail('account', id)).toEqual([['create', 'anna', []]]);
    expect(await trail('account', copy)).toEqual([]);
  });
});
