// Percentiles use the nearest-rank method, so p50 of an even count is the lower middle sample.
import { describe, expect, it } from 'vitest';
import { summarize } from './stats';

describe('summarize', () => {
  it('computes nearest-rank percentiles and throughput', () => {
    const samples = Array.from({ length: 100 }, (_, i) => i + 1);
    const summary = summarize([...samples].reverse(), 2000);
    expect(summary).toMatchObject({ count: 100, p50: 50, p95: 95, p99: 99, mean: 50.5, rps: 50 });
  });
});
