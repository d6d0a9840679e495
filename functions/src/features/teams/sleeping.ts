// When a customer is sleeping: no interaction for longer than the tenant's threshold (settings.sleepingAfterDays).
const DAY = 86_400_000;

/** Whole days from the instant `since` to `now`, rounded down. */
export const daysSince = (since: string, now: Date): number => Math.floor((now.getTime() - Date.parse(since)) / DAY);

/**
 * Sleeping means the last contact lies more than `sleepingAfterDays` before now. An account that never
 * had an interaction sleeps once it is older than the threshold, not from the day it was created.
 */
export function isSleeping(account: { lastContactAt: string | null; createdAt: string }, now: Date, sleepingAfterDays: number): boolean {
  return Date.parse(account.lastContactAt ?? account.createdAt) < now.getTime() - sleepingAfterDays * DAY;
}
