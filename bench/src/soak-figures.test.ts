// The soak's pass/fail arithmetic: the mix it sends, the memory windows it compares and what fails a run.
import { describe, expect, it } from 'vitest';
import { kindAt, rssFigures, soakFailures, SOAK_MIX } from './soak-figures';

const MiB = 1024 * 1024;

describe('kindAt', () => {
  it('sends each kind as often as the mix says, in every block of 20', () => {
    const kinds = Array.from({ length: 40 }, (_, i) => kindAt(i));
    for (const [kind, n] of Object.entries(SOAK_MIX)) expect(kinds.filter((k) => k === kind)).toHaveLength(2 * n);
    expect(kinds.slice(20)).toEqual(kinds.slice(0, 20));
  });
});

describe('rssFigures', () => {
  it('compares the median of the window after warm-up with the median of the last window, not single samples', () => {
    // A sawtooth as garbage collection draws it: the peaks are not growth.
    const samples = Array.from({ length: 60 }, (_, i) => ({ atMs: (i + 1) * 10_000, bytes: (100 + (i % 3 === 2 ? 40 : 0)) * MiB }));
    const figures = rssFigures(90 * MiB, samples, { warmupMs: 60_000, windowMs: 60_000, durationMs: 600_000 });
    expect(figures).toEqual({ start: 90 * MiB, afterWarmup: 100 * MiB, end: 100 * MiB, peak: 140 * MiB, growth: 0 });
  });

  it('shows steady growth', () => {
    const samples = Array.from({ length: 60 }, (_, i) => ({ atMs: (i + 1) * 10_000, bytes: (100 + i) * MiB }));
    const figures = rssFigures(90 * MiB, samples, { warmupMs: 60_000, windowMs: 60_000, durationMs: 600_000 });
    expect(figures.growth).toBe(48 * MiB);
  });
});

describe('soakFailures', () => {
  it('passes a run with only 2xx and 4xx answers and growth within the bound', () => {
    expect(soakFailures({ '200': 900, '201': 100, '409': 3 }, 10 * MiB, 32 * MiB)).toEqual([]);
  });

  it('fails on any 5xx, any unanswered request and growth above the bound', () => {
    expect(soakFailures({ '200': 900, '500': 1, '503': 2, 'no answer': 1 }, 40 * MiB, 32 * MiB)).toEqual([
      '3 answers with a 5xx status',
      '1 requests without an answer',
      'memory grew by 40.0 MiB, more than the bound of 32.0 MiB',
    ]);
  });

  it('fails when the run was too short to measure growth', () => {
    expect(soakFailures({ '200': 10 }, NaN, 32 * MiB)).toEqual(['too few memory samples to measure growth (run longer)']);
  });
});
