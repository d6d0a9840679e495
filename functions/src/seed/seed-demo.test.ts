// The demo tenant is realistic, complete, consistent, and keeps the facts the preview mailbox and browser tests rely on.
import { DEMO_FEATURED, DEMO_OTHER_TENANT_ID, DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases';
import { defaultStages } from '../features/settings';
import type { Db, Queryable } from '../core/db/db';
import { DEMO_SIZES, seedDemoTenant, type DemoSeedResult } from './seed-demo';

const now = new Date('2026-11-24T08:00:00Z');
const today = '2026-11-24';
const SEEDED_TABLES = [
  'users',
  'accounts',
  'account_domains',
  'contacts',
  'contact_emails',
  'opportunities',
  'opportunity_contacts',
  'interactions',
  'interaction_accounts',
  'interaction_contacts',
  'interaction_opportunities',
  'interaction_loggers',
  'tasks',
  'consents',
];

describeEachDatabase('demo seed', (getDb) => {
  let first: DemoSeedResult;
  const rows = <T = Record<string, unknown>>(sql: string, params: unknown[] = [DEMO_TENANT_ID]) => getDb().query<T>(sql, params);
  const count = async (sql: string, params?: unknown[]) => Number((await rows<{ n: number }>(sql, params))[0]!.n);
  const userId = async (index: number) =>
    (await rows<{ id: string }>('SELECT id FROM users WHERE tenant_id = $1 AND entra_oid = $2', [DEMO_TENANT_ID, DEMO_USERS[index]!.oid]))[0]!.id;
  /** The latest ledger entry per channel and purpose of the contact with this email. */
  const latestConsents = (email: string, tenantId = DEMO_TENANT_ID) =>
    rows<{ channel: string; purpose: string; action: string; source: string; captured_at: Date }>(
      `SELECT DISTINCT ON (k.channel, k.purpose) k.channel, k.purpose, k.action, k.source, k.captured_at
         FROM contact_emails e JOIN consents k ON k.tenant_id = e.tenant_id AND k.contact_id = e.contact_id
        WHERE e.tenant_id = $1 AND e.email = $2 ORDER BY k.channel, k.purpose, k.captured_at DESC`,
      [tenantId, email],
    );

  beforeAll(async () => {
    first = await seedDemoTenant(getDb(), now);
  });

  it('writes the promised sizes', () => {
    expect(first.seeded).toBe(true);
    expect(first.counts).toMatchObject({ users: DEMO_USERS.length, ...DEMO_SIZES });
    expect(first.counts!.consents).toBeGreaterThan(200);
  });

  it('reuses the data on the second start', async () => {
    const before = await count('SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1');
    expect(await seedDemoTenant(getDb(), now)).toEqual({ seeded: false, counts: null });
    expect(await count('SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1')).toBe(before);
    expect(await count('SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1')).toBe(DEMO_SIZES.accounts);
  });

  it('puts every row of every seeded table into one of the two demo tenants', async () => {
    for (const table of SEEDED_TABLES) {
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id = $1`), table).toBeGreaterThan(0);
      expect(await count(`SELECT count(*)::int AS n FROM ${table} WHERE tenant_id <> ALL($1::uuid[])`, [[DEMO_TENANT_ID, DEMO_OTHER_TENANT_ID]]), table).toBe(
        0,
      );
    }
  });

  it('maps each demo user to its Entra object id and roles', async () => {
    const users = await rows<{ entra_oid: string; display_name: string; email: string; roles: string[] }>(
      'SELECT entra_oid, display_name, email, roles FROM users WHERE tenant_id = $1',
    );
    expect(users).toHaveLength(DEMO_USERS.length);
    for (const u of DEMO_USERS) expect(users).toContainEqual({ entra_oid: u.oid, display_name: u.displayName, email: u.email, roles: u.roles });
  });

  it('rates accounts A/B/C 10/20/70 and keeps domains and emails in step with their lookup tables', async () => {
    const ratings = await rows<{ rating: string; n: number }>(
      'SELECT rating, count(*)::int AS n FROM accounts WHERE tenant_id = $1 GROUP BY rating ORDER BY rating',
    );
    expect(ratings).toEqual([
      { rating: 'A', n: 5 },
      { rating: 'B', n: 10 },
      { rating: 'C', n: 35 },
    ]);
    expect(await count('SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1 AND parent_account_id IS NOT NULL')).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM accounts a, unnest(a.domains) d
                    WHERE a.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM account_domains x WHERE x.tenant_id = a.tenant_id AND x.domain = d AND x.account_id = a.id)`),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM account_domains WHERE tenant_id = $1')).toBe(
      await count('SELECT count(*)::int AS n FROM accounts a, unnest(a.domains) d WHERE a.tenant_id = $1'),
    );
    // Every contact has 1-2 lower-case emails, all at a domain of its account.
    expect(
      await count(`SELECT count(*)::int AS n FROM contacts c JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
                    WHERE c.tenant_id = $1 AND (cardinality(c.emails) NOT BETWEEN 1 AND 2
                      OR EXISTS (SELECT 1 FROM unnest(c.emails) e WHERE e <> lower(e) OR NOT split_part(e, '@', 2) = ANY(a.domains)
                        OR NOT EXISTS (SELECT 1 FROM contact_emails x WHERE x.tenant_id = c.tenant_id AND x.email = e AND x.contact_id = c.id)))`),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM contacts WHERE tenant_id = $1 AND cardinality(emails) = 2')).toBeGreaterThan(0);
    const roles = await rows<{ buying_role: string }>('SELECT DISTINCT buying_role FROM contacts WHERE tenant_id = $1 ORDER BY 1');
    expect(roles.map((r) => r.buying_role)).toEqual(['champion', 'decision_maker', 'gatekeeper', 'influencer', 'user']);
  });

  it('has interactions of every type and source over two years, emails most common', async () => {
    const types = await rows<{ type: string; n: number }>(
      'SELECT type, count(*)::int AS n FROM interactions WHERE tenant_id = $1 GROUP BY type ORDER BY n DESC',
    );
    expect(types.map((t) => t.type).sort()).toEqual(['call', 'chat', 'complaint', 'email', 'meeting', 'note', 'service_request', 'web_form']);
    expect(types[0]!.type).toBe('email');
    const sources = await rows<{ source: string }>('SELECT DISTINCT source FROM interactions WHERE tenant_id = $1 ORDER BY 1');
    expect(sources.map((s) => s.source)).toEqual(['addin', 'api', 'graph-sync', 'import', 'teams']);
    const span = await rows<{ oldest: Date; newest: Date }>(
      'SELECT min(occurred_at) AS oldest, max(occurred_at) AS newest FROM interactions WHERE tenant_id = $1',
    );
    expect(now.getTime() - span[0]!.oldest.getTime()).toBeGreaterThan(700 * 86_400_000);
    expect(now.getTime() - span[0]!.oldest.getTime()).toBeLessThanOrEqual(731 * 86_400_000);
    expect(span[0]!.newest.getTime()).toBeLessThan(now.getTime());
  });

  it('gives emails unique message ids, meetings unique iCalUIds, and tickets a consistent status', async () => {
    const keys = await rows<{ emails: number; message_ids: number; meetings: number; ical_uids: number; bad_tickets: number; open_tickets: number }>(
      `SELECT count(*) FILTER (WHERE type = 'email')::int AS emails,
              count(DISTINCT internet_message_id)::int AS message_ids,
              count(*) FILTER (WHERE type = 'meeting')::int AS meetings,
              count(DISTINCT ical_uid)::int AS ical_uids,
              count(*) FILTER (WHERE type IN ('complaint', 'service_request') AND NOT (
                (status = 'open' AND resolution IS NULL AND resolved_at IS NULL) OR
                (status = 'resolved' AND resolution IS NOT NULL AND resolved_at > occurred_at AND resolved_at <= $2))
              )::int AS bad_tickets,
              count(*) FILTER (WHERE status = 'open')::int AS open_tickets
         FROM interactions WHERE tenant_id = $1`,
      [DEMO_TENANT_ID, now],
    );
    expect(keys[0]).toMatchObject({ bad_tickets: 0 });
    expect(keys[0]!.message_ids).toBe(keys[0]!.emails);
    expect(keys[0]!.ical_uids).toBe(keys[0]!.meetings);
    expect(keys[0]!.open_tickets).toBeGreaterThan(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND type = 'email' AND internet_message_id !~ '^<[^<>@]+@[a-z0-9.-]+>$'`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND (status IS NOT NULL) <> (type IN ('complaint', 'service_request'))`),
    ).toBe(0);
  });

  it('links every interaction to one account, 1-3 of its contacts and its logger, with consistent copies', async () => {
    expect(
      await count(`SELECT count(*)::int AS n FROM interactions i WHERE i.tenant_id = $1 AND (
         (SELECT count(*) FROM interaction_accounts ia WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id
            AND ia.occurred_at = i.occurred_at AND ia.type = i.type AND ia.is_open = (i.status IS NOT DISTINCT FROM 'open')) <> 1
         OR (SELECT count(*) FROM interaction_contacts ic JOIN contacts c ON c.tenant_id = ic.tenant_id AND c.id = ic.contact_id
               JOIN interaction_accounts ia ON ia.tenant_id = ic.tenant_id AND ia.interaction_id = ic.interaction_id AND ia.account_id = c.account_id
             WHERE ic.tenant_id = i.tenant_id AND ic.interaction_id = i.id AND ic.occurred_at = i.occurred_at) NOT BETWEEN 1 AND 3
         OR NOT EXISTS (SELECT 1 FROM interaction_loggers l WHERE l.tenant_id = i.tenant_id AND l.interaction_id = i.id AND l.user_id = i.created_by))`),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM interaction_contacts WHERE tenant_id = $1')).toBe(
      await count(
        'SELECT count(*)::int AS n FROM interaction_contacts ic WHERE tenant_id = $1 AND EXISTS (SELECT 1 FROM interactions i WHERE i.tenant_id = ic.tenant_id AND i.id = ic.interaction_id)',
      ),
    );
    // Deal links only while the deal existed.
    expect(
      await count(
        `SELECT count(*)::int AS n FROM interaction_opportunities io
                     JOIN interactions i ON i.tenant_id = io.tenant_id AND i.id = io.interaction_id
                     JOIN opportunities o ON o.tenant_id = io.tenant_id AND o.id = io.opportunity_id
                    WHERE io.tenant_id = $1 AND (i.occurred_at < o.created_at OR i.occurred_at > coalesce(o.closed_at, $2))`,
        [DEMO_TENANT_ID, now],
      ),
    ).toBe(0);
    expect(await count('SELECT count(*)::int AS n FROM interaction_opportunities WHERE tenant_id = $1')).toBeGreaterThan(50);
  });

  it('has a pipeline in every stage, 15 won and 10 lost deals with reasons', async () => {
    const deals = await rows<{ status: string; stage: string; probability: number; amount: number; close_reason: string | null; closed_at: Date | null }>(
      'SELECT status, stage, probability, amount, close_reason, closed_at FROM opportunities WHERE tenant_id = $1',
    );
    expect(deals.filter((d) => d.status === 'won')).toHaveLength(15);
    expect(deals.filter((d) => d.status === 'lost')).toHaveLength(10);
    for (const d of deals) {
      expect(d.probability).toBe(defaultStages.find((s) => s.key === d.stage)!.probability);
      expect(d.amount).toBeGreaterThanOrEqual(5_000);
      expect(d.amount).toBeLessThanOrEqual(2_000_000);
      expect(d.status === 'open' ? d.close_reason === null && d.closed_at === null : d.close_reason !== null && d.closed_at !== null).toBe(true);
    }
    expect(new Set(deals.filter((d) => d.status === 'open').map((d) => d.stage))).toEqual(new Set(defaultStages.map((s) => s.key)));
    expect(await count('SELECT count(*)::int AS n FROM opportunity_contacts WHERE tenant_id = $1')).toBeGreaterThan(30);
  });

  it('has follow-ups overdue, due this week, later, done and cancelled, assigned to people who work with customers', async () => {
    const tasks = await rows<{ status: string; due: string; n: number }>(
      `SELECT status, CASE WHEN status <> 'open' THEN '-' WHEN due_date < $2::date THEN 'overdue' WHEN due_date < $2::date + 7 THEN 'week' ELSE 'later' END AS due,
              count(*)::int AS n FROM tasks WHERE tenant_id = $1 GROUP BY 1, 2`,
      [DEMO_TENANT_ID, today],
    );
    expect(tasks.map((t) => `${t.status}/${t.due}`).sort()).toEqual(['cancelled/-', 'done/-', 'open/later', 'open/overdue', 'open/week']);
    const reader = await userId(DEMO_USERS.findIndex((u) => u.roles.includes('CRM.Reader')));
    expect(
      await count('SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1 AND (assignee_id IS NULL OR assignee_id = $2)', [DEMO_TENANT_ID, reader]),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1 AND (status = 'done') <> (completed_at IS NOT NULL)`)).toBe(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1 AND assignee_id = $2 AND status = 'open' AND kind = 'follow_up' AND due_date < $3::date`,
        [DEMO_TENANT_ID, await userId(0), today],
      ),
    ).toBeGreaterThan(0);
  });

  it('has contacts with no consent, granted only, withdrawn after a grant, objected, and several channels', async () => {
    const profiles = await rows<{ profile: string }>(
      `SELECT DISTINCT CASE
          WHEN count(k.id) = 0 THEN 'none'
          WHEN count(DISTINCT k.channel) > 1 THEN 'channels'
          WHEN bool_and(k.action = 'granted') THEN 'granted'
          WHEN bool_or(k.action = 'objected') THEN 'objected'
          WHEN bool_or(k.action = 'withdrawn') AND bool_or(k.action = 'granted') THEN 'withdrawn'
        END AS profile
        FROM contacts c LEFT JOIN consents k ON k.tenant_id = c.tenant_id AND k.contact_id = c.id
       WHERE c.tenant_id = $1 GROUP BY c.id`,
    );
    expect(profiles.map((p) => p.profile).sort()).toEqual(['channels', 'granted', 'none', 'objected', 'withdrawn']);
    // A withdrawal never comes before the grant it revokes.
    expect(
      await count(`SELECT count(*)::int AS n FROM consents w WHERE w.tenant_id = $1 AND w.action = 'withdrawn' AND NOT EXISTS (
         SELECT 1 FROM consents g WHERE g.tenant_id = w.tenant_id AND g.contact_id = w.contact_id AND g.channel = w.channel
           AND g.purpose = w.purpose AND g.action = 'granted' AND g.captured_at < w.captured_at)`),
    ).toBe(0);
    expect(
      await count('SELECT count(*)::int AS n FROM consents WHERE tenant_id = $1 AND (captured_at > $2 OR recorded_at < captured_at)', [DEMO_TENANT_ID, now]),
    ).toBe(0);
  });

  it('gives the default user sleeping customers: no interaction for over 120 days', async () => {
    const sleeping = await rows<{ name: string }>(
      `SELECT a.name FROM accounts a WHERE a.tenant_id = $1 AND a.owner_id = $2 AND NOT EXISTS (
         SELECT 1 FROM interaction_accounts ia WHERE ia.tenant_id = a.tenant_id AND ia.account_id = a.id AND ia.occurred_at > $3::timestamptz - interval '120 days')`,
      [DEMO_TENANT_ID, await userId(0), now],
    );
    expect(sleeping.map((s) => s.name)).toEqual(expect.arrayContaining([...DEMO_FEATURED.sleepingAccountNames]));
  });

  describe('DEMO_FEATURED', () => {
    const f = DEMO_FEATURED;
    const contactByEmail = (email: string, tenantId = DEMO_TENANT_ID) =>
      rows<{ name: string; account_name: string; owner_id: string }>(
        `SELECT c.first_name || ' ' || c.last_name AS name, a.name AS account_name, a.owner_id
           FROM contact_emails e JOIN contacts c ON c.tenant_id = e.tenant_id AND c.id = e.contact_id
           JOIN accounts a ON a.tenant_id = c.tenant_id AND a.id = c.account_id
          WHERE e.tenant_id = $1 AND e.email = $2`,
        [tenantId, email],
      );

    it('knows Julia Hoffmann, who granted email marketing, and her account has an open complaint, open deals and an overdue follow-up', async () => {
      expect(await contactByEmail(f.knownContact.email)).toEqual([
        { name: f.knownContact.name, account_name: f.knownContact.accountName, owner_id: await userId(0) },
      ]);
      const email = (await latestConsents(f.knownContact.email)).filter((k) => k.channel === 'email');
      expect(email.map((k) => k.action)).toEqual(['granted', 'granted']);
      const account = [DEMO_TENANT_ID, f.knownContact.accountName];
      expect(
        await count(
          `SELECT count(*)::int AS n FROM interaction_accounts ia JOIN accounts a ON a.tenant_id = ia.tenant_id AND a.id = ia.account_id
            WHERE ia.tenant_id = $1 AND a.name = $2 AND ia.type = 'complaint' AND ia.is_open`,
          account,
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM opportunities o JOIN accounts a ON a.tenant_id = o.tenant_id AND a.id = o.account_id WHERE o.tenant_id = $1 AND a.name = $2 AND o.status = 'open'`,
          account,
        ),
      ).toBeGreaterThan(0);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM tasks t JOIN accounts a ON a.tenant_id = t.tenant_id AND a.id = t.account_id
            WHERE t.tenant_id = $1 AND a.name = $2 AND t.status = 'open' AND t.due_date < $3::date AND t.assignee_id = $4`,
          [...account, today, await userId(0)],
        ),
      ).toBeGreaterThan(0);
    });

    it('records that Thomas Berger withdrew email marketing on the documented day and way', async () => {
      expect(await contactByEmail(f.withdrawnEmailContact.email)).toMatchObject([
        { name: f.withdrawnEmailContact.name, account_name: f.withdrawnEmailContact.accountName },
      ]);
      const marketing = (await latestConsents(f.withdrawnEmailContact.email)).find((k) => k.channel === 'email' && k.purpose === 'marketing')!;
      expect(marketing).toMatchObject({ action: 'withdrawn', source: f.withdrawnEmailContact.withdrawnVia });
      expect(marketing.captured_at.getTime()).toBe(now.getTime() - f.withdrawnEmailContact.withdrawnDaysAgo * 86_400_000);
    });

    it('records that Claire Dubois objected to email marketing', async () => {
      expect(await contactByEmail(f.objectedContact.email)).toMatchObject([{ name: f.objectedContact.name, account_name: f.objectedContact.accountName }]);
      expect(await latestConsents(f.objectedContact.email)).toMatchObject([{ channel: 'email', purpose: 'marketing', action: 'objected' }]);
    });

    it('does not know the unknown senders, but knows the domain of the one at a known company', async () => {
      for (const email of [f.unknownSenderAtKnownDomain, f.unknownSenderAtUnknownDomain]) expect(await contactByEmail(email)).toEqual([]);
      const domainOwner = (email: string) =>
        rows<{ name: string }>(
          `SELECT a.name FROM account_domains d JOIN accounts a ON a.tenant_id = d.tenant_id AND a.id = d.account_id WHERE d.tenant_id = $1 AND d.domain = $2`,
          [DEMO_TENANT_ID, email.split('@')[1]],
        );
      expect(await domainOwner(f.unknownSenderAtKnownDomain)).toEqual([{ name: f.knownContact.accountName }]);
      expect(await domainOwner(f.unknownSenderAtUnknownDomain)).toEqual([]);
    });

    it('keeps the other tenant separate: same domain and email, its own account name and consent', async () => {
      expect(await count('SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1', [DEMO_OTHER_TENANT_ID])).toBe(5);
      const other = await contactByEmail(f.knownContact.email, DEMO_OTHER_TENANT_ID);
      expect(other).toMatchObject([{ name: f.knownContact.name, account_name: `${f.knownContact.accountName} (other tenant)` }]);
      expect(await latestConsents(f.knownContact.email, DEMO_OTHER_TENANT_ID)).toMatchObject([{ channel: 'email', action: 'objected' }]);
    });
  });
});

/** A database whose transactions fail at the first insert into `table`, as a crash mid-seed would. */
function failingAt(db: Db, table: string): Db {
  return {
    ...db,
    transaction: (fn) =>
      db.transaction((tx) => {
        const failing: Queryable = {
          exec: (sql) => tx.exec(sql),
          query: (sql, params) =>
            typeof sql === 'string' && sql.startsWith(`INSERT INTO ${table} `) ? Promise.reject(new Error('crash')) : tx.query(sql, params),
        };
        return fn(failing);
      }),
  };
}

describeEachDatabase('demo seed after a crash', (getDb) => {
  it('leaves nothing half-seeded and seeds completely on the next start', async () => {
    await expect(seedDemoTenant(failingAt(getDb(), 'interactions'), now)).rejects.toThrow('crash');
    for (const table of SEEDED_TABLES) expect(await getDb().query(`SELECT 1 FROM ${table} LIMIT 1`), table).toEqual([]);
    expect((await seedDemoTenant(getDb(), now)).counts).toMatchObject(DEMO_SIZES);
  });
});
