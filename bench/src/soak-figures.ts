// The soak's arithmetic, apart from its I/O: the request mix, the memory figures and what counts as a failed soak.

export const SOAK_KINDS = ['context', 'log', 'timeline', 'contact', 'search'] as const;
export type SoakKind = (typeof SOAK_KINDS)[number];

/** Requests per kind out of 20, as the add-in and the tabs send them: mostly lookups, a quarter writes. */
export const SOAK_MIX: Readonly<Record<SoakKind, number>> = { context: 8, log: 5, timeline: 3, contact: 2, search: 2 };

/** The kind of a client's i-th request: the mix repeated in a fixed order, so every run sends the same sequence. */
export function kindAt(i: number, mix: Readonly<Record<SoakKind, number>> = SOAK_MIX): SoakKind {
  const total = SOAK_KINDS.reduce((sum, kind) => sum + mix[kind], 0);
  let slot = i % total;
  for (const kind of SOAK_KINDS) {
    if (slot < mix[kind]) return kind;
    slot -= mix[kind];
  }
  throw new Error('the mix has no requests');
}

export interface RssSample {
  /** Since the load started. */
  atMs: number;
  bytes: number;
}

export interface RssFigures {
  /** Before the first request. */
  start: number;
  /** Median over the window right after the warm-up. */
  afterWarmup: number;
  /** Median over the last window of the run. */
  end: number;
  peak: number;
  /** end - afterWarmup: what the host kept once its caches, pools and JIT had settled. */
  growth: number;
}

const median = (values: readonly number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Medians over windows rather than single samples: one sample lands anywhere between two garbage collections, so
 * a single end sample would show the collector's rhythm, not a leak.
 */
export function rssFigures(start: number, samples: readonly RssSample[], timing: { warmupMs: number; windowMs: number; durationMs: number }): RssFigures {
  const within = (from: number, to: number) => samples.filter((s) => s.atMs >= from && s.atMs <= to).map((s) => s.bytes);
  const afterWarmup = median(within(timing.warmupMs, timing.warmupMs + timing.windowMs));
  const end = median(within(timing.durationMs - timing.windowMs, timing.durationMs));
  return { start, afterWarmup, end, peak: Math.max(start, ...samples.map((s) => s.bytes)), growth: end - afterWarmup };
}

/** Why the soak failed, empty when it passed: any 5xx, any request without an answer, memory growth above the bound. */
export function soakFailures(statuses: Readonly<Record<string, number>>, growthBytes: number, boundBytes: number): string[] {
  const failures: string[] = [];
  const serverErrors = Object.entries(statuses)
    .filter(([status]) => /^5\d\d$/.test(status))
    .reduce((sum, [, n]) => sum + n, 0);
  if (serverErrors > 0) failures.push(`${serverErrors} answers with a 5xx status`);
  const unanswered = statuses['no answer'] ?? 0;
  if (unanswered > 0) failures.push(`${unanswered} requests without an answer`);
  if (!Number.isFinite(growthBytes)) failures.push('too few memory samples to measure growth (run longer)');
  else if (growthBytes > boundBytes) failures.push(`memory grew by ${mib(growthBytes)}, more than the bound of ${mib(boundBytes)}`);
  return failures;
}

export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
