// Automation rules on a small known tenant, on PGlite and PostgreSQL: each rule makes exactly the follow-ups worked out
// by hand, with its reason; a rerun makes none; a switched-off rule none; a follow-up snoozes with a reason.
import { randomUUID } from 'node:crypto';
import { AccountCreate, AutomationRules, ContactCreate, InteractionCreate, OpportunityCreate, StoredAutomationRules, type AutomationRun } from '@crm/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { callAs, createApiHarness, type ApiHarness } from '../../../../test/support/api-harness';
import { crashingIn } from '../../../../test/support/crashing-db';
import { describeEachDatabase, seedActor } from '../../../../test/support/databases';
import { domainError } from '../../../../test/support/domain-expect';
import type { Actor } from '../../core/actor';
import { createAccount } from '../accounts';
import { createContact } from '../contacts';
import { logInteraction } from '../interactions';
import { changeOpportunity, createOpportunity } from '../opportunities';
import { createTask, readTask } from '../tasks';
import { automationRuns, runAutomation, runDailyAutomation, snoozeRuleFollowUp, updateAutomationRules } from './service';

const NOW = new Date('2026-12-01T12:00:00Z');
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();
const createdBy = (run: AutomationRun, rule: string) => run.rules.find((r) => r.rule === rule)!;

describeEachDatabase('automation rules', (getDb) => {
  let anna: Actor;
  let admin: Actor;
  let manager: Actor;
  const ids: Record<string, string> = {};

  const monthly = async (account: string, from: string, months: number, amount: number) => {
    const [year, month] = from.split('-').map(Number) as [number, number];
    for (let i = 0; i < months; i++) {
      const index = year * 12 + month - 1 + i;
      await getDb().query(
        `INSERT INTO account_revenue (tenant_id, account_id, period_kind, period_start, revenue, source) VALUES ($1, $2, 'month', $3, $4, 'api')`,
        [anna.tenantId, ids[account], `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`, amount],
      );
    }
  };
  const log = async (account: string, days: number, input: Partial<z.input<typeof InteractionCreate>> = {}) =>
    (await logInteraction(getDb(), anna, InteractionCreate.parse({ accountIds: [ids[account]], type: 'meeting', subject: 'Termin', occurredAt: daysFromNow(days), ...input })))
      .value.id;
  const opportunity = async (account: string, name: string, stage: string, days: number) => {
    const id = (await createOpportunity(getDb(), anna, OpportunityCreate.parse({ accountId: ids[account], name, stage, ownerId: anna.userId }))).value.id;
    await getDb().query(`UPDATE opportunities SET stage_since = $3 WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, id, daysFromNow(-days)]);
    return (ids[name] = id);
  };
  const saveRules = (rules: z.input<typeof AutomationRules>, version: number) => updateAutomationRules(getDb(), admin, version, AutomationRules.parse(rules));

  beforeAll(async () => {
    anna = await seedActor(getDb(), { name: 'Anna' });
    admin = await seedActor(getDb(), { tenantId: anna.tenantId, roles: ['CRM.Admin'] });
    manager = await seedActor(getDb(), { tenantId: anna.tenantId, roles: ['CRM.Manager'], name: 'Moritz' });
    for (const name of ['Ahorn', 'Buche', 'Citrus', 'Dattel', 'Eibe'])
      ids[name] = (await createAccount(getDb(), anna, AccountCreate.parse({ name, ownerId: anna.userId }))).value.id;
    // Revenue of the last twelve months: Ahorn 120,000 (class A), Buche and Eibe 12,000 each (tied, class C); Eibe had
    // 120,000 the twelve months before (-90 %: at risk). Citrus and Dattel have none, so no class and no rhythm.
    await monthly('Ahorn', '2024-12', 24, 10_000);
    await monthly('Buche', '2024-12', 24, 1_000);
    await monthly('Eibe', '2024-12', 12, 10_000);
    await monthly('Eibe', '2025-12', 12, 1_000);

    // Ahorn: a meeting every 30 days, the last 97 days ago.
    for (const days of [-187, -157, -127, -97]) await log('Ahorn', days);
    // Buche: an outbound email 10 days ago nobody answered.
    ids.email = await log('Buche', -10, { type: 'email', direction: 'outbound', subject: 'Angebot' });
    // Citrus: a meeting 20 days ago followed by an email, which was answered 9 days ago.
    await log('Citrus', -20);
    await log('Citrus', -12, { type: 'email', direction: 'outbound', subject: 'Protokoll' });
    await log('Citrus', -9, { type: 'email', direction: 'inbound', subject: 'Re: Protokoll' });
    // Dattel: a complaint open for 20 days, one about a restricted person only for 30, then a meeting 8 days ago.
    ids.complaint = await log('Dattel', -20, { type: 'complaint', subject: 'Lieferverzug', status: 'open' });
    const restricted = (await createContact(getDb(), anna, ContactCreate.parse({ accountId: ids.Dattel, lastName: 'Gesperrt' }))).value.id;
    await log('Dattel', -30, { type: 'complaint', subject: 'Persönlich', status: 'open', contactIds: [restricted] });
    await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason) VALUES ($1, $2, 'Art. 18')`, [anna.tenantId, restricted]);
    ids.meeting = await log('Dattel', -8);
    // Opportunities: Buche's proposal for 20 days (the stage's limit is 14), Ahorn's qualified one for 20 (default 30).
    await opportunity('Buche', 'Anlage', 'proposal', 20);
    await opportunity('Ahorn', 'Wartung', 'qualified', 20);

    await saveRules({ dailyRun: true, stuckOpportunities: { stageLimitDays: { proposal: 14 } }, openComplaints: { escalateTo: manager.userId } }, 0);
  });

  let first: AutomationRun;

  it('makes the follow-ups worked out by hand, each saying which rule made it and why', async () => {
    first = await runAutomation(getDb(), anna.tenantId, 'manual', admin.userId, NOW);
    const summary = first.rules.map((r) => [r.rule, r.enabled, r.created.length, r.alreadyCreated]);
    expect(summary).toEqual([
      ['contactRhythm', true, 1, 0],
      ['noAnswer', true, 2, 0],
      ['stuckOpportunities', true, 1, 0],
      ['openComplaints', true, 1, 0],
      ['atRisk', true, 1, 0],
    ]);
    expect(createdBy(first, 'contactRhythm').created[0]).toMatchObject({
      recordId: ids.Ahorn,
      period: daysFromNow(-97).slice(0, 10),
      assigneeId: anna.userId,
      reason: { en: 'no contact for 97 days, usually every 30; A customers at least every 60 days', de: 'seit 97 Tagen kein Kontakt, sonst alle 30 Tage; A-Kunden mindestens alle 60 Tage' },
    });
    expect(createdBy(first, 'noAnswer').created.map((f) => [f.recordId, f.reason.en]).sort()).toEqual(
      [
        [ids.email, `outbound email of ${daysFromNow(-10).slice(0, 10)} without an answer for 10 days (follow up after 7)`],
        [ids.meeting, `nothing since the meeting of ${daysFromNow(-8).slice(0, 10)}, 8 days ago (follow up after 7)`],
      ].sort(),
    );
    expect(createdBy(first, 'stuckOpportunities').created[0]).toMatchObject({
      recordId: ids.Anlage,
      period: `proposal@${daysFromNow(-20).slice(0, 10)}`,
      reason: { en: 'in stage Proposal for 20 days, limit 14', de: 'seit 20 Tagen in der Phase Angebot, Grenze 14' },
    });
    expect(createdBy(first, 'openComplaints').created[0]).toMatchObject({
      recordId: ids.complaint,
      assigneeId: manager.userId,
      reason: { en: 'complaint open for 20 days, limit 14; escalated to the chosen person' },
    });
    const risk = createdBy(first, 'atRisk').created[0]!;
    expect([risk.recordId, risk.period]).toEqual([ids.Eibe, '2026-Q4']);
    expect(risk.reason.en).toMatch(/^at risk: churn risk \d+ of 100 \(.*revenue trend 25/);
    expect(risk.reason.de).toMatch(/^gefährdet: Abwanderungsrisiko \d+ von 100 \(.*Umsatzentwicklung 25/);

    const task = await readTask(getDb(), anna, createdBy(first, 'contactRhythm').created[0]!.taskId);
    expect(task).toMatchObject({
      kind: 'follow_up',
      title: 'Kontaktrhythmus / Contact rhythm: Ahorn',
      dueDate: '2026-12-01',
      accountId: ids.Ahorn,
      assigneeId: anna.userId,
      createdBy: null,
      status: 'open',
    });
    expect(task.description).toContain('no contact for 97 days, usually every 30');
    const complaintTask = await readTask(getDb(), anna, createdBy(first, 'openComplaints').created[0]!.taskId);
    expect([complaintTask.interactionId, complaintTask.assigneeId]).toEqual([ids.complaint, manager.userId]);
  });

  it('makes nothing twice: a rerun finds every follow-up made, and a new stage starts its clock again', async () => {
    const tasks = () => getDb().query(`SELECT count(*)::int AS n FROM tasks WHERE tenant_id = $1`, [anna.tenantId]);
    const before = await tasks();
    const again = await runAutomation(getDb(), anna.tenantId, 'manual', admin.userId, NOW);
    expect(again.rules.map((r) => [r.rule, r.created.length, r.alreadyCreated])).toEqual([
      ['contactRhythm', 0, 1],
      ['noAnswer', 0, 2],
      ['stuckOpportunities', 0, 1],
      ['openComplaints', 0, 1],
      ['atRisk', 0, 1],
    ]);
    expect(await tasks()).toEqual(before);
    // Moving Ahorn's opportunity on resets its stage clock (the trigger), so it is not stuck in its new stage.
    await changeOpportunity(getDb(), anna, ids.Wartung!, 1, { stage: 'proposal' });
    const [moved] = await getDb().query<{ stage_since: Date }>(`SELECT stage_since FROM opportunities WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, ids.Wartung]);
    expect(new Date(moved!.stage_since).getTime()).toBeGreaterThan(NOW.getTime() - 60_000);
    expect(createdBy(await runAutomation(getDb(), anna.tenantId, 'manual', admin.userId, NOW), 'stuckOpportunities').created).toEqual([]);
  });

  it('two runs at once still make each follow-up once', async () => {
    const later = new Date(NOW.getTime() + 100 * 86_400_000);
    const runs = await Promise.all([runAutomation(getDb(), anna.tenantId, 'manual', null, later), runAutomation(getDb(), anna.tenantId, 'manual', null, later)]);
    const made = runs.flatMap((run) => run.rules.flatMap((r) => r.created.map((f) => `${f.rule}:${f.recordId}:${f.period}`)));
    expect(made.length).toBeGreaterThan(0);
    expect(new Set(made).size).toBe(made.length);
  });

  it('a switched-off rule makes nothing, and every run is logged, newest first', async () => {
    const rules = await saveRules({ dailyRun: true, noAnswer: { enabled: false }, openComplaints: { escalateTo: manager.userId } }, 1);
    expect([rules.etag, rules.noAnswer.enabled, rules.saved]).toEqual(['"2"', false, true]);
    const run = await runAutomation(getDb(), anna.tenantId, 'manual', admin.userId, new Date(NOW.getTime() + 200 * 86_400_000));
    expect(createdBy(run, 'noAnswer')).toEqual({ rule: 'noAnswer', enabled: false, created: [], alreadyCreated: 0 });
    const page = await automationRuns(getDb(), anna, { limit: 2 });
    expect(page.items[0]?.id).toBe(run.id);
    const rest = await automationRuns(getDb(), anna, { limit: 50, cursor: page.nextCursor! });
    expect(rest.items.map((r) => r.id)).toContain(first.id);
    await domainError(saveRules({}, 1), 'precondition_failed');
  });

  it('the daily timer runs the tenants that switched it on', async () => {
    expect(await runDailyAutomation(getDb(), { deadline: Number.POSITIVE_INFINITY, log: () => undefined }, NOW)).toBeGreaterThanOrEqual(1);
    expect((await automationRuns(getDb(), anna, { limit: 1 })).items[0]?.trigger).toBe('timer');
  });

  it("snoozes a rule's follow-up to a later day with a reason, and only a rule's", async () => {
    const followUp = createdBy(first, 'contactRhythm').created[0]!;
    const snoozed = await snoozeRuleFollowUp(getDb(), anna, followUp.taskId, 1, { until: '2026-12-15', reason: 'Kunde im Urlaub' }, NOW);
    expect(snoozed).toMatchObject({ rule: 'contactRhythm', snoozedUntil: '2026-12-15', snoozeReason: 'Kunde im Urlaub', snoozedBy: anna.userId });
    expect([snoozed.task.dueDate, snoozed.task.etag, snoozed.task.rule]).toEqual(['2026-12-15', '"2"', { name: 'contactRhythm' }]);
    expect((await domainError(snoozeRuleFollowUp(getDb(), anna, followUp.taskId, 2, { until: '2026-12-01', reason: 'x' }, NOW), 'invalid')).field).toBe('until');
    await domainError(snoozeRuleFollowUp(getDb(), anna, followUp.taskId, 1, { until: '2026-12-20', reason: 'alt' }, NOW), 'precondition_failed');
    const own = (await createTask(getDb(), anna, { kind: 'follow_up', title: 'Eigene', dueDate: '2026-12-10' })).value;
    await domainError(snoozeRuleFollowUp(getDb(), anna, own.id, 1, { until: '2026-12-20', reason: 'x' }, NOW), 'not_found');
    const stranger = await seedActor(getDb());
    await domainError(snoozeRuleFollowUp(getDb(), stranger, followUp.taskId, 2, { until: '2026-12-20', reason: 'x' }, NOW), 'not_found');
  });

  it('moves the due date and records the reason of a snooze together: a crash between them keeps neither', async () => {
    const followUp = createdBy(first, 'noAnswer').created[0]!;
    const before = await readTask(getDb(), anna, followUp.taskId);
    const crashed = snoozeRuleFollowUp(crashingIn(getDb(), /UPDATE automation_follow_ups/), anna, followUp.taskId, 1, { until: '2026-12-18', reason: 'Messe' }, NOW);
    await expect(crashed).rejects.toThrow('injected crash');
    expect(await readTask(getDb(), anna, followUp.taskId)).toEqual(before);
    // The retry with the version read succeeds, and the reason is there with the new day.
    const snoozed = await snoozeRuleFollowUp(getDb(), anna, followUp.taskId, 1, { until: '2026-12-18', reason: 'Messe' }, NOW);
    expect([snoozed.task.dueDate, snoozed.snoozeReason]).toEqual(['2026-12-18', 'Messe']);
    const [row] = await getDb().query<{ snooze_reason: string }>(`SELECT snooze_reason FROM automation_follow_ups WHERE tenant_id = $1 AND task_id = $2`, [
      anna.tenantId,
      followUp.taskId,
    ]);
    expect(row?.snooze_reason).toBe('Messe');
  });

  it("marks a rule's follow-ups with their rule in My CRM and the account tab, the others with null, so the tabs offer the snooze", async () => {
    const api = await createApiHarness(getDb());
    const [user] = await getDb().query(`SELECT entra_oid FROM users WHERE tenant_id = $1 AND id = $2`, [anna.tenantId, anna.userId]);
    const token = await api.token({ tenantId: anna.tenantId, userId: String(user!.entra_oid), name: 'Anna', roles: ['CRM.User'] });
    const call = callAs(() => api);
    const runs = (await automationRuns(getDb(), anna, { limit: 50 })).items;
    const ruleOf = new Map(runs.flatMap((run) => run.rules.flatMap((r) => r.created.map((f) => [f.taskId, r.rule] as const))));
    const expected = (task: { id: string }) => (ruleOf.has(task.id) ? { name: ruleOf.get(task.id) } : null);
    const work = await call(token, 'GET', '/api/me/work');
    expect(work.status, work.text).toBe(200);
    const tasks: Array<{ id: string; title: string; rule: unknown }> = work.body.tasks;
    expect(tasks.filter((t) => t.rule !== null).length).toBeGreaterThan(0);
    expect(tasks.find((t) => t.title === 'Eigene')).toMatchObject({ rule: null });
    expect(tasks.map((t) => [t.id, t.rule])).toEqual(tasks.map((t) => [t.id, expected(t)]));
    const overview = await call(token, 'GET', `/api/accounts/${ids.Ahorn}/overview`);
    expect(overview.status, overview.text).toBe(200);
    const open: Array<{ id: string; rule: unknown }> = overview.body.openTasks;
    expect(open.map((t) => t.rule)).toContainEqual({ name: 'contactRhythm' });
    expect(open.map((t) => [t.id, t.rule])).toEqual(open.map((t) => [t.id, expected(t)]));
  });
});

describeEachDatabase('automation API', (getDb) => {
  let api: ApiHarness;
  let admin: string;
  let user: string;
  const call = callAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
    const tenantId = randomUUID();
    admin = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Admin'] });
    user = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.User'] });
  });

  it('reads the defaults, lets only admins change them with If-Match, and refuses a typo or a stranger to escalate to', async () => {
    const read = await call(user, 'GET', '/api/automation/rules');
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ saved: false, etag: '"0"', dailyRun: false, contactRhythm: { enabled: true, byAbcClass: { A: 60, B: 90, C: 180 } } });
    const { saved: _s, updatedAt: _u, etag: _e, ...rules } = read.body;
    expect((await call(user, 'PUT', '/api/automation/rules', rules, '"0"')).status).toBe(403);
    expect((await call(admin, 'PUT', '/api/automation/rules', rules)).status).toBe(428);
    const typo = await call(admin, 'PUT', '/api/automation/rules', { ...rules, noAnswer: { enabled: true, dayz: 3 } }, '"0"');
    expect(typo.status).toBe(400);
    const stranger = await call(admin, 'PUT', '/api/automation/rules', { ...rules, openComplaints: { enabled: true, days: 14, escalateTo: randomUUID() } }, '"0"');
    expect([stranger.status, stranger.body.errors?.[0]?.field]).toEqual([400, 'openComplaints.escalateTo']);
    const put = await call(admin, 'PUT', '/api/automation/rules', { ...rules, dailyRun: true }, '"0"');
    expect([put.status, put.headers.get('etag'), put.body.dailyRun]).toEqual([200, '"1"', true]);
    expect((await call(admin, 'PUT', '/api/automation/rules', rules, '"0"')).status).toBe(412);
  });

  it('runs for admins only and answers what each rule created; every role reads the runs', async () => {
    expect((await call(user, 'POST', '/api/automation/run')).status).toBe(403);
    const run = await call(admin, 'POST', '/api/automation/run');
    expect(run.status, run.text).toBe(200);
    expect(run.body.rules.map((r: { rule: string }) => r.rule)).toEqual(['contactRhythm', 'noAnswer', 'stuckOpportunities', 'openComplaints', 'atRisk']);
    const runs = await call(user, 'GET', '/api/automation/runs');
    expect(runs.body.items.map((r: { id: string }) => r.id)).toEqual([run.body.id]);
    const snooze = await call(user, 'POST', `/api/automation/follow-ups/${randomUUID()}/snooze`, { until: '2099-01-01', reason: 'x' }, '"1"');
    expect(snooze.status).toBe(404);
  });
});

describeEachDatabase('notification switches API', (getDb) => {
  let api: ApiHarness;
  const call = callAs(() => api);

  beforeAll(async () => {
    api = await createApiHarness(getDb());
  });

  it("keeps each user's own switch, and shows managers the sending status", async () => {
    const tenantId = randomUUID();
    const reader = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Reader'] });
    const manager = await api.token({ tenantId, userId: randomUUID(), roles: ['CRM.Manager'] });
    expect((await call(reader, 'GET', '/api/me/notifications')).body).toEqual({ activityFeed: true });
    expect((await call(reader, 'PUT', '/api/me/notifications', { activityFeed: false })).body).toEqual({ activityFeed: false });
    expect((await call(reader, 'GET', '/api/me/notifications')).body).toEqual({ activityFeed: false });
    expect((await call(manager, 'GET', '/api/me/notifications')).body).toEqual({ activityFeed: true });
    const bad = await call(reader, 'PUT', '/api/me/notifications', { activityFeed: 'nein' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'activityFeed']);
    expect((await call(reader, 'GET', '/api/automation/notifications')).status).toBe(403);
    const status = await call(manager, 'GET', '/api/automation/notifications');
    expect(status.body).toEqual({ sending: false, counts: { pending: 0, sent: 0, failed: 0, skipped: 0 }, failures: [] });
  });
});

describe('automation rules document', () => {
  it('reads a stored document from before a rule existed with its defaults, and drops keys it no longer has', () => {
    const stored = StoredAutomationRules.parse({ dailyRun: true, noAnswer: { days: 3, gone: 1 }, retired: {} });
    expect(stored).toEqual({ ...AutomationRules.parse({}), dailyRun: true, noAnswer: { enabled: true, days: 3 } });
  });
});
