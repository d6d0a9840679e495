// Logging is idempotent by natural key even under concurrency, and keeps links, timelines and open complaints right.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate, TimelineQuery } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { allPages, countRows, domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { customerContext } from '../context';
import { changeInteraction, logInteraction, lookupInteractions, readInteraction, timeline } from './service';
import { createOpportunity } from '../opportunities';

describeEachDatabase('interactions', (getDb) => {
  let anna: Actor;
  let ben: Actor;
  let accountId: string;
  let contactId: string;

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    ben = await seedActor(getDb(), { tenantId: anna.tenantId, name: 'Ben' });
    accountId = (await createAccount(getDb(), anna, AccountCreate.parse({ name: 'Keller Pumpen GmbH', domains: ['keller-pumpen.de'] }))).value.id;
    contactId = (
      await createContact(getDb(), anna, ContactCreate.parse({ firstName: 'Karl', lastName: 'Keller', emails: ['karl@keller-pumpen.de'], accountId }))
    ).value.id;
  });

  const log = (input: z.input<typeof InteractionCreate>, as = anna) => logInteraction(getDb(), as, InteractionCreate.parse(input));
  const email = (internetMessageId: string, extra: Partial<z.input<typeof InteractionCreate>> = {}): z.input<typeof InteractionCreate> => ({
    type: 'email',
    occurredAt: '2026-10-01T10:00:00Z',
    subject: 'Anfrage',
    source: 'addin',
    internetMessageId,
    contactIds: [contactId],
    ...extra,
  });
  const page = (account: string, query: Partial<z.input<typeof TimelineQuery>>) => timeline(getDb(), anna, account, TimelineQuery.parse(query));
  const freshAccount = async (name: string) => (await createAccount(getDb(), anna, AccountCreate.parse({ name }))).value.id;

  it("links the contact's account automatically", async () => {
    const { value, created } = await log(email(`<${randomUUID()}@x>`));
    expect(created).toBe(true);
    expect(value).toMatchObject({ accountIds: [accountId], contactIds: [contactId], createdBy: anna.userId });
    expect(value.loggedBy.map((l) => l.displayName)).toEqual(['Anna']);
  });

  it('keeps one record when a colleague logs the same email again, adding them as logger and their extra links', async () => {
    const messageId = `<${randomUUID()}@keller-pumpen.de>`;
    const opportunityId = (await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId, name: 'Ersatzteile' }))).value.id;
    const first = await log(email(messageId));
    const again = await log(email(messageId, { subject: 'Anfrage (Ben)', opportunityIds: [opportunityId] }), ben);
    expect(again.created).toBe(false);
    expect(again.value).toMatchObject({
      id: first.value.id,
      subject: 'Anfrage',
      contactIds: [contactId],
      accountIds: [accountId],
      opportunityIds: [opportunityId],
    });
    expect(again.value.loggedBy.map((l) => l.displayName)).toEqual(['Anna', 'Ben']);
    expect(await countRows(getDb(), 'interactions', anna.tenantId, { internet_message_id: messageId })).toBe(1);
  });

  it('keeps one record per meeting by iCalUId', async () => {
    const iCalUId = `ical-${randomUUID()}`;
    const meeting: z.input<typeof InteractionCreate> = {
      type: 'meeting',
      occurredAt: '2026-10-02T09:00:00Z',
      subject: 'Jour fixe',
      iCalUId,
      contactIds: [contactId],
    };
    const first = await log(meeting);
    const again = await log(meeting, ben);
    expect([first.created, again.created]).toEqual([true, false]);
    expect(again.value.id).toBe(first.value.id);
    expect(again.value.loggedBy).toHaveLength(2);
    expect(await countRows(getDb(), 'interactions', anna.tenantId, { ical_uid: iCalUId })).toBe(1);
  });

  it('keeps one record when ten people log the same email at the same moment', async () => {
    const messageId = `<${randomUUID()}@keller-pumpen.de>`;
    const actors = [anna, ben, anna, ben, anna, ben, anna, ben, anna, ben];
    const results = await Promise.all(actors.map((actor) => log(email(messageId), actor)));
    expect(new Set(results.map((r) => r.value.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await countRows(getDb(), 'interactions', anna.tenantId, { internet_message_id: messageId })).toBe(1);
    const stored = await readInteraction(getDb(), anna, results[0]!.value.id);
    expect(stored.loggedBy.map((l) => l.displayName).sort()).toEqual(['Anna', 'Ben']);
  });

  it('finds logged interactions by message, meeting or conversation key', async () => {
    const conversationId = `conv-${randomUUID()}`;
    const first = await log(email(`<${randomUUID()}@x>`, { conversationId, occurredAt: '2026-10-03T10:00:00Z' }));
    const reply = await log(email(`<${randomUUID()}@x>`, { conversationId, occurredAt: '2026-10-03T11:00:00Z' }));
    expect((await lookupInteractions(getDb(), anna, { conversationId })).items.map((i) => i.id)).toEqual([reply.value.id, first.value.id]);
    expect((await lookupInteractions(getDb(), anna, { internetMessageId: first.value.internetMessageId! })).items.map((i) => i.id)).toEqual([first.value.id]);
    expect((await lookupInteractions(getDb(), anna, { internetMessageId: '<never-logged@x>' })).items).toEqual([]);
  });

  it('pages the timeline newest first with a type filter and no gaps or repeats', async () => {
    const fresh = await freshAccount('Timeline AG');
    for (let day = 1; day <= 25; day++) {
      const occurredAt = `2026-09-${String(day).padStart(2, '0')}T09:00:00Z`;
      await log({ type: day % 5 === 0 ? 'call' : 'note', occurredAt, subject: `Eintrag ${day}`, accountIds: [fresh] });
    }
    const pages = await allPages((cursor) => page(fresh, { limit: 7, cursor }));
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 4]);
    expect(pages.flat().map((i) => i.subject)).toEqual(Array.from({ length: 25 }, (_, i) => `Eintrag ${25 - i}`));
    const calls = await allPages((cursor) => page(fresh, { limit: 2, type: ['call'], cursor }));
    expect(calls.flat().map((i) => i.subject)).toEqual(['Eintrag 25', 'Eintrag 20', 'Eintrag 15', 'Eintrag 10', 'Eintrag 5']);
  });

  it('filters by several types and by words in subject, note or resolution, and counts the matches across pages', async () => {
    const fresh = await freshAccount('Suche AG');
    const entries: Array<Omit<z.input<typeof InteractionCreate>, 'occurredAt'>> = [
      { type: 'call', subject: 'Rückruf Pumpe P-200', summary: null },
      { type: 'note', subject: 'Messe', summary: 'Fragte nach der PUMPE in Edelstahl' },
      { type: 'meeting', subject: 'Jour fixe', summary: 'Kein Thema: 100% erledigt' },
      { type: 'complaint', subject: 'Lieferung zu spät', summary: null },
      { type: 'email', subject: 'Angebot Pumpe', summary: null },
      { type: 'call', subject: 'Termin', summary: null },
    ];
    const ids: string[] = [];
    for (const [day, entry] of entries.entries()) {
      ids.push((await log({ ...entry, occurredAt: `2026-06-${String(day + 10)}T09:00:00Z`, accountIds: [fresh] })).value.id);
    }
    const complaint = ids[3]!;
    await changeInteraction(getDb(), anna, complaint, 1, { status: 'resolved', resolution: 'Pumpe ersetzt' });
    const newestFirst = (...indexes: number[]) => indexes.map((i) => ids[i]).reverse();

    expect((await page(fresh, { type: ['call', 'meeting'] })).items.map((i) => i.id)).toEqual(newestFirst(0, 2, 5));
    expect((await page(fresh, { q: 'pumpe' })).items.map((i) => i.id)).toEqual(newestFirst(0, 1, 3, 4));
    expect((await page(fresh, { q: 'Pumpe', type: ['call', 'note'] })).items.map((i) => i.id)).toEqual(newestFirst(0, 1));
    // % and _ are the words searched for, not patterns.
    expect((await page(fresh, { q: '100%' })).items.map((i) => i.id)).toEqual([ids[2]]);
    expect((await page(fresh, { q: 'p_200' })).items).toEqual([]);

    const counted = await page(fresh, { q: 'pumpe', count: 'true', limit: 3 });
    expect(counted).toMatchObject({ total: 4 });
    expect(counted.items).toHaveLength(3);
    expect(await page(fresh, { q: 'pumpe', count: 'true', limit: 3, cursor: counted.nextCursor! })).toMatchObject({ total: 4, nextCursor: null });
    expect(await page(fresh, { count: 'true' })).toMatchObject({ total: 6 });
    expect(await page(fresh, { type: ['web_form'], count: 'true' })).toMatchObject({ items: [], total: 0 });
    expect(await page(fresh, {})).not.toHaveProperty('total');
  });

  it("counts and searches only the tenant's own account and what has happened", async () => {
    const fresh = await freshAccount('Zaehlen AG');
    await log({ type: 'note', occurredAt: '2026-06-01T09:00:00Z', subject: 'Geheim Eins', accountIds: [fresh] });
    await log({ type: 'meeting', occurredAt: '2099-06-01T09:00:00Z', subject: 'Geheim Zukunft', accountIds: [fresh] });
    expect(await page(fresh, { q: 'geheim', count: 'true' })).toMatchObject({ total: 1 });
    const stranger = await seedActor(getDb());
    await domainError(timeline(getDb(), stranger, fresh, TimelineQuery.parse({ q: 'geheim', count: 'true' })), 'not_found');
  });

  it('pages interactions with the same or sub-millisecond-apart times without losing any', async () => {
    const fresh = await freshAccount('Gleichzeitig AG');
    const times = ['2026-08-01T10:00:00.000300Z', '2026-08-01T10:00:00.000200Z', '2026-08-01T10:00:00.000100Z', '2026-08-01T10:00:00Z', '2026-08-01T10:00:00Z'];
    const ids = [];
    for (const occurredAt of times) ids.push((await log({ type: 'note', occurredAt, subject: 'Gleichzeitig', accountIds: [fresh] })).value.id);
    const pages = await allPages((cursor) => page(fresh, { limit: 1, cursor }));
    const tied = ids.slice(3).sort().reverse();
    expect(pages.flat().map((i) => i.id)).toEqual([...ids.slice(0, 3), ...tied]);
  });

  it('filters the timeline by contact', async () => {
    const fresh = await freshAccount('Kontaktfilter AG');
    const other = (await createContact(getDb(), anna, ContactCreate.parse({ lastName: 'Andere', accountId: fresh }))).value.id;
    const mine = await log({ type: 'call', occurredAt: '2026-07-01T10:00:00Z', subject: 'Rückruf', contactIds: [other] });
    await log({ type: 'call', occurredAt: '2026-07-02T10:00:00Z', subject: 'Anruf', accountIds: [fresh] });
    expect((await page(fresh, { contactId: other })).items.map((i) => i.id)).toEqual([mine.value.id]);
  });

  it('moves an interaction on the timeline when its date changes', async () => {
    const logged = await log(email(`<${randomUUID()}@x>`, { occurredAt: '2020-01-01T00:00:00Z' }));
    await changeInteraction(getDb(), anna, logged.value.id, 1, { occurredAt: '2026-11-30T00:00:00Z' });
    expect((await page(accountId, { limit: 1 })).items[0]!.id).toBe(logged.value.id);
  });

  it('lists only what has happened by the given time; planned meetings stay off the timeline', async () => {
    const fresh = await freshAccount('Zukunft AG');
    const now = new Date('2026-11-29T12:00:00Z');
    const past = await log({ type: 'note', occurredAt: '2026-11-20T09:00:00Z', subject: 'Besuch', accountIds: [fresh] });
    await log({ type: 'meeting', occurredAt: '2026-11-30T09:00:00Z', subject: 'Morgen', accountIds: [fresh] });
    await log({ type: 'meeting', occurredAt: '2027-11-01T09:00:00Z', subject: 'Nächstes Jahr', accountIds: [fresh] });
    const listed = await timeline(getDb(), anna, fresh, TimelineQuery.parse({}), now);
    expect(listed.items.map((i) => i.id)).toEqual([past.value.id]);
    expect((await timeline(getDb(), anna, fresh, TimelineQuery.parse({}), new Date('2028-01-01T00:00:00Z'))).items).toHaveLength(3);
  });

  it('orders by when things happened, not when they were logged or changed: a resolved complaint keeps its place', async () => {
    const fresh = await freshAccount('Reihenfolge AG');
    const meeting = await log({ type: 'meeting', occurredAt: '2026-11-27T09:00:00Z', subject: 'Jour fixe', accountIds: [fresh] });
    const complaint = await log({ type: 'complaint', occurredAt: '2026-11-25T08:00:00Z', subject: 'Lagerschaden', accountIds: [fresh] });
    const note = await log({ type: 'note', occurredAt: '2026-11-26T10:00:00Z', subject: 'Nachgetragen', accountIds: [fresh] });
    await changeInteraction(getDb(), anna, complaint.value.id, 1, { status: 'resolved', resolution: 'Ersetzt' });
    const pages = await allPages((cursor) => page(fresh, { limit: 1, cursor }));
    expect(pages.flat().map((i) => i.id)).toEqual([meeting.value.id, note.value.id, complaint.value.id]);
  });

  it('opens complaints by default, stamps resolvedAt on resolving and drops them from the open complaints', async () => {
    const fresh = await freshAccount('Beschwerde AG');
    // The context lookup reaches the account through a contact with a matching email.
    await createContact(getDb(), anna, ContactCreate.parse({ lastName: 'Beschwerdeführer', emails: ['someone@beschwerde.test'], accountId: fresh }));
    const complaint = await log({ type: 'complaint', occurredAt: '2026-06-01T10:00:00Z', subject: 'Pumpe defekt', accountIds: [fresh] });
    expect(complaint.value).toMatchObject({ status: 'open', resolvedAt: null });
    const openComplaints = async () => (await customerContext(getDb(), anna, ['someone@beschwerde.test'])).accounts;
    expect((await openComplaints())[0]!.openComplaints.map((c) => c.id)).toEqual([complaint.value.id]);
    const resolved = await changeInteraction(getDb(), anna, complaint.value.id, 1, { status: 'resolved', resolution: 'Getauscht' });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'Getauscht' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect((await openComplaints())[0]!.openComplaints).toEqual([]);
    expect(await changeInteraction(getDb(), anna, complaint.value.id, 2, { status: 'open' })).toMatchObject({ resolvedAt: null });
  });

  it('updates with the version read and refuses a stale version or a missing interaction', async () => {
    const logged = await log({ type: 'note', occurredAt: '2026-05-01T10:00:00Z', subject: 'Alt' });
    expect(await changeInteraction(getDb(), anna, logged.value.id, 1, { subject: 'Neu' })).toMatchObject({ subject: 'Neu', etag: '"2"' });
    await domainError(changeInteraction(getDb(), anna, logged.value.id, 1, { subject: 'Verloren' }), 'precondition_failed');
    await domainError(changeInteraction(getDb(), anna, randomUUID(), 1, { subject: 'x' }), 'not_found');
    await domainError(timeline(getDb(), anna, randomUUID(), TimelineQuery.parse({})), 'not_found');
  });

  it("refuses another tenant's accounts, contacts or opportunities as links and names the field", async () => {
    const stranger = await seedActor(getDb());
    const foreignAccount = (await createAccount(getDb(), stranger, AccountCreate.parse({ name: 'Fremd' }))).value.id;
    const foreignContact = (await createContact(getDb(), stranger, ContactCreate.parse({ lastName: 'Fremd' }))).value.id;
    const foreignOpportunity = (await createOpportunity(getDb(), stranger, OpportunityCreate.parse({ accountId: foreignAccount, name: 'Fremd' }))).value.id;
    const links = { accountIds: foreignAccount, contactIds: foreignContact, opportunityIds: foreignOpportunity };
    for (const [field, id] of Object.entries(links)) {
      const error = await domainError(log({ type: 'note', occurredAt: '2026-04-01T10:00:00Z', subject: 'Falsch', [field]: [id] }), 'invalid');
      expect(error.field, field).toBe(field);
    }
    expect(await countRows(getDb(), 'interactions', anna.tenantId, { subject: 'Falsch' })).toBe(0);
  });
});
