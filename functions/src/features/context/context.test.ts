// The Outlook pane's context lookup: who the addresses are, what is open with their accounts, and nothing of other tenants.
import { AccountCreate, ContactCreate, InteractionCreate, LeadCreate, OpportunityCreate, TaskCreate } from '@crm/common';
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { recordConsent } from '../consents';
import { createContact } from '../contacts';
import { customerContext } from './service';
import { changeLead, createLead } from '../leads';
import { changeInteraction, logInteraction } from '../interactions';
import { changeOpportunity, createOpportunity } from '../opportunities';
import { changeTask, createTask } from '../tasks';

describeEachDatabase('customer context', (getDb) => {
  let actor: Actor;
  const ids: Record<string, string> = {};
  const messageId = `<${randomUUID()}@keller-pumpen.de>`;
  const asked = ['  KARL@Keller-Pumpen.DE ', 'karl@keller-pumpen.de', 'Neu@Keller-Pumpen.de', 'jemand@nirgends.test', 'lisa@keller-pumpen.de'];

  const log = (input: z.input<typeof InteractionCreate>) => logInteraction(getDb(), actor, InteractionCreate.parse(input));

  beforeAll(async () => {
    const db = getDb();
    actor = await seedActor(db);
    ids.keller = (await createAccount(db, actor, AccountCreate.parse({ name: 'Keller Pumpen GmbH', domains: ['keller-pumpen.de'] }))).value.id;
    ids.neighbour = (await createAccount(db, actor, AccountCreate.parse({ name: 'Nachbar AG', domains: ['nirgends.test.de'] }))).value.id;
    const contact = async (lastName: string, email: string, accountId?: string) =>
      (await createContact(db, actor, ContactCreate.parse({ firstName: 'K', lastName, emails: [email], accountId }))).value.id;
    ids.karl = await contact('Keller', 'karl@keller-pumpen.de', ids.keller);
    ids.lisa = await contact('Lang', 'lisa@keller-pumpen.de', ids.keller);

    const opportunity = async (name: string, expectedCloseDate: string | null) =>
      (await createOpportunity(db, actor, OpportunityCreate.parse({ accountId: ids.keller, name, expectedCloseDate }))).value.id;
    ids.later = await opportunity('Später', null);
    ids.sooner = await opportunity('Bald', '2026-12-01');
    await changeOpportunity(db, actor, await opportunity('Gewonnen', '2026-01-01'), 1, { status: 'won' });
    await createOpportunity(db, actor, OpportunityCreate.parse({ accountId: ids.neighbour, name: 'Nachbar-Deal' }));

    const task = async (title: string, dueDate: string, link: { accountId?: string; contactId?: string }) =>
      (await createTask(db, actor, TaskCreate.parse({ title, dueDate, ...link }))).value.id;
    ids.accountTask = await task('Angebot nachfassen', '2026-11-20', { accountId: ids.keller });
    ids.contactTask = await task('Karl anrufen', '2026-11-10', { contactId: ids.karl });
    await changeTask(db, actor, await task('Erledigt', '2026-11-01', { accountId: ids.keller }), 1, { status: 'done' });

    ids.openComplaint = (await log({ type: 'complaint', occurredAt: '2025-02-01T10:00:00Z', subject: 'Dichtung leckt', accountIds: [ids.keller] })).value.id;
    const resolved = await log({ type: 'complaint', occurredAt: '2025-01-01T10:00:00Z', subject: 'Lieferverzug', accountIds: [ids.keller] });
    await changeInteraction(db, actor, resolved.value.id, 1, { status: 'resolved' });
    for (let day = 1; day <= 12; day++) {
      const occurredAt = `2026-03-${String(day).padStart(2, '0')}T08:00:00Z`;
      await log({ type: 'note', occurredAt, subject: `Notiz ${day}`, contactIds: [ids.karl] });
    }
    ids.logged = (await log({ type: 'email', occurredAt: '2024-01-01T00:00:00Z', internetMessageId: messageId, contactIds: [ids.lisa] })).value.id;

    const consent = (purpose: 'newsletter' | 'marketing', action: 'granted' | 'objected', capturedAt: string) =>
      recordConsent(db, actor, { contactId: ids.karl!, channel: 'email', purpose, legalBasis: 'consent', action, source: 'Messe', capturedAt });
    await consent('newsletter', 'granted', '2025-05-01T00:00:00Z');
    await consent('marketing', 'objected', '2026-05-01T00:00:00Z');
  });

  it('matches addresses trimmed and case-insensitively, once each, in the order asked', async () => {
    const { people } = await customerContext(getDb(), actor, asked);
    expect(people.map((p) => [p.email, p.status])).toEqual([
      ['karl@keller-pumpen.de', 'known'],
      ['neu@keller-pumpen.de', 'unknown'],
      ['jemand@nirgends.test', 'unknown'],
      ['lisa@keller-pumpen.de', 'known'],
    ]);
    const karl = people[0]!;
    expect(karl.status === 'known' && [karl.contact.id, karl.accountId]).toEqual([ids.karl, ids.keller]);
  });

  it("suggests the account owning an unknown address's domain, and only an exact domain", async () => {
    const { people } = await customerContext(getDb(), actor, asked);
    const suggestion = (email: string) => {
      const person = people.find((p) => p.email === email)!;
      return person.status === 'unknown' ? person.suggestedAccount : 'known';
    };
    expect(suggestion('neu@keller-pumpen.de')).toEqual({ id: ids.keller, name: 'Keller Pumpen GmbH' });
    expect(suggestion('jemand@nirgends.test')).toBeNull();
  });

  it("shows the matched account's open opportunities and open tasks, soonest first", async () => {
    const { accounts } = await customerContext(getDb(), actor, asked);
    expect(accounts.map((a) => a.account.id)).toEqual([ids.keller]);
    const keller = accounts[0]!;
    expect(keller.openOpportunities.map((o) => o.id)).toEqual([ids.sooner, ids.later]);
    expect(keller.openTasks.map((t) => t.id)).toEqual([ids.contactTask, ids.accountTask]);
  });

  it('shows the last ten interactions newest first and only the open complaints', async () => {
    const keller = (await customerContext(getDb(), actor, asked)).accounts[0]!;
    expect(keller.recentInteractions.map((i) => i.subject)).toEqual(Array.from({ length: 10 }, (_, i) => `Notiz ${12 - i}`));
    expect(keller.openComplaints.map((c) => c.id)).toEqual([ids.openComplaint]);
  });

  it("derives each known person's consent state from the ledger", async () => {
    const { people } = await customerContext(getDb(), actor, asked);
    const consent = (email: string) => {
      const person = people.find((p) => p.email === email)!;
      return person.status === 'known' ? person.consent : null;
    };
    expect(consent('karl@keller-pumpen.de')?.channels).toMatchObject({ email: 'objected', phone: 'none' });
    expect(consent('karl@keller-pumpen.de')?.current.map((c) => `${c.purpose}:${c.action}`)).toEqual(['marketing:objected', 'newsletter:granted']);
    expect(consent('lisa@keller-pumpen.de')?.current).toEqual([]);
  });

  it('leaves planned meetings out of the recent interactions and shows them apart, soonest first, however far ahead Graph sync brought them in', async () => {
    const ahead = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    await log({ type: 'meeting', occurredAt: ahead(360), subject: 'In einem Jahr', source: 'graph-sync', accountIds: [ids.keller!] });
    await log({ type: 'meeting', occurredAt: ahead(1), subject: 'Morgen', accountIds: [ids.keller!] });
    for (const days of [30, 60, 90]) await log({ type: 'meeting', occurredAt: ahead(days), subject: `In ${days} Tagen`, source: 'graph-sync', accountIds: [ids.keller!] });
    const keller = (await customerContext(getDb(), actor, asked)).accounts[0]!;
    expect(keller.recentInteractions.map((i) => i.subject)).toEqual(Array.from({ length: 10 }, (_, i) => `Notiz ${12 - i}`));
    expect(keller.upcoming.map((i) => i.subject)).toEqual(['Morgen', 'In 30 Tagen', 'In 60 Tagen']);
  });

  it('says whether the open email is logged', async () => {
    expect((await customerContext(getDb(), actor, asked, { internetMessageId: messageId })).logged.map((i) => i.id)).toEqual([ids.logged]);
    expect((await customerContext(getDb(), actor, asked)).logged).toEqual([]);
  });

  it('shows another tenant nothing: every address unknown, no suggestion, no accounts, nothing logged', async () => {
    const stranger = await seedActor(getDb());
    const context = await customerContext(getDb(), stranger, asked, { internetMessageId: messageId });
    expect(context.people.map((p) => p.status === 'unknown' && p.suggestedAccount)).toEqual([null, null, null, null]);
    expect(context.accounts).toEqual([]);
    expect(context.logged).toEqual([]);
  });

  it("shows an unknown address's newest lead with its score and status, and no other tenant's", async () => {
    const db = getDb();
    const lead = (input: z.input<typeof LeadCreate>) => createLead(db, actor, LeadCreate.parse({ source: 'email', ...input }));
    const older = await lead({ email: 'Jemand@nirgends.test', lastName: 'Alt' });
    await changeLead(db, actor, older.value.id, 1, { status: 'disqualified', disqualifyReason: 'kein Bedarf' });
    const newer = await lead({ email: 'jemand@nirgends.test', lastName: 'Neu', budget: 'approved' });
    await lead({ email: 'karl@keller-pumpen.de', lastName: 'Keller' });
    const { people } = await customerContext(db, actor, asked);
    const leadOf = (email: string) => {
      const person = people.find((p) => p.email === email)!;
      return person.status === 'unknown' ? (person.lead ?? null) : 'known';
    };
    const shown = leadOf('jemand@nirgends.test');
    expect(shown !== 'known' && shown && [shown.id, shown.lastName, shown.status, shown.score.total]).toEqual([newer.value.id, 'Neu', 'new', 25]);
    expect(leadOf('neu@keller-pumpen.de')).toBeNull();
    // A known contact is shown as the contact, whatever lead carries the address.
    expect(leadOf('karl@keller-pumpen.de')).toBe('known');
    const stranger = await seedActor(db);
    expect((await customerContext(db, stranger, asked)).people.map((p) => p.status === 'unknown' && p.lead)).toEqual([undefined, undefined, undefined, undefined]);
  });
});
