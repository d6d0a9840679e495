// Lifetime value against a hand-computed example and its edge cases.
import { describe, expect, it } from 'vitest';
import { lifetimeValue } from './clv';

const settings = { horizonYears: 3, discountRatePercent: 10, defaultMarginPercent: 30, historyYears: 3 };

describe('customer lifetime value', () => {
  it('projects the average yearly margin of the years with history, discounted and weighted by retention', () => {
    // Last year 10,000 revenue with 6,000 imported cost; the year before 8,000 without cost (30 % default margin: 5,600
    // cost); nothing three years ago, so the averages divide by 2: revenue 9,000, cost 5,800, margin 3,200 a year.
    // Risk 20 -> retention 0.8. Terms 3200 * 0.8^t / 1.1^t: 2327.27, 1692.56, 1230.95.
    const clv = lifetimeValue(
      [
        { revenueCents: 1_000_000, costCents: 600_000, uncostedCents: 0 },
        { revenueCents: 800_000, costCents: 0, uncostedCents: 800_000 },
        { revenueCents: 0, costCents: 0, uncostedCents: 0 },
      ],
      20,
      settings,
    );
    expect(clv.inputs).toEqual({
      historyYears: 3,
      yearsWithHistory: 2,
      historyRevenue: 18_000,
      historyCost: 11_600,
      importedCost: 6_000,
      defaultMarginPercent: 30,
      yearlyRevenue: 9_000,
      yearlyCost: 5_800,
      horizonYears: 3,
      discountRatePercent: 10,
      retention: 0.8,
    });
    expect(clv.terms).toEqual([
      { year: 1, revenue: 9_000, cost: 5_800, survival: 0.8, discountFactor: 0.9091, presentValue: 2327.27 },
      { year: 2, revenue: 9_000, cost: 5_800, survival: 0.64, discountFactor: 0.8264, presentValue: 1692.56 },
      { year: 3, revenue: 9_000, cost: 5_800, survival: 0.512, discountFactor: 0.7513, presentValue: 1230.95 },
    ]);
    expect(clv.value).toBe(5250.78);
  });

  it('is zero without revenue, and zero for a customer certain to leave', () => {
    const none = lifetimeValue([{ revenueCents: 0, costCents: 0, uncostedCents: 0 }], 0, settings);
    expect(none.value).toBe(0);
    expect(none.inputs.yearsWithHistory).toBe(0);
    expect(lifetimeValue([{ revenueCents: 100_000, costCents: 0, uncostedCents: 100_000 }], 100, settings).value).toBe(0);
  });

  it('averages over the years since the first revenue, counting a year without revenue in between', () => {
    const clv = lifetimeValue(
      [
        { revenueCents: 0, costCents: 0, uncostedCents: 0 },
        { revenueCents: 200_000, costCents: 0, uncostedCents: 200_000 },
      ],
      0,
      { ...settings, horizonYears: 1, discountRatePercent: 0 },
    );
    // 2,000 over two years = 1,000 a year, 700 cost at 30 % margin: 300.
    expect(clv.inputs).toMatchObject({ yearsWithHistory: 2, yearlyRevenue: 1_000, yearlyCost: 700 });
    expect(clv.value).toBe(300);
  });
});
