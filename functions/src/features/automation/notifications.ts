// Teams activity feed notifications of rule follow-ups: queued with the follow-up, sent by a timer through the Graph
// driver, at most about five per second per tenant, a few tries spread over an hour for what may pass (429, 5xx,
// network) and none for what will not (no permission, app not installed, user unknown), every outcome kept for the
// status. A user who switched them off gets none.
import { accountSubEntityId, teamsTabDeepLink, type MyNotificationSwitches, type NotificationStatus } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { redactedError } from '../../core/redacted-error';
import { SyncProviderError, type ActivityNotificationBody, type GraphActivityFeed } from '../sync';
import { CASE_ESCALATED_ACTIVITY } from './escalation';
import { HANDOVER_ACTIVITY } from './handover';
import { RULE_LABELS } from './rules';
import { claimDue, latestFailures, notificationCounts, queueOverdueFollowUps, readSwitch, settle, writeSwitch, type ClaimedNotification, type Settlement } from './notifications-store';

/** Every minute: a follow-up made by the morning run reaches the feed within a minute or two. */
export const NOTIFICATION_SCHEDULE = '0 */1 * * * *';
/** The rate Microsoft documents for activity feed notifications of one app in one tenant is about this per second. */
export const SENDS_PER_SECOND = 5;
export const MAX_ATTEMPTS = 5;
/** A notification not sent by then (Graph not configured yet, a long outage) is stale: the follow-up speaks for itself. */
const STALE_AFTER_MS = 7 * 86_400_000;
const BATCH = 50;
const LEASE_SECONDS = 300;
/** The tab a notification opens; Learn requires a Teams deep link as the custom topic's webUrl. */
const MY_CRM_TAB = 'my-crm';

export type { GraphActivityFeed as ActivityFeed };

/** A follow-up of the user's that is overdue and that no rule made (declared in the manifest like the others). */
export const OVERDUE_ACTIVITY = 'followUpOverdue';
/** A follow-up due yesterday is announced from this hour (UTC: 08:00 or 09:00 in Germany), not at midnight. */
const OVERDUE_NOTICE_HOUR_UTC = 7;

/**
 * Queues the overdue follow-ups' notifications (once per follow-up and assignee); the sender then treats them like
 * the rules' ones, so a user who switched notifications off gets none. Answers how many were queued.
 */
export function queueOverdueNotifications(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - OVERDUE_NOTICE_HOUR_UTC * 3_600_000).toISOString().slice(0, 10);
  return queueOverdueFollowUps(db, cutoff, OVERDUE_ACTIVITY);
}

/** 2026-12-01 as German readers write it: 01.12.2026. */
const germanDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

function previewOf(n: ClaimedNotification): string {
  if (n.reason) return `${n.reason.de} / ${n.reason.en}`;
  if (n.activityType === OVERDUE_ACTIVITY && n.dueDate) return `fällig seit ${germanDate(n.dueDate)} / due since ${n.dueDate}: ${n.taskTitle ?? ''}`;
  return n.taskTitle ?? '';
}

/** Custom topic with a deep link into the app's My CRM tab; subEntityId names the account (or the task) it is about. */
export function notificationBody(n: ClaimedNotification, teamsAppId: string): ActivityNotificationBody {
  const label =
    n.rule && n.rule in RULE_LABELS
      ? RULE_LABELS[n.rule as keyof typeof RULE_LABELS]
      : n.activityType === HANDOVER_ACTIVITY
        ? { de: 'Übergabe', en: 'Handover' }
        : n.activityType === OVERDUE_ACTIVITY
          ? { de: 'Überfällige Wiedervorlage', en: 'Overdue follow-up' }
          : n.activityType === CASE_ESCALATED_ACTIVITY
            ? { de: 'Eskalation', en: 'Escalation' }
            : { de: 'Wiedervorlage', en: 'Follow-up' };
  const preview = previewOf(n);
  return {
    topic: {
      source: 'text',
      value: n.subject ?? n.taskTitle ?? label.en,
      webUrl: teamsTabDeepLink({ appId: teamsAppId, entityId: MY_CRM_TAB, subEntityId: n.accountId ? accountSubEntityId(n.accountId) : `task:${n.id}` }),
    },
    activityType: n.activityType,
    // Teams shows the first 150 characters.
    previewText: { content: preview.slice(0, 150) },
    templateParameters: [{ name: 'rule', value: `${label.de} / ${label.en}` }],
  };
}

const backoffSeconds = (attempts: number) => Math.min(3600, 60 * 2 ** attempts);

function outcomeOf(error: unknown, attempts: number): Settlement {
  const failure = error instanceof SyncProviderError ? error.failure : { kind: 'temporary' as const, status: null, message: JSON.stringify(redactedError(error)) };
  const status = failure.status === null ? '' : `${failure.status} `;
  if (failure.kind === 'permission')
    return { status: 'failed', error: `${status}refused: the app needs the application permission TeamsActivity.Send and must be installed for the user (${failure.message})` };
  if (failure.kind === 'not_found') return { status: 'failed', error: `${status}the user or the app's installation for them was not found (${failure.message})` };
  if (failure.kind !== 'temporary') return { status: 'failed', error: `${status}${failure.message}` };
  if (attempts + 1 >= MAX_ATTEMPTS) return { status: 'failed', error: `${status}gave up after ${MAX_ATTEMPTS} attempts (${failure.message})` };
  const retryAfter = 'retryAfterSeconds' in failure && typeof failure.retryAfterSeconds === 'number' ? failure.retryAfterSeconds : 0;
  return { status: 'retry', error: `${status}${failure.message}`, afterSeconds: Math.max(retryAfter, backoffSeconds(attempts)) };
}

export interface DeliveryOptions {
  deadline: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Sends what is due until the deadline; answers how each claimed notification ended. */
export async function deliverNotifications(db: Db, feed: GraphActivityFeed | null | undefined, options: DeliveryOptions): Promise<Record<string, number>> {
  const tally: Record<string, number> = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  if (!feed) return tally;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const recent = new Map<string, number[]>();
  while (now() < options.deadline) {
    const batch = await claimDue(db, BATCH, LEASE_SECONDS);
    if (batch.length === 0) break;
    for (const n of batch) {
      let outcome: Settlement;
      if (n.activityFeed === false) outcome = { status: 'skipped', error: 'the user turned activity feed notifications off' };
      else if (n.taskStatus !== 'open') outcome = { status: 'skipped', error: 'the follow-up is no longer open' };
      else if (now() - new Date(n.createdAt).getTime() > STALE_AFTER_MS) outcome = { status: 'skipped', error: 'not sent within 7 days' };
      else {
        const sent = recent.get(n.tenantId) ?? [];
        if (sent.length >= SENDS_PER_SECOND) {
          const wait = sent[0]! + 1000 - now();
          if (wait > 0) await sleep(wait);
          sent.shift();
        }
        sent.push(now());
        recent.set(n.tenantId, sent);
        try {
          await feed.send(n.tenantId, n.userObjectId, notificationBody(n, feed.teamsAppId));
          outcome = { status: 'sent' };
        } catch (error) {
          outcome = outcomeOf(error, n.attempts);
        }
      }
      await settle(db, n.tenantId, n.id, outcome);
      tally[outcome.status] = (tally[outcome.status] ?? 0) + 1;
    }
  }
  return tally;
}

export const myNotifications = async (db: Db, actor: Actor): Promise<MyNotificationSwitches> => ({ activityFeed: await readSwitch(db, actor.tenantId, actor.userId) });

export async function setMyNotifications(db: Db, actor: Actor, input: MyNotificationSwitches): Promise<MyNotificationSwitches> {
  await writeSwitch(db, actor.tenantId, actor.userId, input.activityFeed);
  return myNotifications(db, actor);
}

export async function notificationStatus(db: Db, actor: Actor, sending: boolean): Promise<NotificationStatus> {
  const counts = await notificationCounts(db, actor.tenantId);
  return {
    sending,
    counts: { pending: counts.get('pending') ?? 0, sent: counts.get('sent') ?? 0, failed: counts.get('failed') ?? 0, skipped: counts.get('skipped') ?? 0 },
    failures: await latestFailures(db, actor.tenantId, 20),
  };
}
