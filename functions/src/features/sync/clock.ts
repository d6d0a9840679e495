// Time as sync and its drivers see it, injected so that tests of retries, Retry-After and back-off never wait in real time.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Resolves after `ms` milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

export const systemClock: Clock = { now: () => Date.now() };

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
