// One account's insights as the API answers them, for the figures' component tests in both front-ends and the Insights
// tab: an account at risk whose lifetime value and risk points can be checked by hand.
import type { AccountInsights, AccountKeyFigures, RiskFactor } from '../../contracts/insights';
import { testUuid } from './test-ids';

export const AT_RISK_ID = testUuid('a7');

export const inactivity: RiskFactor = {
  factor: 'inactivity',
  contribution: 35,
  weight: 35,
  inputs: { daysSinceContact: 97, medianGapDays: 30, usualGapDays: 30 },
  reason: 'no contact for 97 days, usually every 30',
};
export const revenueTrend: RiskFactor = {
  factor: 'revenueTrend',
  contribution: 12.5,
  weight: 25,
  inputs: { revenue: 7500, previousRevenue: 10000, changePercent: -25 },
  reason: 'revenue -25% against the previous period',
};
const zero = (factor: RiskFactor['factor'], weight: number, inputs: RiskFactor['inputs'], reason: string): RiskFactor => ({
  factor,
  contribution: 0,
  weight,
  inputs,
  reason,
});
const factors: RiskFactor[] = [
  inactivity,
  revenueTrend,
  zero('complaints', 20, { open: 0, oldestAgeDays: null }, 'no open complaint'),
  zero('consents', 10, { withdrawingContacts: 0 }, 'no consent withdrawn and no objection in the period'),
  zero('buyingCenter', 10, { activeContacts: 2, previousActiveContacts: 2 }, '2 contact(s) took part in interactions in the period, 2 in the previous one'),
];

export function accountInsights(fields: Partial<AccountInsights> = {}): AccountInsights {
  return {
    accountId: AT_RISK_ID,
    name: 'Schlafmüller KG',
    rating: 'B',
    currency: 'EUR',
    range: { period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' },
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
    keyFigures: accountKeyFigures(),
    ...fields,
  };
}

/** The key figures of the account at risk: a deal won and two lost, a slow answer, two lines, and gaps in its data. */
export function accountKeyFigures(fields: Partial<AccountKeyFigures> = {}): AccountKeyFigures {
  return {
    winRate: { won: 1, lost: 2, rate: 0.3333, lostByStage: [{ stage: 'proposal', count: 2 }] },
    complaints: { count: 2, open: 1, resolved: 1, medianResolutionHours: 30, p90ResolutionHours: 30 },
    responseTime: { requests: 3, answered: 2, medianHours: 26.5, p90Hours: 46.1 },
    productLines: { lines: ['Ersatzteile', 'Service'], crossBuyer: true, withoutProductLine: 1 },
    purchases: { count: 4, repeat: true },
    dataQuality: {
      accountFields: [
        { field: 'owner', filled: true },
        { field: 'industry', filled: true },
        { field: 'domain', filled: false },
        { field: 'country', filled: false },
      ],
      contacts: 2,
      contactFields: [
        { field: 'email', filled: 2 },
        { field: 'phone', filled: 1 },
        { field: 'jobTitle', filled: 1 },
        { field: 'buyingRole', filled: 0 },
      ],
      // (2 + 4) / (4 + 2 * 4).
      completeness: 0.5,
    },
    adoption: {
      logged: 13,
      perWeek: 0.25,
      bySource: [
        { source: 'addin', count: 9 },
        { source: 'teams', count: 0 },
        { source: 'graph-sync', count: 4 },
        { source: 'api', count: 0 },
        { source: 'import', count: 0 },
      ],
    },
    ...fields,
  };
}
