// The windows a period names, in whole UTC months (the Insights tab's periods, used by insights and lead figures).
import { describe, expect, it } from 'vitest';
import { historyWindows, monthStart, periodWindow, rangeOf } from './period';

const now = new Date('2026-12-01T08:00:00Z');
const named = (period: string) => {
  const w = periodWindow(period, now);
  return [monthStart(w.from), monthStart(w.to)];
};

describe('insight periods', () => {
  it('reads the last twelve full months, a year, a quarter and a month', () => {
    expect(named('last-12-months')).toEqual(['2025-12-01', '2026-12-01']);
    expect(named('2025')).toEqual(['2025-01-01', '2026-01-01']);
    expect(named('2026-Q4')).toEqual(['2026-10-01', '2027-01-01']);
    expect(named('2026-02')).toEqual(['2026-02-01', '2026-03-01']);
  });

  it('compares with the period of the same length right before', () => {
    expect(rangeOf('2026-Q1', periodWindow('2026-Q1', now))).toEqual({ period: '2026-Q1', from: '2026-01-01', to: '2026-04-01', previousFrom: '2025-10-01' });
  });

  it('looks back in twelve-month windows ending before the current month, the most recent first', () => {
    expect(historyWindows(now, 2).map((w) => [monthStart(w.from), monthStart(w.to)])).toEqual([
      ['2025-12-01', '2026-12-01'],
      ['2024-12-01', '2025-12-01'],
    ]);
  });
});
