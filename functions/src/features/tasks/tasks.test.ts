// Tasks and follow-ups: assignment, completion stamps, filters, paging by due date, optimistic updates, same-tenant references.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate, TaskCreate, TaskListQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { allPages, countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { logInteraction } from '../interactions';
import { createOpportunity } from '../opportunities';
import { changeTask, createTask, readTask, removeTask, searchTasks } from './service';

describeEachDatabase('tasks', (getDb) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await seedActor(getDb());
  });

  const create = (input: z.input<typeof TaskCreate>, as = actor) => createTask(getDb(), as, TaskCreate.parse(input));
  const search = (query: z.input<typeof TaskListQuery>, as = actor) => searchTasks(getDb(), as, TaskListQuery.parse(query));
  const titles = async (query: z.input<typeof TaskListQuery>, as = actor) => (await search(query, as)).items.map((t) => t.title);

  it('assigns a task to its creator unless told otherwise, and "me" lists the caller\'s open ones by due date', async () => {
    const me = await seedActor(getDb());
    const colleague = await seedActor(getDb(), { tenantId: me.tenantId, name: 'Colleague' });
    expect((await create({ title: 'Später', dueDate: '2026-12-20' }, me)).value).toMatchObject({
      assigneeId: me.userId,
      createdBy: me.userId,
      kind: 'follow_up',
    });
    await create({ title: 'Früher', dueDate: '2026-11-01' }, me);
    await create({ title: 'Nicht meins', dueDate: '2026-10-01' }, colleague);
    await create({ title: 'Für Kollegin', dueDate: '2026-10-02', assigneeId: colleague.userId }, me);
    expect((await create({ title: 'Niemandes', dueDate: '2026-10-03', assigneeId: null }, me)).value.assigneeId).toBeNull();
    expect(await titles({ assigneeId: 'me', status: 'open' }, me)).toEqual(['Früher', 'Später']);
    expect(await titles({ assigneeId: 'me' }, colleague)).toEqual(['Nicht meins', 'Für Kollegin']);
  });

  it('stamps completedAt when done and clears it when reopened or cancelled', async () => {
    const { value } = await create({ title: 'Erledigen', dueDate: '2026-11-11' });
    const done = await changeTask(getDb(), actor, value.id, 1, { status: 'done' });
    expect(done.completedAt).not.toBeNull();
    expect(await changeTask(getDb(), actor, value.id, 2, { title: 'Erledigt' })).toMatchObject({ completedAt: done.completedAt });
    expect(await changeTask(getDb(), actor, value.id, 3, { status: 'open' })).toMatchObject({ completedAt: null });
    expect(await changeTask(getDb(), actor, value.id, 4, { status: 'cancelled' })).toMatchObject({ completedAt: null });
  });

  it('filters by record, status and due date', async () => {
    const tenant = await seedActor(getDb());
    const accountId = (await createAccount(getDb(), tenant, AccountCreate.parse({ name: 'Firma' }))).value.id;
    const contactId = (await createContact(getDb(), tenant, ContactCreate.parse({ lastName: 'Kunde', accountId }))).value.id;
    const opportunityId = (await createOpportunity(getDb(), tenant, OpportunityCreate.parse({ accountId, name: 'Deal' }))).value.id;
    await create({ title: 'Konto', dueDate: '2026-01-10', accountId }, tenant);
    await create({ title: 'Person', dueDate: '2026-01-20', contactId }, tenant);
    await create({ title: 'Deal', dueDate: '2026-01-30', opportunityId }, tenant);
    const done = (await create({ title: 'Fertig', dueDate: '2026-01-05', accountId }, tenant)).value;
    await changeTask(getDb(), tenant, done.id, 1, { status: 'done' });
    expect(await titles({ accountId }, tenant)).toEqual(['Fertig', 'Konto']);
    expect(await titles({ contactId }, tenant)).toEqual(['Person']);
    expect(await titles({ opportunityId }, tenant)).toEqual(['Deal']);
    expect(await titles({ status: 'done' }, tenant)).toEqual(['Fertig']);
    expect(await titles({ status: 'open', dueBefore: '2026-01-30' }, tenant)).toEqual(['Konto', 'Person']);
  });

  it('walks all pages by due date and id without repeats or gaps', async () => {
    const tenant = await seedActor(getDb());
    const stored = [];
    for (const day of [3, 1, 2, 1, 3, 1, 2, 5, 1]) stored.push((await create({ title: `Tag ${day}`, dueDate: `2026-02-0${day}` }, tenant)).value);
    const key = (t: { dueDate: string; id: string }) => `${t.dueDate} ${t.id}`;
    const expected = stored.sort((x, y) => (key(x) < key(y) ? -1 : 1)).map((t) => t.id);
    const pages = await allPages((cursor) => search({ limit: 4, cursor }, tenant));
    expect(pages.map((p) => p.length)).toEqual([4, 4, 1]);
    expect(pages.flat().map((t) => t.id)).toEqual(expected);
  });

  it('answers a retried create with the same client id with the stored task and keeps one row', async () => {
    const id = randomUUID();
    const first = await create({ id, title: 'Einmal', dueDate: '2026-03-01' });
    const second = await create({ id, title: 'Einmal', dueDate: '2026-03-01' });
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.value).toEqual(first.value);
    expect(await countRows(getDb(), 'tasks', actor.tenantId, { id })).toBe(1);
  });

  it('updates and deletes with the version read, and refuses a stale version or a missing task', async () => {
    const { value } = await create({ title: 'Version', dueDate: '2026-04-01' });
    expect(await changeTask(getDb(), actor, value.id, 1, { dueDate: '2026-04-02' })).toMatchObject({ dueDate: '2026-04-02', etag: '"2"' });
    await domainError(changeTask(getDb(), actor, value.id, 1, { dueDate: '2026-04-03' }), 'precondition_failed');
    await domainError(changeTask(getDb(), actor, randomUUID(), 1, { dueDate: '2026-04-03' }), 'not_found');
    await domainError(removeTask(getDb(), actor, value.id, 1), 'precondition_failed');
    await removeTask(getDb(), actor, value.id, 2);
    await domainError(readTask(getDb(), actor, value.id), 'not_found');
    await domainError(removeTask(getDb(), actor, value.id, 2), 'not_found');
  });

  it("refuses another tenant's user or records as reference and names the field", async () => {
    const stranger = await seedActor(getDb());
    const accountId = (await createAccount(getDb(), stranger, AccountCreate.parse({ name: 'Fremd' }))).value.id;
    const contactId = (await createContact(getDb(), stranger, ContactCreate.parse({ lastName: 'Fremd' }))).value.id;
    const opportunityId = (await createOpportunity(getDb(), stranger, OpportunityCreate.parse({ accountId, name: 'Fremd' }))).value.id;
    const interactionId = (
      await logInteraction(getDb(), stranger, InteractionCreate.parse({ type: 'note', occurredAt: '2026-01-01T00:00:00Z', subject: 'Fremd' }))
    ).value.id;
    const references = { assigneeId: stranger.userId, accountId, contactId, opportunityId, interactionId };
    for (const [field, id] of Object.entries(references)) {
      expect(await domainError(create({ title: 'Falsch', dueDate: '2026-05-01', [field]: id }), 'invalid'), field).toMatchObject({ field });
    }
    const mine = (await create({ title: 'Richtig', dueDate: '2026-05-01' })).value;
    expect(await domainError(changeTask(getDb(), actor, mine.id, 1, { assigneeId: stranger.userId }), 'invalid')).toMatchObject({ field: 'assigneeId' });
    expect(await countRows(getDb(), 'tasks', actor.tenantId, { title: 'Falsch' })).toBe(0);
  });

  it('keeps the email a follow-up came from and links it to the sender once they are added as a contact (#12 defect 15)', async () => {
    const me = await seedActor(getDb());
    const origin = {
      internetMessageId: '<anfrage-1@hoffmann-antriebstechnik.de>',
      subject: 'Anfrage Ersatzteile',
      from: 'lena.vogt@hoffmann-antriebstechnik.de',
    };
    const orphan = (await create({ title: 'Antworten auf: Anfrage Ersatzteile', dueDate: '2026-12-03', origin }, me)).value;
    expect(orphan).toMatchObject({ accountId: null, contactId: null, origin });
    const other = (await create({ title: 'Jemand anderes', dueDate: '2026-12-03', origin: { ...origin, from: 'max@else.de' } }, me)).value;
    // Another tenant's follow-up from the same address is not theirs to link.
    const stranger = await seedActor(getDb());
    const theirs = (await create({ title: 'Fremd', dueDate: '2026-12-03', origin }, stranger)).value;
    const account = (await createAccount(getDb(), me, AccountCreate.parse({ name: 'Hoffmann Antriebstechnik GmbH' }))).value;
    const lena = (
      await createContact(
        getDb(),
        me,
        ContactCreate.parse({ firstName: 'Lena', lastName: 'Vogt', emails: ['Lena.Vogt@Hoffmann-Antriebstechnik.de'], accountId: account.id }),
      )
    ).value;
    const linked = await readTask(getDb(), me, orphan.id);
    expect(linked).toMatchObject({ contactId: lena.id, accountId: account.id, origin });
    expect(linked.etag).not.toBe(orphan.etag);
    expect(await readTask(getDb(), me, other.id)).toMatchObject({ contactId: null, accountId: null, etag: other.etag });
    expect(await readTask(getDb(), stranger, theirs.id)).toMatchObject({ contactId: null, etag: theirs.etag });
  });
});
