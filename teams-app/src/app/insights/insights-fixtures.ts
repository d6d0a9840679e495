// Answers of the insights endpoints for the tab's component tests: a small team whose figures can be checked by hand.
import type { AccountInsights, Goal, InsightSnapshot, RiskFactor, TeamInsights } from '@crm/common';
import { stamp, testUuid } from '@crm/common/web/testing';

export const AT_RISK_ID = testUuid('a7');
export const GOAL_ID = testUuid('g1');

const inactivity: RiskFactor = {
  factor: 'inactivity',
  contribution: 35,
  weight: 35,
  inputs: { daysSinceContact: 97, medianGapDays: 30, usualGapDays: 30 },
  reason: 'no contact for 97 days, usually every 30',
};
const revenueTrend: RiskFactor = {
  factor: 'revenueTrend',
  contribution: 12.5,
  weight: 25,
  inputs: { revenue: 7500, previousRevenue: 10000, changePercent: -25 },
  reason: 'revenue -25% against the previous period',
};
const zero = (factor: RiskFactor['factor'], weight: number, inputs: RiskFactor['inputs'], reason: string): RiskFactor => ({ factor, contribution: 0, weight, inputs, reason });
const factors: RiskFactor[] = [
  inactivity,
  revenueTrend,
  zero('complaints', 20, { open: 0, oldestAgeDays: null }, 'no open complaint'),
  zero('consents', 10, { withdrawingContacts: 0 }, 'no consent withdrawn and no objection in the period'),
  zero('buyingCenter', 10, { activeContacts: 2, previousActiveContacts: 2 }, '2 contact(s) took part in interactions in the period, 2 in the previous one'),
];

export function team(fields: Partial<TeamInsights> = {}): TeamInsights {
  return {
    currency: 'EUR',
    range: { period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' },
    revenueSource: 'both',
    pipeline: [
      { stage: 'qualification', count: 2, amount: 10000, weightedAmount: 1000 },
      { stage: 'proposal', count: 1, amount: 2469.12, weightedAmount: 234.56 },
    ],
    forecast: {
      thisQuarter: { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', count: 1, amount: 2469.12, weightedAmount: 234.56 },
      nextQuarter: { quarter: '2027-Q1', from: '2027-01-01', to: '2027-03-31', count: 0, amount: 0, weightedAmount: 0 },
    },
    winRate: { won: 3, lost: 2, rate: 0.6, lostByStage: [{ stage: 'proposal', count: 2 }] },
    customers: { active: 9, new: 1, previous: 10, churned: 2, churnRate: 0.2 },
    complaints: { count: 4, open: 1, resolved: 3, medianResolutionHours: 26.5, p90ResolutionHours: 70 },
    abc: [
      { class: 'A', accounts: 1, revenue: 50000 },
      { class: 'B', accounts: 2, revenue: 30000.5 },
      { class: 'C', accounts: 6, revenue: 12000 },
    ],
    segments: [
      { segment: 'champions', accounts: 2 },
      { segment: 'loyal', accounts: 3 },
      { segment: 'potential', accounts: 1 },
      { segment: 'at_risk', accounts: 1 },
      { segment: null, accounts: 5 },
    ],
    atRisk: [{ accountId: AT_RISK_ID, name: 'Schlafmüller KG', score: 48, segment: 'at_risk', reasons: [inactivity, revenueTrend] }],
    ...fields,
  };
}

export function goal(fields: Partial<Goal> = {}): Goal {
  return {
    ...stamp,
    id: GOAL_ID,
    title: 'Halve the churn',
    description: null,
    metric: 'churnRate',
    startValue: 0.1,
    targetValue: 0.05,
    startDate: '2026-06-01',
    deadline: '2026-11-30',
    createdBy: null,
    progress: { period: 'last-12-months', currentValue: 0.2, share: -2, timeShare: 1, onTrack: false },
    ...fields,
  };
}

export function snapshot(month: string, churnRate: number | null, active: number): InsightSnapshot {
  const figures = team();
  return { month, takenAt: `${month}-28T03:15:00.000Z`, figures: { ...figures, customers: { ...figures.customers, churnRate, active } } };
}

export function accountInsights(fields: Partial<AccountInsights> = {}): AccountInsights {
  return {
    accountId: AT_RISK_ID,
    name: 'Schlafmüller KG',
    rating: 'B',
    currency: 'EUR',
    range: team().range,
    revenueSource: 'both',
    abc: { class: 'B', revenue: 7500, rank: 3, customers: 9, aUpToRank: 1, bUpToRank: 3 },
    clv: {
      value: 1872.36,
      formula: 'CLV = sum over t = 1..N of (revenue_t - cost_t) * retention^t / (1 + d)^t',
      inputs: {
        historyYears: 3,
        yearsWithHistory: 2,
        historyRevenue: 17500,
        historyCost: 12250,
        importedCost: 0,
        defaultMarginPercent: 30,
        yearlyRevenue: 8750,
        yearlyCost: 6125,
        horizonYears: 2,
        discountRatePercent: 8,
        retention: 0.52,
      },
      terms: [
        { year: 1, revenue: 8750, cost: 6125, survival: 0.52, discountFactor: 0.9259, presentValue: 1263.85 },
        { year: 2, revenue: 8750, cost: 6125, survival: 0.2704, discountFactor: 0.8573, presentValue: 608.51 },
      ],
    },
    churnRisk: { score: 48, factors, sleeping: true, sleepingAfterDays: 60 },
    segment: { segment: 'at_risk', rule: 'churn risk 48 is at least 40' },
    ...fields,
  };
}
