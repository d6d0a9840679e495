// Customer lifetime value: CLV = sum over t = 1..N of (revenue_t - cost_t) * retention^t / (1 + d)^t, projecting the
// account's average yearly revenue and cost of its recent years forward.
import type { ClvResult, InsightsSettings } from '@crm/common';

/** One past twelve-month window of an account, in cents. */
export interface RevenueYear {
  revenueCents: number;
  /** Imported cost, where the import gave one. */
  costCents: number;
  /** Revenue without a known cost (won opportunities, imports without cost); the default margin applies to it. */
  uncostedCents: number;
}

const cents = (value: number) => Math.round(value * 100) / 100;

export const CLV_FORMULA = 'CLV = sum over t = 1..N of (revenue_t - cost_t) * retention^t / (1 + d)^t';

/**
 * `history` holds the most recent year first. The averages divide by the years since the account's first revenue
 * among them, so a customer won last year is not diluted by the years before it existed. Retention is 1 - risk / 100.
 */
export function lifetimeValue(history: readonly RevenueYear[], riskScore: number, settings: InsightsSettings['clv']): ClvResult {
  const yearsWithHistory = history.reduce((last, year, index) => (year.revenueCents > 0 ? index + 1 : last), 0);
  const considered = history.slice(0, yearsWithHistory);
  const historyRevenue = considered.reduce((s, y) => s + y.revenueCents, 0) / 100;
  const importedCost = considered.reduce((s, y) => s + y.costCents, 0) / 100;
  const uncosted = considered.reduce((s, y) => s + y.uncostedCents, 0) / 100;
  const historyCost = importedCost + uncosted * (1 - settings.defaultMarginPercent / 100);
  const yearlyRevenue = yearsWithHistory > 0 ? historyRevenue / yearsWithHistory : 0;
  const yearlyCost = yearsWithHistory > 0 ? historyCost / yearsWithHistory : 0;
  const retention = 1 - riskScore / 100;
  const terms = Array.from({ length: settings.horizonYears }, (_, i) => {
    const year = i + 1;
    const survival = retention ** year;
    const discountFactor = 1 / (1 + settings.discountRatePercent / 100) ** year;
    return {
      year,
      revenue: cents(yearlyRevenue),
      cost: cents(yearlyCost),
      survival: Math.round(survival * 10_000) / 10_000,
      discountFactor: Math.round(discountFactor * 10_000) / 10_000,
      presentValue: cents((yearlyRevenue - yearlyCost) * survival * discountFactor),
    };
  });
  return {
    // The sum of the terms as shown, so the figure adds up on screen.
    value: cents(terms.reduce((s, t) => s + t.presentValue, 0)),
    formula: CLV_FORMULA,
    inputs: {
      historyYears: history.length,
      yearsWithHistory,
      historyRevenue: cents(historyRevenue),
      historyCost: cents(historyCost),
      importedCost: cents(importedCost),
      defaultMarginPercent: settings.defaultMarginPercent,
      yearlyRevenue: cents(yearlyRevenue),
      yearlyCost: cents(yearlyCost),
      horizonYears: settings.horizonYears,
      discountRatePercent: settings.discountRatePercent,
      retention,
    },
    terms,
  };
}
