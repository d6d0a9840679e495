// The timer table both hosts run: the sync of due mailboxes and the upkeep of Graph subscriptions.
import type { Services } from './services';

export interface Timer {
  name: string;
  everySeconds: number;
  run(services: Services): Promise<unknown>;
}

export function buildTimers(schedule: { syncTickSeconds: number; subscriptionTickSeconds: number }): Timer[] {
  return [
    { name: 'graphSync', everySeconds: schedule.syncTickSeconds, run: async (services) => services.sync?.runDue() },
    { name: 'graphSubscriptions', everySeconds: schedule.subscriptionTickSeconds, run: async (services) => services.sync?.maintainSubscriptions() },
  ];
}

/** NCRONTAB (with seconds) for Azure Functions timer triggers. */
export function ncrontabEvery(seconds: number): string {
  if (seconds < 60) return `*/${seconds} * * * * *`;
  if (seconds < 3600) return `0 */${Math.max(1, Math.round(seconds / 60))} * * * *`;
  return `0 0 */${Math.max(1, Math.round(seconds / 3600))} * * *`;
}

/** The local host's scheduler: one run at a time per timer, so a slow sync never piles up behind itself. */
export function startTimers(timers: readonly Timer[], services: Services, log: (message: string) => void): () => Promise<void> {
  const running = new Map<string, Promise<unknown>>();
  const fire = (timer: Timer) => {
    if (running.has(timer.name)) return;
    const work = timer
      .run(services)
      .catch((error: unknown) => log(`timer ${timer.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => running.delete(timer.name));
    running.set(timer.name, work);
  };
  const handles = timers.map((timer) => setInterval(() => fire(timer), timer.everySeconds * 1000));
  // Catch up right after a start instead of waiting a whole period (the hourly subscription upkeep above all).
  const first = setTimeout(() => timers.forEach(fire), 2000);
  return async () => {
    clearTimeout(first);
    for (const handle of handles) clearInterval(handle);
    await Promise.allSettled([...running.values()]);
    await services.sync?.idle();
  };
}
