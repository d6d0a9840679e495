// Logging is idempotent by natural key even under concurrency, and keeps timelines and open complaints right.
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, seedActor } from '../../../test/support/databases';
import type { Actor } from './actor';
import { createAccount } from './accounts';
import { createContact } from './contacts';
import { changeInteraction, logInteraction, timeline } from './interactions';
import { auditTrail } from '../store/audit-store';

describeEachDatabase('interactions', (getDb) => {
  let anna: Actor;
  let ben: Actor;
  let accountId: string;
  let contactId: string;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben' });
    accountId = (await createAccount(getDb(), anna, { name: 'Keller Pumpen GmbH', domains: ['keller-pumpen.de'], customFields: {} })).value.id;
    contactId = (
      await createContact(getDb(), anna, {
        firstName: 'Karl',
        lastName: 'Keller',
        emails: ['karl@keller-pumpen.de'],
        phones: [],
        accountId,
        communicationPreferences: {},
        customFields: {},
      })
    ).value.id;
  });

  const email = (messageId: string, occurredAt = '2026-10-01T10:00:00Z') => ({
    type: 'email' as const,
    occurredAt,
    subject: 'Anfrage',
    source: 'addin' as const,
    internetMessageId: messageId,
    accountIds: [],
    contactIds: [contactId],
    opportunityIds: [],
  });

  it("links the contact's account automatically", async () => {
    const { value } = await logInteraction(getDb(), anna, email(`<${randomUUID()}@x>`));
    expect(value.accountIds).toEqual([accountId]);
    expect(value.contactIds).toEqual([contactId]);
  });

  it('keeps one record when ten people log the same email at the same moment', async () => {
    const messageId = `<${randomUUID()}@keller-pumpen.de>`;
    const actors = [anna, ben, anna, ben, anna, ben, anna, ben, anna, ben];
    const results = await Promise.all(actors.map((actor) => logInteraction(getDb(), actor, email(messageId))));
    expect(new Set(results.map((r) => r.value.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await getDb().query('SELECT id FROM interactions WHERE tenant_id = $1 AND internet_message_id = $2', [anna.tenantId, messageId]);
    expect(rows).toHaveLength(1);
    const stored = results[results.length - 1]!.value;
    expect(stored.loggedBy.map((l) => l.displayName).sort()).toEqual(['Anna', 'Ben']);
    const trail = await auditTrail(getDb(), anna.tenantId, 'interaction', stored.id);
    expect(trail.filter((t) => t.action === 'log')).toHaveLength(1);
    expect(trail.filter((t) => t.action === 'log-again')).toHaveLength(9);
  });

  it('pages the timeline newest first with a type filter and no gaps or repeats', async () => {
    const fresh = (await createAccount(getDb(), anna, { name: 'Timeline AG', domains: [], customFields: {} })).value.id;
    for (let day = 1; day <= 25; day++) {
      await logInteraction(getDb(), anna, {
        type: day % 5 === 0 ? 'call' : 'note',
        occurredAt: `2026-09-${String(day).padStart(2, '0')}T09:00:00Z`,
        subject: `Eintrag ${day}`,
        source: 'api',
        accountIds: [fresh],
        contactIds: [],
        opportunityIds: [],
      });
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await timeline(getDb(), anna, fresh, { limit: 7, type: [], cursor });
      seen.push(...page.items.map((i) => i.subject));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `Eintrag ${25 - i}`));
    const calls = await timeline(getDb(), anna, fresh, { limit: 50, type: ['call'] });
    expect(calls.items.map((i) => i.subject)).toEqual(['Eintrag 25', 'Eintrag 20', 'Eintrag 15', 'Eintrag 10', 'Eintrag 5']);
  });

  it('moves an interaction on the timeline when its date changes', async () => {
    const logged = await logInteraction(getDb(), anna, email(`<${randomUUID()}@x>`, '2020-01-01T00:00:00Z'));
    await changeInteraction(getDb(), anna, logged.value.id, 1, { occurredAt: '2030-01-01T00:00:00Z' });
    const top = await timeline(getDb(), anna, accountId, { limit: 1, type: [] });
    expect(top.items[0]!.id).toBe(logged.value.id);
  });
});
