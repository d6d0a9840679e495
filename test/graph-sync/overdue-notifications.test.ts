// Teams activity feed notifications of overdue follow-ups that no rule made, end to end against the fake Graph on PGlite
// and PostgreSQL: once per follow-up and assignee, from the morning after the due day, only for the week before (no
// flood after an upgrade), never for a rule's follow-up (notified when made), a closed one or one about a restricted
// person, and none to a user who switched them off; a follow-up handed over earlier still gets its overdue notice.
import { randomUUID } from 'node:crypto';
import { TaskCreate } from '@crm/common';
import { beforeAll, expect, it } from 'vitest';
import { ACTIVITY_TYPES, MY_CRM_TAB } from '../../manifest/src/app-manifest';
import type { Actor } from '../../functions/src/core/actor';
import { createTask } from '../../functions/src/features/tasks';
import { createGraphActivityFeed } from '../../functions/src/features/sync';
import { deliverNotifications, OVERDUE_ACTIVITY, queueOverdueNotifications, setMyNotifications } from '../../functions/src/features/automation/notifications';
import { describeEachDatabase } from '../support/databases';
import { createSyncWorld, graphConfigFor, useFakeGraph, type SyncWorld } from '../support/sync-harness';

const graph = useFakeGraph();
const APP_ID = '5b1e4f3a-8c2d-4e6f-9a0b-7c3d2e1f0a9b';
const DAY = 86_400_000;
const HOUR = 3_600_000;

describeEachDatabase('overdue follow-up notifications', (getDb) => {
  let world: SyncWorld;
  let seller: { actor: Actor; mailbox: string };
  let quiet: { actor: Actor; mailbox: string };
  let customer: { accountId: string; contactIds: string[] };
  const feed = () => createGraphActivityFeed(graphConfigFor(graph()), APP_ID);
  const deliver = () => deliverNotifications(getDb(), feed(), { deadline: Number.POSITIVE_INFINITY, sleep: async () => undefined });
  const sentTo = (mailbox: string) => graph().model.activityNotifications.filter((n) => n.userId === mailbox);
  /** A day counted from the clock; NOW is 10:00 UTC, so yesterday's follow-ups are due for their notice. */
  const NOW = new Date(Math.floor(Date.now() / DAY) * DAY + 10 * HOUR);
  const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);
  const followUp = async (assignee: Actor, title: string, dueDate: string, fields: Partial<TaskCreate> = {}) =>
    (await createTask(getDb(), assignee, TaskCreate.parse({ title, dueDate, assigneeId: assignee.userId, accountId: customer.accountId, ...fields }))).value.id;
  const queued = async () =>
    getDb().query<{ task_id: string; user_id: string; status: string }>(
      `SELECT task_id, user_id, status FROM activity_notifications WHERE tenant_id = $1 AND activity_type = $2 ORDER BY task_id`,
      [world.tenantId, OVERDUE_ACTIVITY],
    );

  beforeAll(async () => {
    world = await createSyncWorld(getDb(), graph());
    seller = await world.employee('Sina Säumig', []);
    quiet = await world.employee('Quentin Still', []);
    await setMyNotifications(getDb(), quiet.actor, { activityFeed: false });
    customer = await world.customer('Überfällig GmbH', `ueberfaellig-${randomUUID().slice(0, 6)}.example`, ['rita.riegel']);
  });

  it('notifies each overdue follow-up no rule made once, with its due day, and none to who switched them off', async () => {
    const overdue = await followUp(seller.actor, 'Angebot nachfassen', day(-1));
    await followUp(seller.actor, 'Heute fällig', day(0));
    await followUp(seller.actor, 'Seit Wochen fällig', day(-9));
    const done = await followUp(seller.actor, 'Erledigt', day(-2));
    await getDb().query(`UPDATE tasks SET status = 'done', completed_at = now() WHERE tenant_id = $1 AND id = $2`, [world.tenantId, done]);
    const ofRule = await followUp(seller.actor, 'Von einer Regel', day(-1));
    await getDb().query(`INSERT INTO automation_follow_ups (tenant_id, rule, record_id, period, task_id, reason) VALUES ($1, 'atRisk', $2, '2026-Q4', $3, $4)`, [
      world.tenantId,
      customer.accountId,
      ofRule,
      JSON.stringify({ de: 'gefährdet', en: 'at risk' }),
    ]);
    await followUp(seller.actor, 'Frau Riegel anrufen', day(-1), { contactId: customer.contactIds[0] });
    await getDb().query(`INSERT INTO contact_restrictions (tenant_id, contact_id, reason, restricted_by) VALUES ($1, $2, 'Art. 18', $3)`, [
      world.tenantId,
      customer.contactIds[0],
      seller.actor.userId,
    ]);
    const silenced = await followUp(quiet.actor, 'Still nachfassen', day(-1));
    // Handed over earlier: the handover notice does not use up the overdue one.
    await getDb().query(`INSERT INTO activity_notifications (tenant_id, task_id, user_id, activity_type, status) VALUES ($1, $2, $3, 'handedOver', 'sent')`, [
      world.tenantId,
      overdue,
      seller.actor.userId,
    ]);

    // Before 07:00 UTC yesterday's follow-ups wait for the morning.
    await queueOverdueNotifications(getDb(), new Date(NOW.getTime() - 4 * HOUR));
    expect((await queued()).filter((r) => r.task_id === overdue)).toEqual([]);

    await queueOverdueNotifications(getDb(), NOW);
    expect((await queued()).map((r) => [r.task_id, r.user_id]).sort()).toEqual(
      [
        [overdue, seller.actor.userId],
        [silenced, quiet.actor.userId],
      ].sort(),
    );
    await deliver();
    expect(sentTo(quiet.mailbox)).toEqual([]);
    const [sent, ...more] = sentTo(seller.mailbox);
    expect(more).toEqual([]);
    const context = encodeURIComponent(JSON.stringify({ subEntityId: `account:${customer.accountId}` }));
    const [year, month, date] = day(-1).split('-');
    expect(sent!.body).toEqual({
      topic: { source: 'text', value: 'Überfällig GmbH', webUrl: `https://teams.microsoft.com/l/entity/${APP_ID}/${MY_CRM_TAB}?context=${context}` },
      activityType: 'followUpOverdue',
      previewText: { content: `fällig seit ${date}.${month}.${year} / due since ${day(-1)}: Angebot nachfassen` },
      templateParameters: [{ name: 'rule', value: 'Überfällige Wiedervorlage / Overdue follow-up' }],
    });
    expect(ACTIVITY_TYPES.map((t) => t.type)).toContain(OVERDUE_ACTIVITY);
    expect(Object.fromEntries((await queued()).map((r) => [r.task_id, r.status]))).toEqual({ [overdue]: 'sent', [silenced]: 'skipped' });

    // The next minutes' runs add nothing: once per follow-up.
    await queueOverdueNotifications(getDb(), new Date(NOW.getTime() + HOUR));
    await deliver();
    expect(sentTo(seller.mailbox)).toHaveLength(1);
    expect(await queued()).toHaveLength(2);
  });
});
