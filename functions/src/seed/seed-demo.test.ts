// The demo tenant is realistic, complete and keeps the facts the preview mailbox and browser tests rely on.
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../test/support/databases';
import { customerContext } from '../domain/context';
import { DEMO_FEATURED } from '@crm/common/demo';
import { DEMO_OTHER_TENANT_ID, DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';
import { seedDemoTenant } from './seed-demo';

describeEachDatabase('demo seed', (getDb) => {
  const now = new Date('2026-11-24T08:00:00Z');
  let first: Awaited<ReturnType<typeof seedDemoTenant>>;
  const count = async (sql: string, params: unknown[] = [DEMO_TENANT_ID]) => Number((await getDb().query<{ n: number }>(sql, params))[0]!.n);
  const actor = async () => {
    const rows = await getDb().query<{ id: string }>('SELECT id FROM users WHERE tenant_id = $1 AND entra_oid = $2', [DEMO_TENANT_ID, DEMO_USERS[0]!.oid]);
    return { tenantId: DEMO_TENANT_ID, userId: rows[0]!.id, displayName: DEMO_USERS[0]!.displayName, roles: DEMO_USERS[0]!.roles };
  };

  beforeAll(async () => {
    first = await seedDemoTenant(getDb(), now);
  });

  it('seeds the sizes the product brief promises', () => {
    expect(first.seeded).toBe(true);
    expect(first.counts).toMatchObject({ users: 6, accounts: 50, contacts: 200, interactions: 2000, opportunities: 60 });
    expect(first.counts!.tasks).toBeGreaterThanOrEqual(60);
  });

  it('reuses the data on the second start', async () => {
    const again = await seedDemoTenant(getDb(), now);
    expect(again.seeded).toBe(false);
    expect(await count('SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1')).toBe(50);
  });

  it('covers every interaction type over two years, each linked to its account', async () => {
    const types = await getDb().query<{ type: string }>('SELECT DISTINCT type FROM interactions WHERE tenant_id = $1', [DEMO_TENANT_ID]);
    expect(types.map((t) => t.type).sort()).toEqual(['call', 'chat', 'complaint', 'email', 'meeting', 'note', 'service_request', 'web_form']);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM interactions i WHERE tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM interaction_accounts ia WHERE ia.tenant_id = i.tenant_id AND ia.interaction_id = i.id)`,
      ),
    ).toBe(0);
    expect(await count(`SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND occurred_at < now() - interval '600 days'`)).toBeGreaterThan(0);
    expect(await count(`SELECT count(DISTINCT internet_message_id)::int AS n FROM interactions WHERE tenant_id = $1 AND type = 'email'`)).toBe(
      await count(`SELECT count(*)::int AS n FROM interactions WHERE tenant_id = $1 AND type = 'email'`),
    );
  });

  it('has opportunities in every stage and closed ones won and lost', async () => {
    const stages = await getDb().query<{ stage: string }>(`SELECT DISTINCT stage FROM opportunities WHERE tenant_id = $1 AND status = 'open'`, [
      DEMO_TENANT_ID,
    ]);
    expect(stages.length).toBe(5);
    expect(await count(`SELECT count(*)::int AS n FROM opportunities WHERE tenant_id = $1 AND status = 'won'`)).toBe(15);
    expect(await count(`SELECT count(*)::int AS n FROM opportunities WHERE tenant_id = $1 AND status = 'lost' AND close_reason IS NOT NULL`)).toBeGreaterThan(
      5,
    );
  });

  it('has consents in every state', async () => {
    const actions = await getDb().query<{ action: string }>('SELECT DISTINCT action FROM consents WHERE tenant_id = $1', [DEMO_TENANT_ID]);
    expect(actions.map((a) => a.action).sort()).toEqual(['granted', 'objected', 'withdrawn']);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM contacts c WHERE tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.tenant_id = c.tenant_id AND k.contact_id = c.id)`,
      ),
    ).toBeGreaterThan(20);
  });

  it('keeps the featured facts: known, withdrawn, objected, unknown with suggestion', async () => {
    const f = DEMO_FEATURED;
    const context = await customerContext(getDb(), await actor(), [
      f.knownContact.email,
      f.withdrawnEmailContact.email,
      f.objectedContact.email,
      f.unknownSenderAtKnownDomain,
      f.unknownSenderAtUnknownDomain,
    ]);
    const [known, withdrawn, objected, atKnownDomain, stranger] = context.people;
    expect(known).toMatchObject({ status: 'known', contact: { displayName: f.knownContact.name, accountName: f.knownContact.accountName } });
    if (known?.status !== 'known') throw new Error('unreachable');
    expect(known.consent.channels.email).toBe('granted');
    expect(withdrawn).toMatchObject({ status: 'known', consent: { channels: { email: 'withdrawn' } } });
    if (withdrawn?.status !== 'known') throw new Error('unreachable');
    const withdrawal = withdrawn.consent.current.find((e) => e.purpose === 'marketing')!;
    expect(withdrawal.source).toBe(f.withdrawnEmailContact.withdrawnVia);
    expect(Date.parse(withdrawal.capturedAt)).toBe(now.getTime() - f.withdrawnEmailContact.withdrawnDaysAgo * 86_400_000);
    expect(objected).toMatchObject({ status: 'known', consent: { channels: { email: 'objected' } } });
    expect(atKnownDomain).toEqual({
      email: f.unknownSenderAtKnownDomain,
      status: 'unknown',
      suggestedAccount: { id: expect.any(String), name: f.knownContact.accountName },
    });
    expect(stranger).toEqual({ email: f.unknownSenderAtUnknownDomain, status: 'unknown', suggestedAccount: null });
    const hoffmann = context.accounts.find((a) => a.account.name === f.knownContact.accountName)!;
    expect(hoffmann.openComplaints.length).toBeGreaterThanOrEqual(1);
    expect(hoffmann.recentInteractions).toHaveLength(10);
  });

  it('gives the default user an overdue follow-up and sleeping customers', async () => {
    const me = await actor();
    expect(
      await count(`SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1 AND assignee_id = $2 AND status = 'open' AND due_date < $3::date`, [
        DEMO_TENANT_ID,
        me.userId,
        '2026-11-24',
      ]),
    ).toBeGreaterThan(0);
    const sleeping = await getDb().query<{ name: string }>(
      `SELECT a.name FROM accounts a WHERE a.tenant_id = $1 AND a.owner_id = $2
         AND NOT EXISTS (SELECT 1 FROM interaction_accounts ia WHERE ia.tenant_id = a.tenant_id AND ia.account_id = a.id AND ia.occurred_at > $3::timestamptz - interval '120 days')`,
      [DEMO_TENANT_ID, me.userId, now.toISOString()],
    );
    expect(sleeping.map((s) => s.name)).toEqual(expect.arrayContaining([...DEMO_FEATURED.sleepingAccountNames]));
  });

  it('seeds a second tenant that shares a domain but not data', async () => {
    expect(await count('SELECT count(*)::int AS n FROM accounts WHERE tenant_id = $1', [DEMO_OTHER_TENANT_ID])).toBe(5);
    expect(await count(`SELECT count(*)::int AS n FROM account_domains WHERE domain = 'hoffmann-antriebstechnik.de'`, [])).toBe(2);
  });
});
