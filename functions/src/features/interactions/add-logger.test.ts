// "Log for me too": a colleague who logs an email or meeting that is already in the CRM keeps their note and their links.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { auditTrail } from '../../core/audit/audit-store';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { createOpportunity } from '../opportunities';
import { logInteraction, readInteraction } from './service';

describeEachDatabase('adding a logger', (getDb) => {
  let anna: Actor;
  let ben: Actor;
  let accountId: string;
  let contactId: string;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna Becker' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben Wolf' });
    accountId = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Nordlicht AG' }))).value.id;
    contactId = (await createContact(getDb(), anna, ContactCreate.parse({ lastName: 'Berger', emails: ['tom@nordlicht.example'], accountId }))).value.id;
  });

  const log = (input: z.input<typeof InteractionCreate>, as: Actor) => logInteraction(getDb(), as, InteractionCreate.parse(input));
  const email = (internetMessageId: string, extra: Partial<z.input<typeof InteractionCreate>> = {}): z.input<typeof InteractionCreate> => ({
    type: 'email',
    occurredAt: '2026-11-20T10:00:00Z',
    subject: 'Angebot Wartung',
    source: 'addin',
    internetMessageId,
    contactIds: [contactId],
    ...extra,
  });

  it("keeps the colleague's note beside the first logger's, named, together with the opportunity link", async () => {
    const messageId = `<${randomUUID()}@nordlicht.example>`;
    const opportunityId = (await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId, name: 'Wartung 2027' }))).value.id;
    const first = await log(email(messageId, { summary: 'Will ein Angebot bis Freitag.' }), anna);
    const again = await log(email(messageId, { summary: 'Rabatt 5 % zugesagt.', opportunityIds: [opportunityId] }), ben);
    expect(again.created).toBe(false);
    expect(again.value.opportunityIds).toEqual([opportunityId]);
    expect(again.value.summary).toBe('Will ein Angebot bis Freitag.\n\nBen Wolf: Rabatt 5 % zugesagt.');
    expect(again.value.etag).not.toBe(first.value.etag);
    expect((await readInteraction(getDb(), ben, first.value.id)).summary).toBe(again.value.summary);
    const trail = (await auditTrail(getDb(), anna.tenantId, 'interaction', first.value.id)).map((t) => [t.action, t.actor_id, t.changed_fields]);
    expect(trail).toEqual([
      ['log', anna.userId, []],
      ['log-again', ben.userId, ['summary']],
    ]);
  });

  it('takes the note as the summary when the first logger wrote none, and keeps it once when the request is repeated', async () => {
    const messageId = `<${randomUUID()}@nordlicht.example>`;
    await log(email(messageId), anna);
    const request = email(messageId, { id: randomUUID(), summary: 'Rückruf am Montag.' });
    await log(request, ben);
    const repeated = await log(request, ben);
    expect(repeated.value.summary).toBe('Ben Wolf: Rückruf am Montag.');
    expect(repeated.value.loggedBy.map((l) => l.displayName)).toEqual(['Anna Becker', 'Ben Wolf']);
  });

  it('refuses a note that would make the summary longer than a summary may be, naming the field, and adds no logger', async () => {
    const messageId = `<${randomUUID()}@nordlicht.example>`;
    const first = await log(email(messageId, { summary: 'x'.repeat(19_990) }), anna);
    const error = await domainError(log(email(messageId, { summary: 'Noch eine lange Notiz.' }), ben), 'invalid');
    expect(error.field).toBe('summary');
    expect((await readInteraction(getDb(), anna, first.value.id)).loggedBy.map((l) => l.displayName)).toEqual(['Anna Becker']);
  });
});
