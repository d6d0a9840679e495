// The timer table both hosts run: the sync of due mailboxes and the upkeep of Graph subscriptions.
// Each timer carries one cron expression: Azure registers it, the local host schedules it with croner.
import { Cron } from 'croner';
import type { Services } from './services';
import { redactedError } from '../core/redacted-error';
import { INSIGHT_REFRESH_SCHEDULE, INSIGHT_SNAPSHOT_SCHEDULE, prunePeopleChanges, refreshStaleAnalyses, takeMonthlySnapshots } from '../features/insights';
import { runDailyRetention } from '../features/privacy/retention';
import { deliverDue } from '../features/webhooks';
import { escalateDue } from '../features/cases';
import { AUTOMATION_SCHEDULE, deliverNotifications, NOTIFICATION_SCHEDULE, queueOverdueNotifications, runDailyAutomation } from '../features/automation';

/** A webhook tick stops claiming at this share of the tick, before the next one is due; what is left waits for it. */
const WEBHOOK_BUDGET_SHARE = 0.8;
/** Every 5 minutes: a case is escalated within that of its due time. */
export const CASE_ESCALATION_SCHEDULE = '0 */5 * * * *';

/** Below the 5 minutes Azure Functions gives a function on the Consumption plan; tenants left over follow the next day. */
const INSIGHT_SNAPSHOT_BUDGET_MS = 4 * 60_000;

/** Below the refresh interval, so ticks do not pile up; analyses left over are the oldest of the next tick. */
const INSIGHT_REFRESH_BUDGET_MS = 4 * 60_000;

/** Below the 5 minutes of the Consumption plan; tenants left over run the next day. */
const AUTOMATION_BUDGET_MS = 4 * 60_000;

/** A tick stops claiming before the next one is due. */
const NOTIFICATION_BUDGET_MS = 50_000;

/** 02:30 UTC every day. */
export const RETENTION_SCHEDULE = '0 30 2 * * *';
/** Below the 5 minutes Azure Functions gives a function on the Consumption plan by default (host.json has no functionTimeout). */
const RETENTION_BUDGET_MS = 4 * 60_000;

export interface Timer<S = Services> {
  name: string;
  /** 6-field NCRONTAB (seconds first), as core/config.ts derives it from the tick settings. */
  schedule: string;
  run(services: S): Promise<unknown>;
}

export function buildTimers(schedules: { syncSchedule: string; subscriptionSchedule: string; webhookSchedule: string; webhookTickSeconds: number }): Timer[] {
  const webhookBudgetMs = schedules.webhookTickSeconds * 1000 * WEBHOOK_BUDGET_SHARE;
  return [
    { name: 'graphSync', schedule: schedules.syncSchedule, run: async (services) => services.sync?.runDue() },
    { name: 'graphSubscriptions', schedule: schedules.subscriptionSchedule, run: async (services) => services.sync?.maintainSubscriptions() },
    // Daily, so a month's snapshot is still taken when the host was down on the first; each tenant once per month.
    {
      name: 'insightSnapshots',
      schedule: INSIGHT_SNAPSHOT_SCHEDULE,
      run: async (services) => takeMonthlySnapshots(await services.db(), new Date(), Date.now() + INSIGHT_SNAPSHOT_BUDGET_MS),
    },
    // The precomputed current analyses the insights endpoints answer from, brought up to date between reads, and the
    // record of people's changes that held segment lists are checked against kept to its last hour.
    {
      name: 'insightRefresh',
      schedule: INSIGHT_REFRESH_SCHEDULE,
      run: async (services) => {
        const db = await services.db();
        const prunedPeopleChanges = await prunePeopleChanges(db);
        return { prunedPeopleChanges, ...(await refreshStaleAnalyses(db, new Date(), Date.now() + INSIGHT_REFRESH_BUDGET_MS)) };
      },
    },
    {
      name: 'webhookDelivery',
      schedule: schedules.webhookSchedule,
      run: async (services) => deliverDue(await services.db(), { deadline: Date.now() + webhookBudgetMs }),
    },
    { name: 'caseEscalation', schedule: CASE_ESCALATION_SCHEDULE, run: async (services) => escalateDue(await services.db()) },
    {
      name: 'automationRules',
      schedule: AUTOMATION_SCHEDULE,
      run: async (services) => runDailyAutomation(await services.db(), { deadline: Date.now() + AUTOMATION_BUDGET_MS, log: (message) => console.warn(message) }),
    },
    {
      name: 'activityNotifications',
      schedule: NOTIFICATION_SCHEDULE,
      // Overdue follow-ups are queued only where notifications are sent at all: queued unsent, they would only go stale.
      run: async (services) => {
        if (!services.activityFeed) return undefined;
        const db = await services.db();
        const overdue = await queueOverdueNotifications(db);
        return { overdue, ...(await deliverNotifications(db, services.activityFeed, { deadline: Date.now() + NOTIFICATION_BUDGET_MS })) };
      },
    },
    // Nightly, when the tenants are quiet; a run left unfinished at its deadline resumes the next night.
    {
      name: 'privacyRetention',
      schedule: RETENTION_SCHEDULE,
      run: async (services) => runDailyRetention(await services.db(), { deadline: Date.now() + RETENTION_BUDGET_MS, log: (message) => console.warn(message) }),
    },
  ];
}

/** The same reading of an expression as Azure's NCRONTAB: six fields, in UTC (Azure's default WEBSITE_TIME_ZONE). */
export const cronJob = (schedule: string, fire: () => void): Cron => new Cron(schedule, { mode: '6-part', timezone: 'UTC' }, fire);

/** The local host's scheduler: one run at a time per timer, so a slow sync never piles up behind itself. */
export function startTimers<S extends Pick<Services, 'sync'>>(timers: readonly Timer<S>[], services: S, log: (message: string) => void): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const fire = (timer: Timer<S>) => {
    if (running.has(timer.name)) return;
    const work = timer
      .run(services)
      .catch((error: unknown) => log(`timer ${timer.name} failed: ${JSON.stringify(redactedError(error))}`))
      .finally(() => running.delete(timer.name));
    running.set(timer.name, work);
  };
  const jobs = timers.map((timer) => cronJob(timer.schedule, () => fire(timer)));
  // Catch up right after a start instead of waiting for the next scheduled time (the hourly subscription upkeep above all).
  const first = setTimeout(() => timers.forEach(fire), 2000);
  return async () => {
    clearTimeout(first);
    for (const job of jobs) job.stop();
    await Promise.allSettled([...running.values()]);
    await services.sync?.idle();
  };
}
