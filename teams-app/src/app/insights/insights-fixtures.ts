// Answers of the insights endpoints for the tab's component tests: a small team whose figures can be checked by hand.
import type { AutomationRulesResponse, AutomationRun, Goal, InsightSnapshot, SegmentList, SegmentMember, SegmentMembers, TeamInsights } from '@crm/common';
import { accountInsights, AT_RISK_ID, inactivity, revenueTrend, stamp, testUuid, type AnswerOf } from '@crm/common/web/testing';

export { accountInsights, AT_RISK_ID };

export const GOAL_ID = testUuid('g1');

/** Interactions logged by source, in the order the API lists every source. */
const bySource = (addin: number, teams = 0, graphSync = 0, api = 0, imported = 0) =>
  (
    [
      ['addin', addin],
      ['teams', teams],
      ['graph-sync', graphSync],
      ['api', api],
      ['import', imported],
    ] as const
  ).map(([source, count]) => ({ source, count }));

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
    responseTime: { requests: 12, answered: 10, medianHours: 5.5, p90Hours: 30.2 },
    crossSelling: { buyers: 4, crossBuyers: 1, rate: 0.25, withoutProductLine: 2 },
    repeatPurchase: { customers: 9, repeatCustomers: 6, rate: 0.6667, purchases: 31 },
    dataQuality: {
      accounts: 10,
      contacts: 20,
      accountFields: [
        { field: 'owner', filled: 10 },
        { field: 'industry', filled: 5 },
        { field: 'domain', filled: 8 },
        { field: 'country', filled: 7 },
      ],
      contactFields: [
        { field: 'account', filled: 20 },
        { field: 'email', filled: 18 },
        { field: 'phone', filled: 9 },
        { field: 'jobTitle', filled: 4 },
        { field: 'buyingRole', filled: 2 },
      ],
      completeness: 0.6214,
      duplicates: { accounts: 1, contacts: 3 },
    },
    adoption: {
      logged: 15,
      perWeek: 7.5,
      bySource: bySource(9, 2, 4),
      weeks: [
        {
          weekStart: '2026-11-23',
          days: 7,
          count: 14,
          bySource: bySource(8, 2, 4),
        },
        {
          weekStart: '2026-11-30',
          days: 1,
          count: 1,
          bySource: bySource(1),
        },
      ],
    },
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
    progress: {
      period: 'last-12-months',
      currentValue: 0.2,
      share: -2,
      timeShare: 1,
      onTrack: false,
      history: [
        { month: '2026-05', value: 0.1, planned: 0.1, onTrack: true },
        { month: '2026-06', value: 0.08, planned: 0.0918, onTrack: true },
        { month: '2026-07', value: null, planned: 0.0833, onTrack: null },
        { month: '2026-08', value: 0.12, planned: 0.0749, onTrack: false },
      ],
    },
    ...fields,
  };
}

export function snapshot(month: string, churnRate: number | null, active: number): InsightSnapshot {
  const figures = team();
  return { month, takenAt: `${month}-28T03:15:00.000Z`, figures: { ...figures, customers: { ...figures.customers, churnRate, active } } };
}

export const SEGMENT_ID = testUuid('s1');
export const ACCOUNT_SEGMENT_ID = testUuid('s2');
const ANKER_ID = testUuid('a8');
export const ADLER_ID = testUuid('c8');

export function segmentList(fields: Partial<SegmentList> = {}): SegmentList {
  return {
    id: SEGMENT_ID,
    ...stamp,
    name: 'Schlafende Maschinenbauer',
    description: 'Für die Frühjahrskampagne',
    target: 'contacts',
    filter: { period: 'last-12-months', industries: ['Maschinenbau'], lastContactBefore: '2026-06-01', abcClasses: ['A', 'B'] },
    createdBy: null,
    ...fields,
  };
}

const anker: SegmentMember['account'] = {
  id: ANKER_ID,
  name: 'Anker Maschinen GmbH',
  industry: 'Maschinenbau',
  ownerId: null,
  abcClass: 'A',
  segment: 'champions',
  revenue: 120000,
  previousRevenue: 118000.5,
  revenueTrend: 'stable',
  lastContactAt: '2026-05-11T09:00:00.000Z',
};

/** Ada Adler at Anker, and for a marketing export who of the list was left out. */
export function segmentMembers(purpose: SegmentMembers['purpose'] = null): SegmentMembers {
  return {
    segmentId: SEGMENT_ID,
    target: 'contacts',
    currency: 'EUR',
    range: { period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' },
    purpose,
    asOf: { computedAt: '2026-12-01T08:00:00.000Z', version: 3, stale: true },
    items: [
      { account: anker, contact: { id: ADLER_ID, firstName: 'Ada', lastName: 'Adler', email: 'adler@anker.example', jobTitle: 'Einkauf' } },
      ...(purpose ? [] : [{ account: anker, contact: { id: testUuid('c9'), firstName: 'Bernd', lastName: 'Bauer', email: null, jobTitle: null } }]),
    ],
    total: purpose ? 1 : 2,
    nextCursor: null,
    leftOut: purpose
      ? {
          total: 3,
          byReason: [
            { reason: 'objected', count: 1 },
            { reason: 'no_consent', count: 1 },
            { reason: 'no_email', count: 1 },
          ],
        }
      : null,
  };
}

export function automationRules(fields: Partial<AutomationRulesResponse> = {}): AutomationRulesResponse {
  return {
    dailyRun: false,
    contactRhythm: { enabled: true, byAbcClass: { A: 60, B: 90, C: 180 }, bySegment: {} },
    noAnswer: { enabled: true, days: 7 },
    stuckOpportunities: { enabled: true, defaultLimitDays: 30, stageLimitDays: {} },
    openComplaints: { enabled: true, days: 14, escalateTo: null, toOwnersManager: false },
    atRisk: { enabled: true },
    saved: false,
    updatedAt: null,
    etag: '"0"',
    ...fields,
  };
}

export const RUN_ID = testUuid('r1');
export const FOLLOW_UP_ID = testUuid('f1');

export function automationRun(fields: Partial<AutomationRun> = {}): AutomationRun {
  const none = (rule: AutomationRun['rules'][number]['rule'], enabled = true) => ({ rule, enabled, created: [], alreadyCreated: 0 });
  return {
    id: RUN_ID,
    trigger: 'manual',
    createdBy: null,
    startedAt: '2026-12-01T06:00:00.000Z',
    finishedAt: '2026-12-01T06:00:02.000Z',
    rules: [
      {
        rule: 'contactRhythm',
        enabled: true,
        created: [
          {
            taskId: FOLLOW_UP_ID,
            rule: 'contactRhythm',
            recordId: AT_RISK_ID,
            period: '2026-08-26',
            assigneeId: null,
            accountId: AT_RISK_ID,
            reason: {
              en: 'no contact for 97 days, usually every 30; A customers at least every 60 days',
              de: 'seit 97 Tagen kein Kontakt, sonst alle 30 Tage; A-Kunden mindestens alle 60 Tage',
            },
          },
        ],
        alreadyCreated: 2,
      },
      none('noAnswer'),
      none('stuckOpportunities'),
      none('openComplaints', false),
      none('atRisk'),
    ],
    ...fields,
  };
}

/**
 * Lead figures as GET /api/lead-figures answers them for the last twelve months: 12 leads captured, 5 converted and 3
 * disqualified, one source this tab does not know; 6 conversions in the period (one of a lead captured before it).
 */
export const leadSummary = (): AnswerOf<'leadSummary'> => ({
  range: { period: 'last-12-months', from: '2025-12-01', to: '2026-12-01', previousFrom: '2024-12-01' },
  total: 12,
  bySource: [
    { source: 'manual', count: 2, converted: 2 },
    { source: 'partner', count: 1, converted: 0 },
    { source: 'email', count: 6, converted: 2 },
    { source: 'web_form', count: 3, converted: 1 },
  ],
  byStatus: [
    { status: 'converted', count: 5 },
    { status: 'new', count: 2 },
    { status: 'contacted', count: 1 },
    { status: 'qualified', count: 1 },
    { status: 'disqualified', count: 3 },
  ],
  conversionRate: 0.625,
  conversions: 6,
  medianDaysToConversion: 9.5,
});
