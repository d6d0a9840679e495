// Segment lists on a small known tenant, on PGlite and PostgreSQL: each filter against hand-picked members, contacts
// hidden while restricted, and a marketing export that lets in only current email grants and says who was left out.
import { randomUUID } from 'node:crypto';
import { AccountCreate, ConsentEntryCreate, ContactCreate, InsightsSettings, InteractionCreate, SegmentListCreate, type SegmentFilter } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import type { z } from 'zod';
import { callAs, createAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { recordConsent } from '../consents';
import { createContact } from '../contacts';
import { getSettings, replaceSettings } from '../settings';
import { logInteraction } from '../interactions';
import { createSegmentList, searchSegmentLists, segmentMembers } from './segment-lists';
import { exportSegment } from './segment-export';
import { refreshAnalysis } from './current';
import { backgroundRefreshesDone } from './background-refresh';
import { isListCursor } from '../../core/db/paging';

// The default period is 2025-12 to 2026-11, the one before 2024-12 to 2025-11.
const NOW = new Date('2026-12-01T12:00:00Z');
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

describeEachDatabase('segment lists', (getDb) => {
  let anna: Actor;
  let admin: Actor;
  const ids: Record<string, string> = {};

  const monthly = async (account: string, from: string, months: number, amount: number) => {
    const [year, month] = from.split('-').map(Number) as [number, number];
    for (let i = 0; i < months; i++) {
      const index = year * 12 + month - 1 + i;
      const start = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
      await getDb().query(
        `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'month', $3, $4, 'api')`,
        [anna.tenantId, ids[account], start, amount],
      );
    }
  };
  const log = (account: string, days: number) =>
    logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids[account]], type: 'call', direction: 'outbound', subject: 'Anruf', occurredAt: daysFromNow(days) }));
  const person = async (account: string, firstName: string, lastName: string, email: boolean) =>
    (ids[lastName] = (
      await createContact(
        getDb(),
        anna,
        ContactCreate.parse({ accountId: ids[account], firstName, lastName, emails: email ? [`${lastName.toLowerCase()}@${account.toLowerCase()}.example`] : [] }),
      )
    ).value.id);
  const consent = (lastName: string, purpose: string, action: string, capturedAt: string, channel = 'email') =>
    recordConsent(
      getDb(),
      anna,
      ConsentEntryCreate.parse({ contactId: ids[lastName], channel, purpose, legalBasis: 'consent', action, source: 'Messe', capturedAt }),
    );

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    admin = await seedActor(getDb(), { tenantId: anna.tenantId, roles: ['CRM.Admin'] });
    for (const [name, industry] of [
      ['Anker', 'Maschinenbau'],
      ['Birke', 'maschinenbau '],
      ['Chrom', 'Elektro'],
      ['Dorn', 'Maschinenbau'],
    ] as const)
      ids[name] = (await createAccount(getDb(), anna, AccountCreate.parse({ name, industry }))).value.id;
    // Anker: 120,000 in each period (stable); Birke: 120,000 then 48,000 (-60 %, declining); Chrom: new with 60,000
    // (growing); Dorn: none. Three customers: A is rank 1 (Anker), B up to rank ceil(3 * 30 %) = 1, so Chrom and Birke are C.
    await monthly('Anker', '2024-12', 24, 10_000);
    await monthly('Birke', '2024-12', 12, 10_000);
    await monthly('Birke', '2025-12', 12, 4_000);
    await monthly('Chrom', '2025-12', 12, 5_000);
    // Last contact: Anker 20 days ago (2026-11-11), Birke 200 days ago (2026-05-15), Dorn 400 days ago (2025-10-27), Chrom never.
    await log('Anker', -20);
    await log('Birke', -200);
    await log('Dorn', -400);

    await person('Anker', 'Ada', 'Adler', true);
    await person('Anker', 'Bernd', 'Bauer', true);
    await person('Anker', 'Carla', 'Conrad', true);
    await person('Anker', 'Dieter', 'Dach', false);
    await person('Anker', 'Emil', 'Eck', true);
    await person('Birke', 'Frida', 'Fink', true);
    await person('Birke', 'Gustav', 'Gans', true);
    await person('Chrom', 'Hanna', 'Horn', true);
    for (const name of ['Adler', 'Bauer', 'Conrad', 'Dach', 'Fink', 'Gans']) await consent(name, 'marketing', 'granted', '2026-01-10T09:00:00.000Z');
    // Bauer objected on the phone: that covers email marketing too. Fink withdrew. Eck only wants the newsletter.
    await consent('Bauer', 'marketing', 'objected', '2026-03-01T09:00:00.000Z', 'phone');
    await consent('Fink', 'marketing', 'withdrawn', '2026-04-01T09:00:00.000Z');
    await consent('Eck', 'newsletter', 'granted', '2026-02-01T09:00:00.000Z');
    await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Widerspruch gegen Richtigkeit', $3)`, [
      anna.tenantId,
      ids.Conrad,
      admin.userId,
    ]);
  });

  const list = async (target: 'accounts' | 'contacts', filter: z.input<typeof SegmentListCreate>['filter']) =>
    (await createSegmentList(getDb(), anna, SegmentListCreate.parse({ name: `Liste ${randomUUID()}`, target, filter }))).value;
  const accountsOf = async (filter: z.input<typeof SegmentListCreate>['filter']) =>
    (await segmentMembers(getDb(), anna, (await list('accounts', filter)).id, {}, NOW)).items.map((m) => m.account.name);
  const contactsOf = async (filter: z.input<typeof SegmentListCreate>['filter'], actor = anna, purpose?: 'marketing') => {
    const members = await segmentMembers(getDb(), actor, (await list('contacts', filter)).id, purpose ? { purpose } : {}, NOW);
    return { names: members.items.map((m) => m.contact?.lastName), leftOut: members.leftOut, items: members.items };
  };

  it('filters accounts by industry without case, by ABC class and by revenue trend', async () => {
    expect(await accountsOf({ industries: ['MASCHINENBAU'] })).toEqual(['Anker', 'Birke', 'Dorn']);
    expect(await accountsOf({ abcClasses: ['C', 'none'] })).toEqual(['Birke', 'Chrom', 'Dorn']);
    expect(await accountsOf({ abcClasses: ['A'] })).toEqual(['Anker']);
    expect(await accountsOf({ revenueTrends: ['declining', 'none'] })).toEqual(['Birke', 'Dorn']);
    expect(await accountsOf({ revenueTrends: ['growing'] })).toEqual(['Chrom']);
    expect(await accountsOf({ revenueTrends: ['stable'], industries: ['Elektro'] })).toEqual([]);
  });

  it('follows a change of the revenue trend thresholds in the settings at the next call of the same list', async () => {
    const declining = await list('accounts', { revenueTrends: ['declining'] });
    const names = async () => (await segmentMembers(getDb(), anna, declining.id, {}, NOW)).items.map((m) => m.account.name);
    expect(await names()).toEqual(['Birke']);
    const { etag, ...settings } = await getSettings(getDb(), admin.tenantId);
    const version = Number(etag.replace(/\D/g, ''));
    const insights = InsightsSettings.parse(settings.insights ?? {});
    // Birke's -60 % is no decline when only a drop of 70 % or more counts as one.
    const saved = await replaceSettings(getDb(), admin, { ...settings, insights: { ...insights, segments: { ...insights.segments, atRiskDeclinePercent: 70 } } }, version);
    try {
      expect(await names()).toEqual([]);
    } finally {
      await replaceSettings(getDb(), admin, { ...settings, insights }, Number(saved.etag.replace(/\D/g, '')));
    }
    expect(await names()).toEqual(['Birke']);
  });

  it('filters by the last contact: before a day includes never contacted, after a day does not', async () => {
    expect(await accountsOf({ lastContactBefore: '2026-06-01' })).toEqual(['Birke', 'Chrom', 'Dorn']);
    expect(await accountsOf({ lastContactAfter: '2026-01-01' })).toEqual(['Anker', 'Birke']);
    expect(await accountsOf({ lastContactAfter: '2025-01-01', lastContactBefore: '2026-06-01' })).toEqual(['Birke', 'Dorn']);
    // The day itself counts as after: Birke's call was on 2026-05-15.
    expect(await accountsOf({ lastContactAfter: '2026-05-15', lastContactBefore: '2026-05-16' })).toEqual(['Birke']);
  });

  it('filters by segment: Anker is a champion, Birke at risk (-60 %), Chrom potential (new), Dorn in none', async () => {
    expect(await accountsOf({ segments: ['champions', 'at_risk'] })).toEqual(['Anker', 'Birke']);
    expect(await accountsOf({ segments: ['potential'] })).toEqual(['Chrom']);
    expect(await accountsOf({ segments: ['none'] })).toEqual(['Dorn']);
    const members = await segmentMembers(getDb(), anna, (await list('accounts', { industries: ['Elektro'] })).id, {}, NOW);
    expect(members.items).toEqual([
      {
        account: {
          id: ids.Chrom,
          name: 'Chrom',
          industry: 'Elektro',
          ownerId: null,
          abcClass: 'C',
          segment: 'potential',
          revenue: 60_000,
          previousRevenue: 0,
          revenueTrend: 'growing',
          lastContactAt: null,
        },
        contact: null,
      },
    ]);
    expect(members.range).toMatchObject({ from: '2025-12-01', to: '2026-12-01' });
  });

  it('lists the contacts of matching accounts, hiding a restricted person from those who may not see them', async () => {
    expect((await contactsOf({ industries: ['Maschinenbau'] })).names).toEqual(['Adler', 'Bauer', 'Dach', 'Eck', 'Fink', 'Gans']);
    expect((await contactsOf({ industries: ['Maschinenbau'] }, admin)).names).toEqual(['Adler', 'Bauer', 'Conrad', 'Dach', 'Eck', 'Fink', 'Gans']);
    expect((await contactsOf({ consentPurpose: 'newsletter' })).names).toEqual(['Eck']);
    expect((await contactsOf({ consentPurpose: 'marketing' })).names).toEqual(['Adler', 'Gans']);
  });

  it('exports for marketing only current email grants, never an objection on any channel, and counts who is left out', async () => {
    const filter: Partial<SegmentFilter> = { industries: ['Maschinenbau'] };
    const user = await contactsOf(filter, anna, 'marketing');
    expect(user.names).toEqual(['Adler', 'Gans']);
    expect(user.items[0]?.contact).toEqual({ id: ids.Adler, firstName: 'Ada', lastName: 'Adler', email: 'adler@anker.example', jobTitle: null });
    expect(user.leftOut).toEqual({
      total: 4,
      byReason: [
        { reason: 'objected', count: 1 },
        { reason: 'withdrawn', count: 1 },
        { reason: 'no_consent', count: 1 },
        { reason: 'no_email', count: 1 },
      ],
    });
    // The data protection officer and admins see the restricted person in the list, and why she is not exported.
    const privileged = await contactsOf(filter, admin, 'marketing');
    expect(privileged.names).toEqual(['Adler', 'Gans']);
    expect(privileged.leftOut).toEqual({
      total: 5,
      byReason: ['restricted', 'objected', 'withdrawn', 'no_consent', 'no_email'].map((reason) => ({ reason, count: 1 })),
    });
    expect((await segmentMembers(getDb(), anna, (await list('contacts', filter)).id, {}, NOW)).leftOut).toBeNull();
  });

  it('follows a consent given or withdrawn, a restriction and its lifting at the next call of the same list', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    // Each change is of one account: the held people are patched, and only the changed people decided again, for each
    // role and purpose asked before. A list of the same filter read whole must say the same after every change.
    const agreesWithWhole = async () => {
      const whole = await list('contacts', { industries: ['Maschinenbau'] });
      for (const actor of [anna, admin])
        for (const query of [{ purpose: 'marketing' as const }, {}])
          expect(await segmentMembers(getDb(), actor, people.id, query, NOW)).toEqual({ ...(await segmentMembers(getDb(), actor, whole.id, query, NOW)), segmentId: people.id });
    };
    const marketing = async () => {
      await agreesWithWhole();
      const members = await segmentMembers(getDb(), anna, people.id, { purpose: 'marketing' }, NOW);
      return [members.items.map((m) => m.contact?.lastName), members.leftOut?.total];
    };
    expect(await marketing()).toEqual([['Adler', 'Gans'], 4]);
    await consent('Eck', 'marketing', 'granted', '2026-11-30T09:00:00.000Z');
    expect(await marketing()).toEqual([['Adler', 'Eck', 'Gans'], 3]);
    await consent('Eck', 'marketing', 'withdrawn', '2026-11-30T10:00:00.000Z');
    expect(await marketing()).toEqual([['Adler', 'Gans'], 4]);
    await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Art. 18', $3)`, [
      anna.tenantId,
      ids.Gans,
      admin.userId,
    ]);
    // Hidden from who may not see a restricted person: not counted as left out either.
    expect(await marketing()).toEqual([['Adler'], 4]);
    await getDb().query(`UPDATE contact_restrictions SET lifted_at = now(), lifted_by = $3 WHERE tenant_id = $1 AND contact_id = $2 AND lifted_at IS NULL`, [
      anna.tenantId,
      ids.Gans,
      admin.userId,
    ]);
    expect(await marketing()).toEqual([['Adler', 'Gans'], 4]);
    await getDb().query(`DELETE FROM consents WHERE tenant_id = $1 AND contact_id = $2 AND purpose = 'marketing'`, [anna.tenantId, ids.Eck]);
    const members = await segmentMembers(getDb(), anna, people.id, { purpose: 'marketing' }, NOW);
    expect(members.leftOut?.byReason).toEqual([
      { reason: 'objected', count: 1 },
      { reason: 'withdrawn', count: 1 },
      { reason: 'no_consent', count: 1 },
      { reason: 'no_email', count: 1 },
    ]);
    await agreesWithWhole();
  });

  it('reads the whole list again when a patch finds someone on an unchanged account whom the record of changes missed', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    const marketing = async () => (await segmentMembers(getDb(), anna, people.id, { purpose: 'marketing' }, NOW)).items.map((m) => m.contact?.lastName);
    const before = await marketing();
    // Written with the record switched off, as a restore might: no change of Dorn is recorded.
    const triggers = async (on: boolean) => {
      for (const table of ['contacts', 'consents']) await getDb().query(`ALTER TABLE ${table} ${on ? 'ENABLE' : 'DISABLE'} TRIGGER people_changed_ins`);
    };
    await triggers(false);
    try {
      await person('Dorn', 'Ina', 'Igel', true);
      await consent('Igel', 'marketing', 'granted', '2026-11-30T09:00:00.000Z');
    } finally {
      await triggers(true);
    }
    expect(await marketing()).toEqual(before);
    // A consent on Anker is patched in place from Anker's people alone: Dorn's are not read.
    await consent('Eck', 'newsletter', 'granted', '2026-11-30T11:00:00.000Z');
    expect(await marketing()).toEqual(before);
    // A new person on Anker (without consent) makes the patch read the order of all, which meets Igel on Dorn and reads
    // the whole list instead.
    await person('Anker', 'Jan', 'Jaeger', true);
    expect(await marketing()).toEqual([...before, 'Igel'].sort());
    await getDb().query(`DELETE FROM contacts WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [anna.tenantId, [ids.Igel, ids.Jaeger]]);
  });

  it('patches a renamed person into their new place, and a consent of an unchanged row in place', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    const marketing = async () => (await segmentMembers(getDb(), anna, people.id, { purpose: 'marketing' }, NOW)).items.map((m) => m.contact?.lastName);
    expect(await marketing()).toEqual(['Adler', 'Gans']);
    const rename = (lastName: string) => getDb().query(`UPDATE contacts SET last_name = $3 WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, ids.Adler, lastName]);
    await rename('Zadler');
    try {
      expect(await marketing()).toEqual(['Gans', 'Zadler']);
      await consent('Adler', 'marketing', 'withdrawn', '2026-11-30T12:00:00.000Z');
      expect(await marketing()).toEqual(['Gans']);
      await consent('Adler', 'marketing', 'granted', '2026-11-30T13:00:00.000Z');
      expect(await marketing()).toEqual(['Gans', 'Zadler']);
    } finally {
      await rename('Adler');
    }
    expect(await marketing()).toEqual(['Adler', 'Gans']);
  });

  it('answers a list without consents from the people held once read, as the database pages it, patched after a change of one account, from the database after one of all', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    const walk = async () => {
      const pages = [await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW)];
      while (pages.at(-1)!.nextCursor) pages.push(await segmentMembers(getDb(), anna, people.id, { limit: 2, cursor: pages.at(-1)!.nextCursor! }, NOW));
      return pages;
    };
    // The first call pages in the database and reads the people beside it; the next finds them held.
    const fromDatabase = await walk();
    expect(isListCursor(fromDatabase[0]!.nextCursor!)).toBe(false);
    await backgroundRefreshesDone(getDb());
    const fromHeld = await walk();
    expect(isListCursor(fromHeld[0]!.nextCursor!)).toBe(true);
    const shown = (pages: typeof fromHeld) => pages.map((p) => [p.items, p.total]);
    expect(shown(fromHeld)).toEqual(shown(fromDatabase));
    expect(fromHeld.flatMap((p) => p.items.map((m) => m.contact?.lastName))).toEqual(['Adler', 'Bauer', 'Dach', 'Eck', 'Fink', 'Gans']);
    // A new person on one of the accounts: the held people are patched with that account's and answer.
    const aal = (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids.Anker, lastName: 'Aal' }))).value.id;
    const patched = await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW);
    expect([isListCursor(patched.nextCursor!), patched.items.map((m) => m.contact?.lastName), patched.total]).toEqual([true, ['Aal', 'Adler'], 7]);
    // A change of every list's people (as the rows recorded before migration 0038 are): the database answers at once,
    // and the next call holds them again.
    await getDb().query(`INSERT INTO people_changes (tenant_id, xid) VALUES ($1, pg_current_xact_id())`, [anna.tenantId]);
    const changed = await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW);
    expect([isListCursor(changed.nextCursor!), changed.items, changed.total]).toEqual([false, patched.items, 7]);
    await backgroundRefreshesDone(getDb());
    const heldAgain = await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW);
    expect([isListCursor(heldAgain.nextCursor!), heldAgain.items, heldAgain.total]).toEqual([true, changed.items, 7]);
    await getDb().query(`DELETE FROM contacts WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, aal]);
    expect((await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW)).total).toBe(6);
  });

  it('answers the members a page at a time, counting all of them, and the pages hold each member once', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    const walk = async (actor: Actor, purpose?: 'marketing') => {
      const pages: Array<Awaited<ReturnType<typeof segmentMembers>>> = [];
      let cursor: string | undefined;
      do {
        const page = await segmentMembers(getDb(), actor, people.id, { limit: 2, ...(cursor ? { cursor } : {}), ...(purpose ? { purpose } : {}) }, NOW);
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return pages;
    };
    const pages = await walk(anna);
    expect(pages.map((p) => p.items.map((m) => m.contact?.lastName))).toEqual([['Adler', 'Bauer'], ['Dach', 'Eck'], ['Fink', 'Gans']]);
    expect(pages.map((p) => p.total)).toEqual([6, 6, 6]);
    // Who may see a restricted person finds and counts them too; the pages hold whom the export writes, in its order.
    const seen = await walk(admin);
    expect(seen.flatMap((p) => p.items.map((m) => m.contact?.lastName))).toEqual(['Adler', 'Bauer', 'Conrad', 'Dach', 'Eck', 'Fink', 'Gans']);
    expect(seen.map((p) => p.total)).toEqual([7, 7, 7, 7]);
    const exported = await exportSegment(getDb(), anna, people.id, { format: 'csv', decimal: 'comma' }, NOW);
    expect(exported.contactIds).toEqual(pages.flatMap((p) => p.items.map((m) => m.contact?.id)));
    // The export's people and who was left out, on every page alike.
    const marketing = await walk(anna, 'marketing');
    expect(marketing.map((p) => [p.items.map((m) => m.contact?.lastName), p.total, p.leftOut?.total])).toEqual([[['Adler', 'Gans'], 2, 4]]);
    // A person added before the cursor's place meanwhile: the next page still starts after the last one shown.
    const first = await segmentMembers(getDb(), anna, people.id, { limit: 2 }, NOW);
    const aal = (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids.Anker, lastName: 'Aal' }))).value.id;
    const next = await segmentMembers(getDb(), anna, people.id, { limit: 2, cursor: first.nextCursor ?? '' }, NOW);
    expect([next.items.map((m) => m.contact?.lastName), next.total]).toEqual([['Dach', 'Eck'], 7]);
    await getDb().query(`DELETE FROM contacts WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, aal]);
    const accounts = await list('accounts', {});
    const one = await segmentMembers(getDb(), anna, accounts.id, { limit: 1 }, NOW);
    const rest = await segmentMembers(getDb(), anna, accounts.id, { limit: 500, cursor: one.nextCursor ?? '' }, NOW);
    expect([...one.items, ...rest.items].map((m) => m.account.name)).toEqual(await accountsOf({}));
    expect([one.total, rest.nextCursor]).toEqual([rest.items.length + 1, null]);
  });

  it('writes a list as CSV for German Excel: a marketing export holds the same people as the members, amounts with a decimal comma', async () => {
    const people = await list('contacts', { industries: ['Maschinenbau'] });
    const { file, contactIds } = await exportSegment(getDb(), anna, people.id, { format: 'csv', decimal: 'comma', purpose: 'marketing' }, NOW);
    expect(file.filename).toBe('segment-marketing-2026-12-01.csv');
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    const raw = Buffer.from(await new Response(file.body).arrayBuffer()).toString('utf8');
    expect(raw.startsWith('\uFEFF')).toBe(true);
    const rows = raw.slice(1).split('\r\n').filter(Boolean).map((line) => line.split(';'));
    expect(rows[0]).toEqual(['ID', 'First name', 'Last name', 'Email', 'Job title', 'Account ID', 'Company', 'Industry', 'ABC class', 'Segment', 'Revenue', 'Previous revenue', 'Revenue trend', 'Last contact']);
    expect(rows.slice(1).map((r) => [r[2], r[3], r[6], r[10], r[11], r[12]])).toEqual([
      ['Adler', 'adler@anker.example', 'Anker', '120000,00', '120000,00', 'stable'],
      ['Gans', 'gans@birke.example', 'Birke', '48000,00', '120000,00', 'declining'],
    ]);
    expect(contactIds).toEqual([ids.Adler, ids.Gans]);

    const accounts = await list('accounts', { industries: ['Elektro'] });
    const plain = await exportSegment(getDb(), anna, accounts.id, { format: 'csv', decimal: 'point' }, NOW);
    const text = Buffer.from(await new Response(plain.file.body).arrayBuffer()).toString('utf8');
    expect(text.slice(1).split('\r\n').filter(Boolean).map((line) => line.split(';').slice(1))).toEqual([
      ['Company', 'Industry', 'ABC class', 'Segment', 'Revenue', 'Previous revenue', 'Revenue trend', 'Last contact'],
      ['Chrom', 'Elektro', 'C', 'potential', '60000.00', '0.00', 'growing', ''],
    ]);
    expect([plain.file.filename, plain.contactIds]).toEqual(['segment-2026-12-01.csv', []]);
  });

  it('refuses an export of an account list, a consent filter on accounts, and another tenant', async () => {
    const accounts = await list('accounts', {});
    expect((await domainError(segmentMembers(getDb(), anna, accounts.id, { purpose: 'marketing' }, NOW), 'invalid')).field).toBe('purpose');
    const refused = SegmentListCreate.safeParse({ name: 'x', target: 'accounts', filter: { consentPurpose: 'marketing' } });
    expect(refused.error?.issues[0]?.path).toEqual(['filter', 'consentPurpose']);
    const stranger = await seedActor(getDb());
    await domainError(segmentMembers(getDb(), stranger, accounts.id, {}, NOW), 'not_found');
    expect((await searchSegmentLists(getDb(), stranger, { limit: 50 })).items).toEqual([]);
  });

  it('reads the accounts from the precomputed analysis, says how old it is, and follows it once refreshed', async () => {
    await refreshAnalysis(getDb(), anna.tenantId, 'last-12-months', NOW);
    const aList = await list('accounts', { abcClasses: ['A'] });
    const read = () => segmentMembers(getDb(), anna, aList.id, {}, NOW);
    const fresh = await read();
    expect(fresh.items.map((m) => m.account.name)).toEqual(['Anker']);
    expect(fresh.asOf).toMatchObject({ computedAt: NOW.toISOString(), stale: false });
    // Chrom far ahead now: the stored analysis still says Anker, marked stale, until it is refreshed.
    await getDb().query(`UPDATE account_revenue SET revenue = 10000000 WHERE tenant_id = $1 AND account_id = $2 AND period_start = '2026-11-01'`, [
      anna.tenantId,
      ids.Chrom,
    ]);
    // A rename too: the host reads the accounts once per write of the analysis.
    await getDb().query(`UPDATE accounts SET name = 'Anker Neu' WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, ids.Anker]);
    const stale = await read();
    expect(stale.items.map((m) => m.account.name)).toEqual(['Anker']);
    expect(stale.asOf.stale).toBe(true);
    await refreshAnalysis(getDb(), anna.tenantId, 'last-12-months', NOW);
    const after = await read();
    expect(after.items.map((m) => m.account.name)).toEqual(['Chrom']);
    expect(after.asOf.stale).toBe(false);
    expect((await segmentMembers(getDb(), anna, (await list('accounts', { abcClasses: ['C'] })).id, {}, NOW)).items.map((m) => m.account.name)).toEqual([
      'Anker Neu',
      'Birke',
    ]);
    await getDb().query(`UPDATE accounts SET name = 'Anker' WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, ids.Anker]);
  });
});

describeEachDatabase('segment lists API', (getDb) => {
  let api: ApiHarness;
  let user: string;
  let reader: string;
  const call = callAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
    reader = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Reader'] });
  });

  it('saves a list once however often it is retried, lists it by name, and answers its members', async () => {
    const id = randomUUID();
    const body = { id, name: 'Schlafende Maschinenbauer', target: 'contacts', filter: { industries: ['Maschinenbau'], lastContactBefore: '2026-06-01' } };
    const first = await createAs(() => api)(user, '/api/segments', body);
    expect(first).toMatchObject({ id, target: 'contacts', filter: { period: 'last-12-months', industries: ['Maschinenbau'] } });
    const again = await call(user, 'POST', '/api/segments', { ...body, name: 'anders' });
    expect([again.status, again.body.name]).toEqual([200, 'Schlafende Maschinenbauer']);
    await createAs(() => api)(user, '/api/segments', { name: 'Alle Konten', target: 'accounts' });
    const page = await call(reader, 'GET', '/api/segments?limit=1');
    expect(page.body.items.map((l: { name: string }) => l.name)).toEqual(['Alle Konten']);
    const next = await call(reader, 'GET', `/api/segments?limit=1&cursor=${page.body.nextCursor}`);
    expect(next.body.items.map((l: { name: string }) => l.name)).toEqual(['Schlafende Maschinenbauer']);
    const members = await call(reader, 'GET', `/api/segments/${id}/members?purpose=newsletter`);
    expect(members.status, members.text).toBe(200);
    expect(members.body).toMatchObject({ segmentId: id, purpose: 'newsletter', items: [], total: 0, nextCursor: null, leftOut: { total: 0, byReason: [] } });
  });

  it('refuses bad input naming the field, and readers cannot save', async () => {
    const bad = await call(user, 'POST', '/api/segments', { name: 'x', target: 'accounts', filter: { consentPurpose: 'marketing' } });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'filter.consentPurpose']);
    const unknown = await call(user, 'POST', '/api/segments', { name: 'x', target: 'contacts', filter: { abcClasses: ['D'] } });
    expect([unknown.status, unknown.body.errors[0].field]).toEqual([400, 'filter.abcClasses[0]']);
    expect((await call(reader, 'POST', '/api/segments', { name: 'x', target: 'accounts' })).status).toBe(403);
    const list = await createAs(() => api)(user, '/api/segments', { name: 'Konten', target: 'accounts' });
    const purpose = await call(user, 'GET', `/api/segments/${list.id}/members?purpose=werbung`);
    expect([purpose.status, purpose.body.errors[0].field]).toEqual([400, 'purpose']);
    const ofAccounts = await call(user, 'GET', `/api/segments/${list.id}/members?purpose=marketing`);
    expect([ofAccounts.status, ofAccounts.body.errors[0].field]).toEqual([400, 'purpose']);
    expect((await call(user, 'GET', `/api/segments/${randomUUID()}/members`)).status).toBe(404);
    const tooMany = await call(user, 'GET', `/api/segments/${list.id}/members?limit=501`);
    expect([tooMany.status, tooMany.body.errors[0].field]).toEqual([400, 'limit']);
    const badCursor = await call(user, 'GET', `/api/segments/${list.id}/members?cursor=${Buffer.from('["x","1"]').toString('base64url')}`);
    expect([badCursor.status, badCursor.body.errors[0].field]).toEqual([400, 'cursor']);
    const file = await call(user, 'GET', `/api/segments/${list.id}/export?decimal=point`);
    expect([file.status, file.headers.get('content-type'), file.headers.get('content-disposition')]).toEqual([
      200,
      'text/csv; charset=utf-8',
      `attachment; filename="segment-${new Date().toISOString().slice(0, 10)}.csv"`,
    ]);
    const badFormat = await call(user, 'GET', `/api/segments/${list.id}/export?format=pdf`);
    expect([badFormat.status, badFormat.body.errors[0].field]).toEqual([400, 'format']);
    const accountsForMarketing = await call(user, 'GET', `/api/segments/${list.id}/export?purpose=marketing`);
    expect([accountsForMarketing.status, accountsForMarketing.body.errors[0].field]).toEqual([400, 'purpose']);
  });
});
