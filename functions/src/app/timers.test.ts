import { describe, expect, it } from 'vitest';
import { buildTimers, ncrontabEvery } from './timers';

describe('timer table', () => {
  it('writes NCRONTAB schedules Azure Functions accepts', () => {
    expect(ncrontabEvery(30)).toBe('*/30 * * * * *');
    expect(ncrontabEvery(60)).toBe('0 */1 * * * *');
    expect(ncrontabEvery(900)).toBe('0 */15 * * * *');
    expect(ncrontabEvery(3600)).toBe('0 0 */1 * * *');
  });

  it('runs the sync and the subscription upkeep on their own schedules', () => {
    expect(buildTimers({ syncTickSeconds: 60, subscriptionTickSeconds: 3600 }).map((t) => [t.name, t.everySeconds])).toEqual([
      ['graphSync', 60],
      ['graphSubscriptions', 3600],
    ]);
  });
});
