// The consent ledger is append-only in the database itself, and the state derived from it follows capture time, not entry order.
import { ContactCreate, type ConsentEntryCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { contactConsents, recordConsent } from './service';
import { createContact } from '../contacts';

describeEachDatabase('consent ledger', (getDb) => {
  let actor: Actor;
  beforeAll(async () => {
    actor = await seedActor(getDb(), { name: 'Clara Consent' });
  });

  const newContact = async (as = actor) => (await createContact(getDb(), as, ContactCreate.parse({ lastName: 'Lang' }))).value.id;
  const record = (contactId: string, entry: Pick<ConsentEntryCreate, 'channel' | 'purpose' | 'action' | 'capturedAt'> & Partial<ConsentEntryCreate>) =>
    recordConsent(getDb(), actor, { contactId, legalBasis: 'consent', source: 'Website', ...entry });

  it('keeps the full history, newest capture first, with who captured each entry', async () => {
    const contactId = await newContact();
    await record(contactId, { channel: 'email', purpose: 'newsletter', action: 'granted', capturedAt: '2025-01-10T10:00:00Z' });
    await record(contactId, { channel: 'phone', purpose: 'events', action: 'granted', capturedAt: '2026-03-01T10:00:00Z' });
    await record(contactId, { channel: 'email', purpose: 'newsletter', action: 'withdrawn', capturedAt: '2026-02-01T10:00:00Z' });
    const { history, state } = await contactConsents(getDb(), actor, contactId);
    expect(history.map((h) => `${h.channel}/${h.purpose}:${h.action}`)).toEqual([
      'phone/events:granted',
      'email/newsletter:withdrawn',
      'email/newsletter:granted',
    ]);
    expect(history.every((h) => h.capturedBy === actor.userId && h.capturedByName === 'Clara Consent')).toBe(true);
    expect(state.channels).toMatchObject({ email: 'withdrawn', phone: 'granted', sms: 'none' });
  });

  it('lets the latest capture win even when an older decision is recorded afterwards', async () => {
    const contactId = await newContact();
    await record(contactId, { channel: 'email', purpose: 'marketing', action: 'granted', capturedAt: '2026-06-01T10:00:00Z' });
    // A paper form from last year, typed in today, does not override the newer grant.
    await record(contactId, { channel: 'email', purpose: 'marketing', action: 'objected', capturedAt: '2025-06-01T10:00:00Z' });
    const { state, history } = await contactConsents(getDb(), actor, contactId);
    expect(state.current.map((c) => c.action)).toEqual(['granted']);
    expect(state.channels.email).toBe('granted');
    expect(history).toHaveLength(2);
  });

  it('summarises a channel by its strongest refusal across purposes', async () => {
    const contactId = await newContact();
    await record(contactId, { channel: 'email', purpose: 'newsletter', action: 'granted', capturedAt: '2026-01-01T10:00:00Z' });
    await record(contactId, { channel: 'email', purpose: 'surveys', action: 'withdrawn', capturedAt: '2025-01-01T10:00:00Z' });
    await record(contactId, { channel: 'sms', purpose: 'events', action: 'granted', capturedAt: '2025-01-01T10:00:00Z' });
    await record(contactId, { channel: 'sms', purpose: 'marketing', action: 'objected', capturedAt: '2024-01-01T10:00:00Z' });
    const { state } = await contactConsents(getDb(), actor, contactId);
    expect(state.channels).toMatchObject({ email: 'withdrawn', sms: 'objected', post: 'none' });
  });

  it('refuses to edit an entry after the fact', async () => {
    const contactId = await newContact();
    await record(contactId, { channel: 'post', purpose: 'events', action: 'objected', capturedAt: '2026-01-01T10:00:00Z' });
    await expect(getDb().query(`UPDATE consents SET action = 'granted' WHERE tenant_id = $1 AND contact_id = $2`, [actor.tenantId, contactId])).rejects.toThrow(
      /append-only/,
    );
    expect((await contactConsents(getDb(), actor, contactId)).state.channels.post).toBe('objected');
  });

  it('records a retried entry with the same client id once', async () => {
    const contactId = await newContact();
    const id = randomUUID();
    const entry = { id, channel: 'sms', purpose: 'surveys', action: 'granted', capturedAt: '2026-01-01T10:00:00Z' } as const;
    const first = await record(contactId, entry);
    const second = await record(contactId, entry);
    expect([first.created, second.created]).toEqual([true, false]);
    expect(second.value).toEqual(first.value);
    expect(await countRows(getDb(), 'consents', actor.tenantId, { contact_id: contactId })).toBe(1);
  });

  it('takes the recording moment as capture time when none is given', async () => {
    const contactId = await newContact();
    const { value } = await recordConsent(getDb(), actor, {
      contactId,
      channel: 'email',
      purpose: 'events',
      legalBasis: 'consent',
      action: 'granted',
      source: 'Telefon',
    });
    expect(value.capturedAt).toBe(value.recordedAt);
  });

  it("keeps other tenants out: their contacts cannot be given entries, and this tenant's ledger cannot be read by them", async () => {
    const stranger = await seedActor(getDb());
    const foreign = await newContact(stranger);
    const error = await domainError(
      record(foreign, { channel: 'email', purpose: 'marketing', action: 'granted', capturedAt: '2026-01-01T10:00:00Z' }),
      'invalid',
    );
    expect(error.field).toBe('contactId');
    const mine = await newContact();
    await domainError(contactConsents(getDb(), stranger, mine), 'not_found');
  });
});
