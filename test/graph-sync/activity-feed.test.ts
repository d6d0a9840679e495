// Teams activity feed notifications of rule follow-ups, end to end against the fake Graph on PGlite and PostgreSQL: a rule
// run queues one per follow-up, the sender posts the documented request shape at most five per second per tenant, a
// user who switched them off gets none, an app not installed fails once and visibly, and a temporary failure is tried a
// few times, never without end; the other rules' follow-ups go as rule follow-ups; a lead handed to a colleague reaches them as a handover, and a service case whose due
// time passed reaches the account owner as an escalation.
import { randomUUID } from 'node:crypto';
import { AccountCreate, CaseCreate, InteractionCreate, LeadCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { ACTIVITY_TYPES, MY_CRM_TAB } from '../../manifest/src/app-manifest';
import type { Actor } from '../../functions/src/core/actor';
import { createAccount } from '../../functions/src/features/accounts';
import { changeLead, createLead } from '../../functions/src/features/leads/service';
import { escalateDue, openCase } from '../../functions/src/features/cases/service';
import { logInteraction } from '../../functions/src/features/interactions';
import { createGraphActivityFeed } from '../../functions/src/features/sync';
import { deliverNotifications, MAX_ATTEMPTS, notificationStatus, setMyNotifications } from '../../functions/src/features/automation/notifications';
import { runAutomation } from '../../functions/src/features/automation/service';
import { describeEachDatabase } from '../support/databases';
import { createSyncWorld, graphConfigFor, useFakeGraph, type SyncWorld } from '../support/sync-harness';

const graph = useFakeGraph();
const APP_ID = '5b1e4f3a-8c2d-4e6f-9a0b-7c3d2e1f0a9b';
const DAY = 86_400_000;

describeEachDatabase('activity feed notifications', (getDb) => {
  let world: SyncWorld;
  let seller: { actor: Actor; mailbox: string };
  let offline: { actor: Actor; mailbox: string };
  let quiet: { actor: Actor; mailbox: string };
  const accounts: string[] = [];
  const sleeps: number[] = [];
  const clock = Date.now();
  const feed = () => createGraphActivityFeed(graphConfigFor(graph()), APP_ID);
  const deliver = () => deliverNotifications(getDb(), feed(), { deadline: Number.POSITIVE_INFINITY, now: () => clock, sleep: async (ms) => void sleeps.push(ms) });
  const sentTo = (mailbox: string) => graph().model.activityNotifications.filter((n) => n.userId === mailbox);

  /** An account of the owner with a complaint open for 20 days: the complaint rule (14 days) escalates it to the owner. */
  const complaintFor = async (owner: Actor, name: string) => {
    const account = (await createAccount(getDb(), owner, AccountCreate.parse({ name, ownerId: owner.userId }))).value.id;
    accounts.push(account);
    await logInteraction(
      getDb(),
      owner,
      InteractionCreate.parse({ accountIds: [account], type: 'complaint', status: 'open', subject: 'Reklamation', occurredAt: new Date(clock - 20 * DAY).toISOString() }),
    );
    return account;
  };
  const run = () => runAutomation(getDb(), world.tenantId, 'manual', null, new Date(clock));

  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
    seller = await world.employee('Selma Verkauf', []);
    offline = await world.employee('Otto Ohne App', []);
    quiet = await world.employee('Quirin Ruhe', []);
    graph().model.mailboxes.get(offline.mailbox)!.teamsAppInstalled = false;
    await setMyNotifications(getDb(), quiet.actor, { activityFeed: false });
  });

  it('sends each follow-up once with the documented request shape, five a second, and none to who switched them off', async () => {
    const first = await complaintFor(seller.actor, `Kunde ${randomUUID().slice(0, 4)}`);
    for (let i = 0; i < 6; i++) await complaintFor(seller.actor, `Kunde ${randomUUID().slice(0, 4)}`);
    await complaintFor(offline.actor, 'Ohne App GmbH');
    await complaintFor(quiet.actor, 'Ruhe KG');
    const made = (await run()).rules.find((r) => r.rule === 'openComplaints')!.created;
    expect(made).toHaveLength(9);

    expect(await deliver()).toEqual({ sent: 7, retry: 0, failed: 1, skipped: 1 });
    // Eight sends to one tenant (the one refused included): the sixth, seventh and eighth each wait out the second
    // since the oldest of the five before them (the test's clock stands still).
    expect(sleeps).toEqual([1000, 1000, 1000]);
    expect(sentTo(seller.mailbox)).toHaveLength(7);
    expect(sentTo(quiet.mailbox)).toEqual([]);
    const body = sentTo(seller.mailbox).find((n) => (n.body.topic as { webUrl: string }).webUrl.includes(first))!.body;
    const context = encodeURIComponent(JSON.stringify({ subEntityId: `account:${first}` }));
    expect(body).toEqual({
      topic: { source: 'text', value: expect.stringMatching(/^Kunde /), webUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/${MY_CRM_TAB}?context=${context}` },
      activityType: 'complaintEscalated',
      previewText: {
        content: 'Beschwerde seit 20 Tagen offen, Grenze 14; eskaliert an den Kontoverantwortlichen / complaint open for 20 days, limit 14; escalated to the account owner'.slice(0, 150),
      },
      templateParameters: [{ name: 'rule', value: 'Beschwerde eskaliert / Complaint escalated' }],
    });
    // Only activity types the manifest declares may be sent.
    expect(ACTIVITY_TYPES.map((t) => t.type)).toContain(body.activityType);

    const status = await notificationStatus(getDb(), seller.actor, true);
    expect(status.counts).toEqual({ pending: 0, sent: 7, failed: 1, skipped: 1 });
    expect(status.failures).toHaveLength(1);
    expect(status.failures[0]).toMatchObject({ userId: offline.actor.userId, attempts: 1, error: expect.stringMatching(/^403 .*TeamsActivity\.Send.*installed/) });

    // A rerun of the rules and of the sender adds nothing.
    await run();
    expect(await deliver()).toEqual({ sent: 0, retry: 0, failed: 0, skipped: 0 });
    expect(graph().model.activityNotifications.filter((n) => [seller.mailbox, offline.mailbox].includes(n.userId))).toHaveLength(7);
  });

  it('tries a temporary failure again later, and gives up after a few attempts', async () => {
    const makeDue = () => getDb().query(`UPDATE activity_notifications SET next_attempt_at = now() WHERE tenant_id = $1 AND status = 'pending'`, [world.tenantId]);
    await complaintFor(seller.actor, 'Später GmbH');
    await run();
    graph().faults.add({ match: { mailbox: seller.mailbox, pathIncludes: '/teamwork/' }, status: 503, times: 1 });
    expect(await deliver()).toEqual({ sent: 0, retry: 1, failed: 0, skipped: 0 });
    // Not due yet: the next attempt waits its back-off.
    expect(await deliver()).toEqual({ sent: 0, retry: 0, failed: 0, skipped: 0 });
    await makeDue();
    expect(await deliver()).toEqual({ sent: 1, retry: 0, failed: 0, skipped: 0 });

    await complaintFor(seller.actor, 'Nie GmbH');
    await run();
    graph().faults.add({ match: { mailbox: seller.mailbox, pathIncludes: '/teamwork/' }, status: 503, times: 20 });
    const outcomes: Array<Record<string, number>> = [];
    for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
      outcomes.push(await deliver());
      await makeDue();
    }
    expect(outcomes.map((o) => (o.retry ? 'retry' : o.failed ? 'failed' : 'none'))).toEqual(['retry', 'retry', 'retry', 'retry', 'failed', 'none', 'none']);
    const [row] = await getDb().query<{ attempts: number; last_error: string }>(
      `SELECT attempts, last_error FROM activity_notifications WHERE tenant_id = $1 AND status = 'failed' AND user_id = $2`,
      [world.tenantId, seller.actor.userId],
    );
    expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, last_error: expect.stringMatching(/^503 gave up after 5 attempts/) });
  });

  it('tells a colleague a lead was handed to them, as a handover the manifest declares', async () => {
    const taker = await world.employee('Hanna Übernahme', []);
    const lead = (await createLead(getDb(), seller.actor, LeadCreate.parse({ firstName: 'Jonas', lastName: 'Keller', company: 'Keller Maschinen GmbH' }))).value;
    await changeLead(getDb(), seller.actor, lead.id, Number(lead.etag.replaceAll('"', '')), { ownerId: taker.actor.userId });
    expect(await deliver()).toMatchObject({ sent: 1 });
    const [sent] = sentTo(taker.mailbox);
    expect(sent!.body).toMatchObject({
      activityType: 'handedOver',
      previewText: { content: 'Übergabe / Handover: Lead Jonas Keller (Keller Maschinen GmbH)' },
      templateParameters: [{ name: 'rule', value: 'Übergabe / Handover' }],
    });
    expect(ACTIVITY_TYPES.map((t) => t.type)).toContain('handedOver');
  });

  it('tells the account owner a service case passed its due time, as an escalation the manifest declares', async () => {
    const owner = await world.employee('Emil Eskalation', []);
    const account = (await createAccount(getDb(), owner.actor, AccountCreate.parse({ name: 'Fristen GmbH', ownerId: owner.actor.userId }))).value.id;
    const complaint = await logInteraction(
      getDb(),
      seller.actor,
      InteractionCreate.parse({ accountIds: [account], type: 'complaint', status: 'open', subject: 'Pumpe defekt', occurredAt: new Date(clock - 30 * 3_600_000).toISOString() }),
    );
    await openCase(getDb(), seller.actor, CaseCreate.parse({ interactionId: complaint.value.id, priority: 'normal' }));
    expect((await escalateDue(getDb(), new Date(clock))).escalated).toBe(1);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const [sent] = sentTo(owner.mailbox);
    expect(sent!.body).toMatchObject({
      activityType: 'caseEscalated',
      topic: { value: 'Fristen GmbH' },
      previewText: { content: expect.stringMatching(/^First response overdue since .* UTC: Pumpe defekt$/) },
      templateParameters: [{ name: 'rule', value: 'Eskalation / Escalation' }],
    });
    expect(ACTIVITY_TYPES.map((t) => t.type)).toContain('caseEscalated');
    // A second run escalates nothing more, so nothing more is sent.
    await escalateDue(getDb(), new Date(clock));
    expect(await deliver()).toMatchObject({ sent: 0 });
  });

  it("tells the assignee of another rule's follow-up as a rule follow-up the manifest declares, with the rule and the reason", async () => {
    const owner = await world.employee('Nora Nachfass', []);
    const account = (await createAccount(getDb(), owner.actor, AccountCreate.parse({ name: 'Stille AG', ownerId: owner.actor.userId }))).value.id;
    // An email sent ten days ago that nobody answered: the no-answer rule (7 days) makes a follow-up.
    await logInteraction(
      getDb(),
      owner.actor,
      InteractionCreate.parse({ accountIds: [account], type: 'email', direction: 'outbound', subject: 'Angebot Pumpen', occurredAt: new Date(clock - 10 * DAY).toISOString() }),
    );
    const made = (await run()).rules.find((r) => r.rule === 'noAnswer')!.created;
    expect(made.map((f) => [f.assigneeId, f.reason.en])).toEqual([[owner.actor.userId, expect.stringMatching(/^outbound email of .* without an answer for 10 days/)]]);
    expect(await deliver()).toMatchObject({ sent: 1 });
    const [sent] = sentTo(owner.mailbox);
    const context = encodeURIComponent(JSON.stringify({ subEntityId: `account:${account}` }));
    expect(sent!.body).toEqual({
      topic: { source: 'text', value: 'Stille AG', webUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/${MY_CRM_TAB}?context=${context}` },
      activityType: 'ruleFollowUp',
      previewText: { content: `${made[0]!.reason.de} / ${made[0]!.reason.en}`.slice(0, 150) },
      templateParameters: [{ name: 'rule', value: 'Nachfassen / Follow up' }],
    });
    expect(ACTIVITY_TYPES.map((t) => t.type)).toContain('ruleFollowUp');
  });
});
