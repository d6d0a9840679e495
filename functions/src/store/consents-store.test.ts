// The consent ledger is append-only in the database itself, not only by convention in the code.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../test/support/databases';
import { createContact } from '../domain/contacts';
import { contactConsents, recordConsent } from '../domain/consents';
import type { Actor } from '../domain/actor';
import { auditTrail } from './audit-store';

describeEachDatabase('consent ledger', (getDb) => {
  let actor: Actor;
  let contactId: string;
  beforeAll(async () => {
    actor = await seedActor(getDb());
    contactId = (
      await createContact(getDb(), actor, { firstName: 'Lea', lastName: 'Lang', emails: [], phones: [], communicationPreferences: {}, customFields: {} })
    ).value.id;
  });

  const record = (action: 'granted' | 'withdrawn' | 'objected', capturedAt: string) =>
    recordConsent(getDb(), actor, { contactId, channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action, source: 'Website', capturedAt });

  it('keeps the full history and derives the current state from it', async () => {
    await record('granted', '2025-01-10T10:00:00Z');
    await record('withdrawn', '2026-02-01T10:00:00Z');
    const { state, history } = await contactConsents(getDb(), actor, contactId);
    expect(history.map((h) => h.action)).toEqual(['withdrawn', 'granted']);
    expect(state.channels.email).toBe('withdrawn');
    expect(history[0]!.capturedByName).toBe('Test User');
  });

  it('refuses to edit or hide an entry after the fact', async () => {
    await expect(getDb().query(`UPDATE consents SET action = 'granted' WHERE tenant_id = $1`, [actor.tenantId])).rejects.toThrow(/append-only/);
  });

  it('records each decision in the audit log', async () => {
    const trail = await auditTrail(getDb(), actor.tenantId, 'contact', contactId);
    expect(trail.filter((t) => t.action === 'consent').map((t) => t.changed_fields)).toEqual([['email/newsletter:granted'], ['email/newsletter:withdrawn']]);
  });
});
