// Response time, cross-selling, repeat purchases, data quality and adoption of small known tenants, computed from the
// database on PGlite and PostgreSQL against hand-computed values: a tenant with a bit of everything, one without any
// data, and one with a single customer.
import { AccountCreate, ContactCreate, InteractionCreate, OpportunityCreate, type TeamInsights } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { logInteraction } from '../interactions';
import { changeOpportunity, createOpportunity } from '../opportunities';
import { insertRevenue } from './revenue-kit';
import { accountInsights, teamInsights } from './service';
import { servedAccountInsights } from './current';
import { responseTimesByAccount, responseTimesOfTenant } from './account-key-figures-store';
import { responseTimes } from './key-figures-store';
import { periodWindow } from '../../core/period';

// The default period, the last twelve full months, is 2025-12-01 to 2026-12-01: 365 days, 53 weeks from Monday 1 December.
const NOW = new Date('2026-12-01T12:00:00Z');
const PERIOD = 'last-12-months';
const SOURCES = ['addin', 'teams', 'graph-sync', 'api', 'import'] as const;

describeEachDatabase('insights key figures', (getDb) => {
  const tenantOf = async (name: string) => {
    const actor = await seedActor(getDb(), { name });
    const account = async (input: z.input<typeof AccountCreate>) => (await createAccount(getDb(), actor, AccountCreate.parse(input))).value.id;
    const contact = async (input: z.input<typeof ContactCreate>) => (await createContact(getDb(), actor, ContactCreate.parse(input))).value.id;
    const log = async (input: z.input<typeof InteractionCreate>) => (await logInteraction(getDb(), actor, InteractionCreate.parse({ subject: 'Kontakt', ...input }))).value.id;
    const revenue = (accountId: string, kind: 'year' | 'month', start: string, amount: number) => insertRevenue(getDb(), actor.tenantId, accountId, kind, start, amount);
    const close = async (accountId: string, status: 'won' | 'lost', closedAt: string, amount: number, productLine?: string, currency = 'EUR') => {
      const deal = (await createOpportunity(getDb(), actor, OpportunityCreate.parse({ accountId, name: 'Auftrag', amount, currency, productLine }))).value;
      await changeOpportunity(getDb(), actor, deal.id, 1, { status });
      await getDb().query(`UPDATE opportunities SET closed_at = $3 WHERE tenant_id = $1 AND id = $2`, [actor.tenantId, deal.id, closedAt]);
    };
    // What each interaction was logged: the data set says, not the clock of the test run.
    const loggedWhenItHappened = () => getDb().query(`UPDATE interactions SET created_at = occurred_at WHERE tenant_id = $1`, [actor.tenantId]);
    const team = () => teamInsights(getDb(), actor, PERIOD, NOW);
    const figuresOf = async (accountId: string) => (await accountInsights(getDb(), actor, accountId, PERIOD, NOW)).keyFigures;
    // Both ways the store times requests: in one pass for the whole tenant (the team's and the accounts' figures
    // together, as a full refresh asks), and by index walks for the accounts asked for; and the team's alone.
    const responseTimesBothWays = async (accountIds: string[]) => {
      const window = periodWindow(PERIOD, NOW);
      const all = await responseTimesOfTenant(getDb(), actor.tenantId, window, NOW);
      const some = await responseTimesByAccount(getDb(), actor.tenantId, window, NOW, accountIds);
      const team = await responseTimes(getDb(), actor.tenantId, window, NOW);
      return { all: accountIds.map((id) => all.byAccount.get(id)), some: accountIds.map((id) => some.get(id)), team: [all.team, team] };
    };
    return { actor, account, contact, log, revenue, close, loggedWhenItHappened, team, figuresOf, responseTimesBothWays };
  };

  /** Requests answered on another of their accounts, at the very instant, in their conversation from another account, and a day later. */
  const logResponseCases = async (kit: Awaited<ReturnType<typeof tenantOf>>) => {
    const [a, b, c, d] = (await Promise.all(['A', 'B', 'C', 'D'].map((name) => kit.account({ name: `${name} Antwort KG` })))) as [string, string, string, string];
    // Q1 on A and B: the call on B after 2 hours comes before the email on A after 5.
    await kit.log({ type: 'email', direction: 'inbound', occurredAt: '2026-03-02T10:00:00Z', accountIds: [a, b] });
    await kit.log({ type: 'call', direction: 'outbound', occurredAt: '2026-03-02T12:00:00Z', accountIds: [b] });
    await kit.log({ type: 'email', direction: 'outbound', occurredAt: '2026-03-02T15:00:00Z', accountIds: [a] });
    // Q2: a web form answered at the very instant it came in: 0 hours.
    await kit.log({ type: 'web_form', direction: 'inbound', occurredAt: '2026-04-01T09:00:00Z', accountIds: [a] });
    await kit.log({ type: 'email', direction: 'outbound', occurredAt: '2026-04-01T09:00:00Z', accountIds: [a] });
    // Q3 on C, answered in its conversation from account D after 3 hours; Q4 on C, without a conversation, by the call a day later.
    await kit.log({ type: 'email', direction: 'inbound', occurredAt: '2026-05-01T08:00:00Z', accountIds: [c], conversationId: 'conv-q3' });
    await kit.log({ type: 'email', direction: 'outbound', occurredAt: '2026-05-01T11:00:00Z', accountIds: [d], conversationId: 'conv-q3' });
    await kit.log({ type: 'email', direction: 'inbound', occurredAt: '2026-05-02T08:00:00Z', accountIds: [c] });
    await kit.log({ type: 'call', direction: 'outbound', occurredAt: '2026-05-03T08:00:00Z', accountIds: [c] });
    return [a, b, c, d];
  };

  describe('a tenant with a bit of everything', () => {
    let team: TeamInsights;
    let kit: Awaited<ReturnType<typeof tenantOf>>;
    const ids: Record<'nord' | 'sued' | 'nord2', string> = { nord: '', sued: '', nord2: '' };

    beforeAll(async () => {
      kit = await tenantOf('Kennzahlen');
      const { actor, account, contact, log, revenue, close } = kit;
      // Accounts: Nord has all four key fields, Süd only its industry, the second "Nord GmbH" none (and is a duplicate).
      const nord = await account({ name: 'Nord GmbH', ownerId: actor.userId, industry: 'Maschinenbau', domains: ['nord.example'], address: { country: 'de' } });
      const sued = await account({ name: 'Süd AG', industry: 'Kunststoff' });
      const nord2 = await account({ name: 'Nord GmbH' });
      Object.assign(ids, { nord, sued, nord2 });
      // Contacts: Karl has all five, his namesake only the account (a duplicate within Nord), Lena none.
      await contact({
        accountId: nord,
        firstName: 'Karl',
        lastName: 'Keller',
        emails: ['karl@nord.example'],
        phones: [{ number: '+49 40 123456' }],
        jobTitle: 'Einkauf',
        buyingRole: 'decision_maker',
      });
      await contact({ accountId: nord, firstName: 'Karl', lastName: 'Keller', jobTitle: '  ' });
      await contact({ firstName: 'Lena', lastName: 'Vogt' });

      // R1: an email to Nord answered by a call 4 hours later.
      await log({ type: 'email', direction: 'inbound', occurredAt: '2026-03-02T08:00:00Z', accountIds: [nord], source: 'addin' });
      await log({ type: 'call', direction: 'outbound', occurredAt: '2026-03-02T12:00:00Z', accountIds: [nord], source: 'teams' });
      // R2: a web form of Süd; a meeting an hour later is no response, the email the next day is: 24 hours.
      await log({ type: 'web_form', direction: 'inbound', occurredAt: '2026-05-04T09:00:00Z', accountIds: [sued] });
      await log({ type: 'meeting', direction: 'outbound', occurredAt: '2026-05-04T10:00:00Z', accountIds: [sued], source: 'graph-sync' });
      await log({ type: 'email', direction: 'outbound', occurredAt: '2026-05-05T09:00:00Z', accountIds: [sued], source: 'addin' });
      // R3: an email on no account, answered in its conversation 10 hours later.
      await log({ type: 'email', direction: 'inbound', occurredAt: '2026-06-01T06:00:00Z', conversationId: 'conv-1', source: 'addin' });
      await log({ type: 'email', direction: 'outbound', occurredAt: '2026-06-01T16:00:00Z', conversationId: 'conv-1', source: 'addin' });
      // R4: an email to the second Nord, unanswered by now: the reply is dated tomorrow.
      await log({ type: 'email', direction: 'inbound', occurredAt: '2026-11-20T10:00:00Z', accountIds: [nord2], source: 'import' });
      await log({ type: 'email', direction: 'outbound', occurredAt: '2026-12-02T10:00:00Z', accountIds: [nord2] });
      // An email before the period, answered in it: not a request of the period.
      await log({ type: 'email', direction: 'inbound', occurredAt: '2025-11-15T10:00:00Z', accountIds: [sued] });
      await log({ type: 'email', direction: 'outbound', occurredAt: '2025-12-02T10:00:00Z', accountIds: [sued] });
      await kit.loggedWhenItHappened();

      // Won in the period: Nord in "Ersatzteile", "Service" and " ersatzteile " (two lines), Süd in "Service" and without
      // a line, the second Nord without a line (and once in USD); a line before the period and a lost one do not count.
      await close(nord, 'won', '2026-02-10T00:00:00Z', 1_000, 'Ersatzteile');
      await close(nord, 'won', '2026-06-10T00:00:00Z', 2_000, 'Service');
      await close(nord, 'won', '2026-07-01T00:00:00Z', 500, ' ersatzteile ');
      await close(nord, 'won', '2025-06-01T00:00:00Z', 9_000, 'Anlagen');
      await close(sued, 'won', '2026-04-01T00:00:00Z', 800, 'Service');
      await close(sued, 'won', '2026-08-01T00:00:00Z', 400);
      await close(sued, 'lost', '2026-09-01T00:00:00Z', 7_000, 'Anlagen');
      await close(nord2, 'won', '2026-10-01T00:00:00Z', 300);
      await close(nord2, 'won', '2026-10-02T00:00:00Z', 600, undefined, 'USD');

      // Imported revenue: Nord two months, Süd the year 2025 (its December is in the period) and an empty March, the
      // second Nord only before the period.
      await revenue(nord, 'month', '2026-01-01', 5_000);
      await revenue(nord, 'month', '2026-02-01', 3_000);
      await revenue(sued, 'year', '2025-01-01', 12_000);
      await revenue(sued, 'month', '2026-03-01', 0);
      await revenue(nord2, 'month', '2025-10-01', 1_000);
      team = await kit.team();
    });

    it('measures the response time from the request to the first outbound email or call on its account or in its conversation', () => {
      // 4, 10 and 24 hours: median 10, p90 at 0.9 * 2 = 1.8 between 10 and 24: 10 + 0.8 * 14 = 21.2.
      expect(team.responseTime).toEqual({ requests: 4, answered: 3, medianHours: 10, p90Hours: 21.2 });
    });

    it('counts the accounts buying in more than one product line, the lines compared without case and blanks', () => {
      expect(team.crossSelling).toEqual({ buyers: 2, crossBuyers: 1, rate: 0.5, withoutProductLine: 3 });
    });

    it('counts the customers with more than one purchase in the period, from the revenue source the tenant chose', async () => {
      // Imported only: Nord's two months, Süd's year 2025 (the empty March is no purchase).
      expect(team.repeatPurchase).toEqual({ customers: 2, repeatCustomers: 1, rate: 0.5, purchases: 3 });
      expect(team.customers.active).toBe(team.repeatPurchase?.customers);
      await getDb().query(`UPDATE tenants SET settings = settings || '{"insights": {"revenueSource": "both"}}'::jsonb WHERE tenant_id = $1`, [kit.actor.tenantId]);
      // Both: Nord 2 + 3 won, Süd 1 + 2 won, the second Nord 1 won in EUR (the USD one is not revenue here).
      const both = await kit.team();
      expect(both.repeatPurchase).toEqual({ customers: 3, repeatCustomers: 2, rate: 0.6667, purchases: 9 });
      expect(both.customers.active).toBe(3);
      await getDb().query(`UPDATE tenants SET settings = settings - 'insights' WHERE tenant_id = $1`, [kit.actor.tenantId]);
    });

    it('counts the filled key fields and the possible duplicates the Data tab lists', () => {
      expect(team.dataQuality).toEqual({
        accounts: 3,
        contacts: 3,
        accountFields: [
          { field: 'owner', filled: 1 },
          { field: 'industry', filled: 2 },
          { field: 'domain', filled: 1 },
          { field: 'country', filled: 1 },
        ],
        contactFields: [
          { field: 'account', filled: 2 },
          { field: 'email', filled: 1 },
          { field: 'phone', filled: 1 },
          { field: 'jobTitle', filled: 1 },
          { field: 'buyingRole', filled: 1 },
        ],
        // (5 + 6) / (3 * 4 + 3 * 5) = 11 / 27.
        completeness: 0.4074,
        duplicates: { accounts: 1, contacts: 1 },
      });
    });

    it('counts the interactions logged per week and source', () => {
      const adoption = team.adoption!;
      // Nine logged in the period: the one before it, and the reply dated after now, are not.
      expect(adoption.logged).toBe(9);
      expect(adoption.bySource).toEqual([
        { source: 'addin', count: 4 },
        { source: 'teams', count: 1 },
        { source: 'graph-sync', count: 1 },
        { source: 'api', count: 2 },
        { source: 'import', count: 1 },
      ]);
      // 9 / (365 / 7) = 0.17.
      expect(adoption.perWeek).toBe(0.2);
      expect(adoption.weeks).toHaveLength(53);
      expect([adoption.weeks[0]?.weekStart, adoption.weeks[0]?.days, adoption.weeks[52]?.weekStart, adoption.weeks[52]?.days]).toEqual([
        '2025-12-01',
        7,
        '2026-11-30',
        1,
      ]);
      // Monday 2 March 2026: the email from the pane and the call from Teams.
      expect(adoption.weeks.find((w) => w.weekStart === '2026-03-02')).toEqual({
        weekStart: '2026-03-02',
        days: 7,
        count: 2,
        bySource: SOURCES.map((source) => ({ source, count: source === 'addin' || source === 'teams' ? 1 : 0 })),
      });
      expect(adoption.weeks.reduce((s, w) => s + w.count, 0)).toBe(9);
    });

    it("gives each account the team's figures over its own records", async () => {
      const [nord, sued, nord2] = await Promise.all([kit.figuresOf(ids.nord), kit.figuresOf(ids.sued), kit.figuresOf(ids.nord2)]);
      // R1 on Nord after 4 hours, R2 on Süd after 24, R4 on the second Nord unanswered; R3 is on no account.
      expect([nord?.responseTime, sued?.responseTime, nord2?.responseTime]).toEqual([
        { requests: 1, answered: 1, medianHours: 4, p90Hours: 4 },
        { requests: 1, answered: 1, medianHours: 24, p90Hours: 24 },
        { requests: 1, answered: 0, medianHours: null, p90Hours: null },
      ]);
      // "Ersatzteile" and " ersatzteile " are one line; the lines before the period and of the lost deal do not count.
      expect([nord?.productLines, sued?.productLines, nord2?.productLines]).toEqual([
        { lines: ['Ersatzteile', 'Service'], crossBuyer: true, withoutProductLine: 0 },
        { lines: ['Service'], crossBuyer: false, withoutProductLine: 1 },
        { lines: [], crossBuyer: false, withoutProductLine: 2 },
      ]);
      // Won and lost in the period, in any currency: the win rate counts deals, not revenue.
      expect([nord?.winRate.rate, sued?.winRate, nord2?.winRate.won]).toEqual([1, { won: 2, lost: 1, rate: 0.6667, lostByStage: team.winRate.lostByStage }, 2]);
      // Imported revenue only: Nord's two months, Süd's year 2025; the second Nord's month lies before the period.
      expect([nord?.purchases, sued?.purchases, nord2?.purchases]).toEqual([
        { count: 2, repeat: true },
        { count: 1, repeat: false },
        { count: 0, repeat: false },
      ]);
      expect(nord?.dataQuality).toEqual({
        accountFields: ['owner', 'industry', 'domain', 'country'].map((field) => ({ field, filled: true })),
        contacts: 2,
        contactFields: ['email', 'phone', 'jobTitle', 'buyingRole'].map((field) => ({ field, filled: 1 })),
        // (4 + 4) / (4 + 2 * 4).
        completeness: 0.6667,
        // The second "Nord GmbH", as the team's count (in kit.team() above) paired them; both Karl Kellers.
        possibleDuplicateAccounts: 1,
        possibleDuplicateContacts: 2,
      });
      expect([sued?.dataQuality.completeness, sued?.dataQuality.contacts, nord2?.dataQuality.completeness]).toEqual([0.25, 0, 0]);
      // Nord: the email and the call; Süd: the web form, the meeting, the email and the reply of December 2025 (the
      // request of November is before the period); the second Nord: the email of the import (its reply is tomorrow's).
      // 2 + 4 + 1 of the team's 9; the other 2 are on no account.
      expect([nord?.adoption.logged, sued?.adoption.logged, nord2?.adoption.logged]).toEqual([2, 4, 1]);
      expect(sued?.adoption.bySource.filter((s) => s.count > 0)).toEqual([
        { source: 'addin', count: 1 },
        { source: 'graph-sync', count: 1 },
        { source: 'api', count: 2 },
      ]);
      // 4 / (365 / 7) = 0.077.
      expect(sued?.adoption.perWeek).toBe(0.08);
    });

    it('says with an account’s figures how many other accounts may be the same company, and how many of its contacts the same person, as the last count paired them', async () => {
      // Served from the stored analysis, whose refresh counts the pairs the Data tab lists: the two "Nord GmbH", and
      // the two Karl Kellers at the first.
      const served = async (id: string) => {
        const quality = (await servedAccountInsights(getDb(), kit.actor, id, PERIOD, { now: NOW })).keyFigures?.dataQuality;
        return [quality?.possibleDuplicateAccounts, quality?.possibleDuplicateContacts];
      };
      expect([await served(ids.nord), await served(ids.sued), await served(ids.nord2)]).toEqual([
        [1, 2],
        [0, 0],
        [1, 0],
      ]);
      expect(team.dataQuality?.duplicates.accounts).toBe(1);
    });
  });

  it('times the requests of some accounts as the one pass over the whole tenant does', async () => {
    const kit = await tenantOf('Antwortzeiten je Kunde');
    const accounts = await logResponseCases(kit);
    // A after 2 hours (the call on B answers the request on A and B) and 0; B after 2; C after 3 (in its conversation,
    // from D) and 24: median 13.5, p90 3 + 0.9 * 21 = 21.9. D received nothing.
    const expected = [
      { requests: 2, answered: 2, medianHours: 1, p90Hours: 1.8 },
      { requests: 1, answered: 1, medianHours: 2, p90Hours: 2 },
      { requests: 2, answered: 2, medianHours: 13.5, p90Hours: 21.9 },
      undefined,
    ];
    // The team counts each of the four requests once: 0, 2, 3 and 24 hours (see the next test).
    const team = { requests: 4, answered: 4, medianHours: 2.5, p90Hours: 17.7 };
    expect(await kit.responseTimesBothWays(accounts)).toEqual({ all: expected, some: expected, team: [team, team] });
  });

  it('times a request by the earliest response on any of its accounts or in its conversation, one at the same instant too', async () => {
    const kit = await tenantOf('Antwortzeiten');
    await logResponseCases(kit);
    // 0, 2, 3 and 24 hours: median (2 + 3) / 2, p90 at 0.9 * 3 = 2.7 between 3 and 24: 3 + 0.7 * 21 = 17.7.
    expect((await kit.team()).responseTime).toEqual({ requests: 4, answered: 4, medianHours: 2.5, p90Hours: 17.7 });
  });

  it('gives a tenant without any data zero counts and no rates', async () => {
    const team = await (await tenantOf('Leer')).team();
    expect(team.responseTime).toEqual({ requests: 0, answered: 0, medianHours: null, p90Hours: null });
    expect(team.crossSelling).toEqual({ buyers: 0, crossBuyers: 0, rate: null, withoutProductLine: 0 });
    expect(team.repeatPurchase).toEqual({ customers: 0, repeatCustomers: 0, rate: null, purchases: 0 });
    expect(team.dataQuality).toMatchObject({ accounts: 0, contacts: 0, completeness: null, duplicates: { accounts: 0, contacts: 0 } });
    expect(team.dataQuality?.accountFields.every((f) => f.filled === 0)).toBe(true);
    expect(team.adoption).toMatchObject({ logged: 0, perWeek: 0, bySource: SOURCES.map((source) => ({ source, count: 0 })) });
    expect(team.adoption?.weeks).toHaveLength(53);
  });

  it('gives the only customer, who bought once in one line, a rate of 0 and no duplicate', async () => {
    const kit = await tenantOf('Ein Kunde');
    const only = await kit.account({ name: 'Einzig AG', industry: 'Handel' });
    await kit.revenue(only, 'month', '2026-05-01', 4_000);
    await kit.close(only, 'won', '2026-05-15T00:00:00Z', 4_000, 'Service');
    await kit.log({ type: 'email', direction: 'inbound', occurredAt: '2026-05-02T08:00:00Z', accountIds: [only] });
    await kit.log({ type: 'email', direction: 'outbound', occurredAt: '2026-05-02T08:30:00Z', accountIds: [only] });
    await kit.loggedWhenItHappened();
    const team = await kit.team();
    expect(team.responseTime).toEqual({ requests: 1, answered: 1, medianHours: 0.5, p90Hours: 0.5 });
    expect(team.crossSelling).toEqual({ buyers: 1, crossBuyers: 0, rate: 0, withoutProductLine: 0 });
    expect(team.repeatPurchase).toEqual({ customers: 1, repeatCustomers: 0, rate: 0, purchases: 1 });
    // One of four account fields, no contacts: 1 / 4.
    expect(team.dataQuality).toMatchObject({ accounts: 1, contacts: 0, completeness: 0.25, duplicates: { accounts: 0, contacts: 0 } });
    expect(team.adoption).toMatchObject({ logged: 2, perWeek: 0 });
  });
});
