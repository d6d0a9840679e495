import { afterEach, describe, expect, it, vi } from 'vitest';
import { cronEvery, loadConfig } from '../core/config';
import { buildTimers, cronJob, startTimers, type Timer } from './timers';

/**
 * Azure's NCRONTAB reading of the expressions the timer table uses (fields sec min hour day month dow; a field is "*",
 * a number or "*\/n", which matches the values divisible by n): the reference croner is held to.
 */
function ncrontabRuns(expression: string, after: Date, count: number): Date[] {
  const fields = expression.split(' ');
  expect(fields).toHaveLength(6);
  const matches = (field: string, value: number) => field === '*' || (field.startsWith('*/') ? value % Number(field.slice(2)) === 0 : Number(field) === value);
  const runs: Date[] = [];
  for (let t = Math.floor(after.getTime() / 1000) + 1; runs.length < count; t++) {
    const d = new Date(t * 1000);
    const values = [d.getUTCSeconds(), d.getUTCMinutes(), d.getUTCHours(), d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCDay()];
    if (fields.every((field, i) => matches(field, values[i]!))) runs.push(d);
  }
  return runs;
}

// Just before a day ends, so the runs cross a minute, an hour and a day boundary, where cron steps restart.
const BEFORE_MIDNIGHT = new Date('2026-12-31T23:58:50Z');
const gaps = (runs: Date[]) => runs.slice(1).map((run, i) => (run.getTime() - runs[i]!.getTime()) / 1000);

describe('timer schedules', () => {
  it('writes NCRONTAB schedules Azure Functions accepts', () => {
    expect(cronEvery(30)).toBe('*/30 * * * * *');
    expect(cronEvery(60)).toBe('0 */1 * * * *');
    expect(cronEvery(900)).toBe('0 */15 * * * *');
    expect(cronEvery(3600)).toBe('0 0 */1 * * *');
    expect(cronEvery(21_600)).toBe('0 0 */6 * * *');
    expect(cronEvery(86_400)).toBe('0 0 0 * * *');
  });

  it('has no expression for intervals that do not divide a minute, an hour or a day', () => {
    for (const seconds of [45, 90, 420, 5400, 25_200]) expect(cronEvery(seconds), `${seconds} s`).toBeNull();
  });

  it('refuses such an interval at start, naming the setting and the nearest ones that work', () => {
    expect(() => loadConfig({ SYNC_TICK_SECONDS: '45' })).toThrow(/SYNC_TICK_SECONDS=45: .*nearest: 30 or 60\)/);
    expect(() => loadConfig({ SUBSCRIPTION_TICK_SECONDS: '90' })).toThrow(/SUBSCRIPTION_TICK_SECONDS=90: .*nearest: 60 or 120\)/);
    expect(() => loadConfig({ WEBHOOK_TICK_SECONDS: '7' })).toThrow(/WEBHOOK_TICK_SECONDS=7: .*nearest: 6 or 10\)/);
    expect(loadConfig({ SYNC_TICK_SECONDS: '30', SUBSCRIPTION_TICK_SECONDS: '7200', WEBHOOK_TICK_SECONDS: '2' })).toMatchObject({
      syncSchedule: '*/30 * * * * *',
      subscriptionSchedule: '0 0 */2 * * *',
      webhookSchedule: '*/2 * * * * *',
    });
  });

  it('fires every expressible interval exactly that far apart, across minute, hour and day boundaries', () => {
    for (let seconds = 5; seconds <= 86_400; seconds++) {
      const expression = cronEvery(seconds);
      if (!expression) continue;
      const runs = cronJob(expression, () => undefined).nextRuns(4, BEFORE_MIDNIGHT);
      expect(gaps(runs), expression).toEqual([seconds, seconds, seconds]);
    }
  });

  it('reads every expression as Azure NCRONTAB does, including what 45 s and 90 s used to become', () => {
    const expressions = ['*/45 * * * * *', '0 */2 * * * *', '0 */7 * * * *', '*/30 * * * * *', '0 */15 * * * *', '0 0 */6 * * *', '0 0 0 * * *'];
    for (const expression of expressions) {
      const job = cronJob(expression, () => undefined);
      expect(job.nextRuns(6, BEFORE_MIDNIGHT), expression).toEqual(ncrontabRuns(expression, BEFORE_MIDNIGHT, 6));
      job.stop();
    }
    // What the old interval-to-cron conversion gave Azure for 45 s and 90 s, while the local host ran every 45 and 90 s:
    // why such intervals are refused now.
    expect(gaps(ncrontabRuns('*/45 * * * * *', BEFORE_MIDNIGHT, 5))).toEqual([45, 15, 45, 15]);
    expect(gaps(ncrontabRuns('0 */2 * * * *', BEFORE_MIDNIGHT, 3))).toEqual([120, 120]);
  });

  it('runs the sync and the subscription upkeep on their own schedules', () => {
    const config = loadConfig({});
    expect(buildTimers(config).map((t) => [t.name, t.schedule])).toEqual([
      ['graphSync', '0 */1 * * * *'],
      ['graphSubscriptions', '0 0 */1 * * *'],
      ['insightSnapshots', '0 15 3 * * *'],
      ['insightRefresh', '0 */5 * * * *'],
      ['webhookDelivery', '*/10 * * * * *'],
      ['caseEscalation', '0 */5 * * * *'],
      ['automationRules', '0 0 6 * * *'],
      ['activityNotifications', '0 */1 * * * *'],
      ['privacyRetention', '0 30 2 * * *'],
    ]);
    const nightly = cronJob('0 30 2 * * *', () => undefined);
    expect(nightly.nextRuns(2, BEFORE_MIDNIGHT)).toEqual(ncrontabRuns('0 30 2 * * *', BEFORE_MIDNIGHT, 2));
    nightly.stop();
  });
});

describe('local timer host', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const timer = (schedule: string, run: () => Promise<unknown>): Timer<object> => ({ name: 'test', schedule, run });

  it('catches up right after start, then fires on the cron schedule, never two runs of one timer at once', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:10Z') });
    const started: string[] = [];
    let finish: () => void = () => undefined;
    const run = () => {
      started.push(new Date().toISOString());
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const stop = startTimers([timer('*/30 * * * * *', run)], {}, () => undefined);

    await vi.advanceTimersByTimeAsync(2_000);
    expect(started).toEqual(['2026-12-01T10:00:12.000Z']);
    // Still running at :30 and :00, so those ticks are skipped rather than queued.
    await vi.advanceTimersByTimeAsync(50_000);
    expect(started).toHaveLength(1);
    finish();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(started).toEqual(['2026-12-01T10:00:12.000Z', '2026-12-01T10:01:30.000Z']);

    finish();
    await stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(started).toHaveLength(2);
  });

  it('waits for a running timer on stop and logs a failed run instead of stopping', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00Z') });
    const log: string[] = [];
    let finished = false;
    // A message can quote a row's data, so the log names the failure without it.
    const failing = timer('0 */1 * * * *', () => Promise.reject(Object.assign(new Error('no contact anna@kunde.example'), { code: '23505' })));
    const slow = {
      ...timer('0 */1 * * * *', () => new Promise<void>((resolve) => setTimeout(() => resolve(void (finished = true)), 5_000))),
      name: 'slow',
    };
    const stop = startTimers([failing, slow], {}, (message) => log.push(message));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatch(/^timer test failed: \{"name":"Error","code":"23505","where":/);
    expect(log[0]).not.toContain('anna@kunde.example');

    const stopped = stop();
    await vi.advanceTimersByTimeAsync(5_000);
    await stopped;
    expect(finished).toBe(true);
  });
});
