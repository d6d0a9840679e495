// A goal's history from the monthly snapshots, checked against values worked out by hand: which months belong to it,
// where the straight line of the plan stood at each month's end, and whether the figure was on track then.
import type { InsightSnapshot, TeamInsights } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { historyMonths, historyOf, monthEnd } from './goal-progress';

// Only the figure the goal reads matters; the rest of the team figures is never looked at by historyOf.
const snapshot = (month: string, churnRate: number | null): InsightSnapshot => ({
  month,
  takenAt: `${month}-28T03:15:00.000Z`,
  figures: { customers: { churnRate } } as unknown as TeamInsights,
});

// The documents' example: the churn rate from 10 % to 5 % in six months, 1 Sep 2026 to the end of 28 Feb 2027 (181 days).
const churnGoal = { metric: 'churnRate', startValue: 0.1, targetValue: 0.05, startDate: '2026-09-01', deadline: '2027-02-28' } as const;

describe('goal history', () => {
  it('covers the months ending on or after the start, up to the month of the deadline', () => {
    // Starting on the 1st, the month before ends at the start itself: its snapshot is the start.
    expect(historyMonths(churnGoal)).toEqual({ from: '2026-08', to: '2027-02' });
    expect(historyMonths({ startDate: '2026-09-15', deadline: '2027-02-28' })).toEqual({ from: '2026-09', to: '2027-02' });
    expect(historyMonths({ startDate: '2027-01-01', deadline: '2027-03-05' })).toEqual({ from: '2026-12', to: '2027-03' });
    expect(new Date(monthEnd('2026-12')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('puts each month beside the plan and says whether it was on track', () => {
    const history = historyOf(churnGoal, [
      snapshot('2026-07', 0.3),
      snapshot('2026-08', 0.1),
      snapshot('2026-09', 0.09),
      snapshot('2026-10', 0.088),
      snapshot('2026-11', null),
      snapshot('2027-03', 0.01),
    ]);
    expect(history).toEqual([
      // 1 Sep: no time passed, the plan is the start value, and the figure is on it.
      { month: '2026-08', value: 0.1, planned: 0.1, onTrack: true },
      // 1 Oct: 30 of 181 days = 0.1657; plan 0.1 - 0.05 * 30/181 = 0.0917; 0.09 is 0.2 of the way, ahead.
      { month: '2026-09', value: 0.09, planned: 0.0917, onTrack: true },
      // 1 Nov: 61 of 181 days = 0.3370; plan 0.0831; 0.088 is only 0.24 of the way.
      { month: '2026-10', value: 0.088, planned: 0.0831, onTrack: false },
      // 1 Dec: 91 of 181 days; plan 0.0749; no churn rate that month (no customers the year before), so no verdict.
      { month: '2026-11', value: null, planned: 0.0749, onTrack: null },
    ]);
  });

  it('reads a rising target the same way: on track when at or above the line', () => {
    const winGoal = { metric: 'winRate', startValue: 0.2, targetValue: 0.4, startDate: '2026-01-01', deadline: '2026-12-31' } as const;
    const win = (month: string, rate: number): InsightSnapshot => ({ month, takenAt: `${month}-28T03:15:00.000Z`, figures: { winRate: { rate } } as unknown as TeamInsights });
    // 1 Jul 2026: 181 of 365 days; plan 0.2 + 0.2 * 181/365 = 0.2992. 0.3 is 0.5 of the way against 0.4959 of the time.
    expect(historyOf(winGoal, [win('2026-06', 0.3), win('2026-12', 0.39)])).toEqual([
      { month: '2026-06', value: 0.3, planned: 0.2992, onTrack: true },
      // 1 Jan 2027 is the end of the deadline: the whole time has passed, the plan is the target, and 0.39 falls short.
      { month: '2026-12', value: 0.39, planned: 0.4, onTrack: false },
    ]);
  });
});
