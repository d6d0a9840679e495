// The insights of one account and of the team, computed from the tenant's facts as of `now`.
import {
  InsightsSettings,
  type AccountInsights,
  type AccountKeyFigures,
  type Opportunity,
  type PeriodRange,
  type ResponseTimeFigures,
  type TeamInsights,
  type TenantSettings,
} from '@crm/common';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import { forecastFor, groupByStage } from '../opportunities';
import { getSettings } from '../settings';
import { analyse, type AccountAnalysis, type AccountFacts } from './analysis';
import { historyWindows, monthStart, periodWindow, previousWindow, rangeOf, type MonthWindow } from '../../core/period';
import { possibleDuplicateCounts, possibleDuplicatesOf } from '../duplicates';
import { adoptionOf, crossSellingOf, dataQualityOf, ratio, repeatPurchaseOf } from './key-figures';
import { keyFieldCounts, loggedByWeek, purchasesByAccount, responseTimes, wonProductLines } from './key-figures-store';
import { accountKeyFiguresOf, winRateOf } from './account-key-figures';
import { complaintsByAccount, keyFieldsByAccount, loggedByAccount, responseTimesByAccount, responseTimesOfTenant } from './account-key-figures-store';
import {
  type AccountFilter,
  type ClosedCount,
  accountsOf,
  activeContacts,
  closedOpportunities,
  complaintFigures,
  contactRhythms,
  openComplaints,
  openOpportunities,
  revenueByWindow,
  withdrawingContacts,
} from './store';

/** Revenue before this month counts as "ever before" for new customers; no date the API takes lies earlier. */
const FIRST_MONTH = 1900 * 12;
/** The at-risk list is a work list for the team, not an export. */
export const AT_RISK_LIMIT = 50;

/** What the analysis of a period needs besides each account's facts. */
export interface AnalysisContext {
  settings: TenantSettings;
  config: InsightsSettings;
  window: MonthWindow;
  range: PeriodRange;
  opportunities: Opportunity[];
}

/** One account's facts, as gathered from the database and kept beside its precomputed analysis. */
export interface GatheredAccount {
  facts: AccountFacts;
  /** Revenue before the period: the account is no new customer. */
  everBefore: boolean;
  keyFigures: AccountKeyFigures;
}

/** Which records count as revenue: imported periods, won opportunities in the tenant's currency, or both. */
const revenueSourceOf = (config: InsightsSettings, settings: TenantSettings) => ({
  imported: config.revenueSource !== 'opportunities',
  opportunities: config.revenueSource !== 'imported',
  currency: settings.defaultCurrency,
});

/** Logged interactions count up to the period's end or now, whichever is earlier. */
const loggedUntil = (window: MonthWindow, now: Date) => new Date(Math.min(now.getTime(), Date.parse(`${monthStart(window.to)}T00:00:00Z`))).toISOString();

/**
 * The team's counts a gathering of every account's facts has counted already: the same statements over the whole tenant,
 * so a full refresh runs them once (the pass over every timeline for the response times alone took seconds).
 */
export interface TeamCountsGathered {
  closed: ClosedCount[];
  responseTime: ResponseTimeFigures;
  lines: Awaited<ReturnType<typeof wonProductLines>>;
  purchases: Awaited<ReturnType<typeof purchasesByAccount>>;
}

const responseTimesOf = async (db: Db, tenantId: string, window: MonthWindow, now: Date, only: AccountFilter) =>
  only === null ? responseTimesOfTenant(db, tenantId, window, now) : { team: null, byAccount: await responseTimesByAccount(db, tenantId, window, now, only) };

/** The counts behind each account's key figures, one statement per figure. */
async function accountKeyCounts(db: Db, tenantId: string, window: MonthWindow, now: Date, source: ReturnType<typeof revenueSourceOf>, only: AccountFilter) {
  const [closed, complaints, responses, lines, purchases, keyFields, logged] = await Promise.all([
    closedOpportunities(db, tenantId, window, only),
    complaintsByAccount(db, tenantId, window, only),
    responseTimesOf(db, tenantId, window, now, only),
    wonProductLines(db, tenantId, window, only),
    purchasesByAccount(db, tenantId, window, source, only),
    keyFieldsByAccount(db, tenantId, only),
    loggedByAccount(db, tenantId, `${monthStart(window.from)}T00:00:00Z`, loggedUntil(window, now), only),
  ]);
  const closedOf = new Map<string, typeof closed>();
  for (const c of closed) closedOf.set(c.accountId, [...(closedOf.get(c.accountId) ?? []), c]);
  const linesOf = new Map(lines.map((l) => [l.accountId, l]));
  const purchasesOf = new Map(purchases.map((p) => [p.accountId, p.purchases]));
  const team: TeamCountsGathered | null = responses.team ? { closed, responseTime: responses.team, lines, purchases } : null;
  const of = (accountId: string): AccountKeyFigures =>
    accountKeyFiguresOf({
      closed: (closedOf.get(accountId) ?? []).map(({ status, stage, count }) => ({ status, stage, count })),
      complaints: complaints.get(accountId),
      responseTime: responses.byAccount.get(accountId),
      lines: linesOf.get(accountId),
      purchases: purchasesOf.get(accountId) ?? 0,
      keyFields: keyFields.get(accountId),
      logged: logged.get(accountId),
      loggedFrom: monthStart(window.from),
      loggedUntil: loggedUntil(window, now),
    });
  return { of, team };
}

/**
 * The facts of the period for all accounts (in the order of their names), or only for `only`: the expensive part of the
 * analysis, one statement per kind of fact. The open opportunities are always the tenant's: the team's pipeline sums them.
 */
export async function gatherFacts(db: Db, tenantId: string, period: string, now: Date, only: AccountFilter = null) {
  const settings = await getSettings(db, tenantId);
  const config = settings.insights ?? InsightsSettings.parse({});
  const window = periodWindow(period, now);
  const previous = previousWindow(window);
  const history = historyWindows(now, config.clv.historyYears);
  const windows: MonthWindow[] = [window, previous, { from: FIRST_MONTH, to: window.from }, ...history];
  const source = revenueSourceOf(config, settings);
  const [accounts, revenue, rhythms, complaints, withdrawals, contacts, opportunities, keyCounts] = await Promise.all([
    accountsOf(db, tenantId, only),
    revenueByWindow(db, tenantId, windows, source, only),
    contactRhythms(db, tenantId, now, only),
    openComplaints(db, tenantId, only),
    withdrawingContacts(db, tenantId, window, only),
    activeContacts(db, tenantId, window, previous, now, only),
    openOpportunities(db, tenantId),
    accountKeyCounts(db, tenantId, window, now, source, only),
  ]);
  const pipelineOf = new Map<string, number>();
  for (const o of opportunities) pipelineOf.set(o.accountId, (pipelineOf.get(o.accountId) ?? 0) + o.weightedAmount);
  const none = { revenueCents: 0, costCents: 0, uncostedCents: 0 };
  const gathered = accounts.map((account): GatheredAccount => {
    const years = revenue.get(account.id);
    return {
      facts: {
        ...account,
        revenueCents: years?.[0]?.revenueCents ?? 0,
        previousRevenueCents: years?.[1]?.revenueCents ?? 0,
        history: history.map((_, i) => years?.[3 + i] ?? none),
        lastContactAt: rhythms.get(account.id)?.lastContactAt ?? null,
        medianGapDays: rhythms.get(account.id)?.medianGapDays ?? null,
        openComplaintsSince: complaints.get(account.id) ?? [],
        withdrawingContacts: withdrawals.get(account.id) ?? 0,
        activeContacts: contacts.get(account.id)?.current ?? 0,
        previousActiveContacts: contacts.get(account.id)?.previous ?? 0,
        openWeightedPipeline: Math.round((pipelineOf.get(account.id) ?? 0) * 100) / 100,
      },
      everBefore: (years?.[2]?.revenueCents ?? 0) > 0,
      keyFigures: keyCounts.of(account.id),
    };
  });
  const context: AnalysisContext = { settings, config, window, range: rangeOf(period, window), opportunities };
  return { context, accounts: gathered, teamCounted: keyCounts.team };
}

/** All accounts analysed together from their facts: pure, so a refresh re-ranks stored facts without the database. */
export function analyseGathered(context: AnalysisContext, accounts: readonly GatheredAccount[], now: Date) {
  const analyses = analyse(
    accounts.map((a) => a.facts),
    context.config,
    context.settings.sleepingAfterDays,
    now,
  );
  const everBefore = new Set(accounts.filter((a) => a.everBefore).map((a) => a.facts.id));
  const keyFigures = new Map(accounts.map((a) => [a.facts.id, a.keyFigures]));
  return { ...context, analyses, everBefore, keyFigures };
}

export async function analyseTenant(db: Db, tenantId: string, period: string, now: Date) {
  const { context, accounts, teamCounted } = await gatherFacts(db, tenantId, period, now);
  return { ...analyseGathered(context, accounts, now), teamCounted };
}

export const accountAnswer = (context: AnalysisContext, found: AccountAnalysis, keyFigures: AccountKeyFigures | undefined): AccountInsights => ({
  accountId: found.facts.id,
  name: found.facts.name,
  rating: found.facts.rating as AccountInsights['rating'],
  currency: context.settings.defaultCurrency,
  range: context.range,
  revenueSource: context.config.revenueSource,
  abc: found.abc,
  clv: found.clv,
  churnRisk: found.churnRisk,
  segment: found.segment,
  ...(keyFigures ? { keyFigures } : {}),
});

export async function accountInsights(db: Db, actor: Actor, accountId: string, period: string, now = new Date()): Promise<AccountInsights> {
  const analysed = await analyseTenant(db, actor.tenantId, period, now);
  const found = analysed.analyses.find((a) => a.facts.id === accountId);
  if (!found) throw notFound('account');
  return withPossibleDuplicates(db, actor.tenantId, accountAnswer(analysed, found, analysed.keyFigures.get(accountId)));
}

/**
 * The answer with how many other accounts may be the same company and how many of its contacts may be the same person
 * as another contact, read at the call from the last count.
 */
export async function withPossibleDuplicates(db: Db, tenantId: string, answer: AccountInsights): Promise<AccountInsights> {
  const { keyFigures } = answer;
  if (!keyFigures) return answer;
  const { accounts, contacts } = await possibleDuplicatesOf(db, tenantId, answer.accountId);
  const dataQuality = { ...keyFigures.dataQuality, possibleDuplicateAccounts: accounts, possibleDuplicateContacts: contacts };
  return { ...answer, keyFigures: { ...keyFigures, dataQuality } };
}

const countBy = <K>(items: readonly AccountAnalysis[], key: (a: AccountAnalysis) => K) => {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

export const teamInsights = (db: Db, actor: Actor, period: string, now = new Date()): Promise<TeamInsights> => teamFigures(db, actor.tenantId, period, now);

/** The team figures of a tenant, also for the snapshot timer, which acts for no user. */
export async function teamFigures(db: Db, tenantId: string, period: string, now: Date): Promise<TeamInsights> {
  const analysed = await analyseTenant(db, tenantId, period, now);
  return teamOf(analysed, await teamCounts(db, tenantId, analysed, now, analysed.teamCounted), now);
}

/**
 * The team figures counted over the whole tenant, not per account: counted again on every refresh, apart from what a
 * gathering of every account's facts counted already (`counted`).
 */
export async function teamCounts(
  db: Db,
  tenantId: string,
  { window, config, settings }: Pick<AnalysisContext, 'window' | 'config' | 'settings'>,
  now: Date,
  counted: TeamCountsGathered | null = null,
) {
  const until = loggedUntil(window, now);
  const [closed, complaints, responseTime, lines, purchases, keyFields, duplicates, logged] = await Promise.all([
    counted?.closed ?? closedOpportunities(db, tenantId, window),
    complaintFigures(db, tenantId, window),
    counted?.responseTime ?? responseTimes(db, tenantId, window, now),
    counted?.lines ?? wonProductLines(db, tenantId, window),
    counted?.purchases ?? purchasesByAccount(db, tenantId, window, revenueSourceOf(config, settings)),
    keyFieldCounts(db, tenantId),
    possibleDuplicateCounts(db, tenantId),
    loggedByWeek(db, tenantId, `${monthStart(window.from)}T00:00:00Z`, until),
  ]);
  return {
    closed,
    complaints,
    responseTime,
    crossSelling: crossSellingOf(lines),
    repeatPurchase: repeatPurchaseOf(purchases.map((p) => p.purchases)),
    dataQuality: dataQualityOf(keyFields, duplicates),
    adoption: adoptionOf(logged, monthStart(window.from), until),
  };
}

export function teamOf(
  analysed: ReturnType<typeof analyseGathered>,
  { closed, complaints, ...keyFigures }: Awaited<ReturnType<typeof teamCounts>>,
  now: Date,
): TeamInsights {
  const { settings, config, range, analyses, opportunities, everBefore } = analysed;
  const active = analyses.filter((a) => a.facts.revenueCents > 0);
  const previous = analyses.filter((a) => a.facts.previousRevenueCents > 0);
  const churned = previous.filter((a) => a.facts.revenueCents === 0).length;
  const abcCounts = countBy(active, (a) => a.abc.class);
  const segmentCounts = countBy(analyses, (a) => a.segment.segment);
  return {
    currency: settings.defaultCurrency,
    range,
    revenueSource: config.revenueSource,
    // Team figures only: the stage groups without the deals in them.
    pipeline: groupByStage(opportunities, settings.stages).map((g) => ({ stage: g.stage.key, count: g.count, amount: g.amount, weightedAmount: g.weightedAmount })),
    forecast: { thisQuarter: forecastFor(opportunities, now, 0), nextQuarter: forecastFor(opportunities, now, 1) },
    winRate: winRateOf(closed),
    customers: {
      active: active.length,
      new: active.filter((a) => !everBefore.has(a.facts.id)).length,
      previous: previous.length,
      churned,
      churnRate: ratio(churned, previous.length),
    },
    complaints: {
      count: complaints.received,
      open: complaints.open,
      resolved: complaints.resolved,
      medianResolutionHours: complaints.medianHours,
      p90ResolutionHours: complaints.p90Hours,
    },
    ...keyFigures,
    abc: (['A', 'B', 'C'] as const).map((abcClass) => ({
      class: abcClass,
      accounts: abcCounts.get(abcClass) ?? 0,
      revenue: Math.round(active.filter((a) => a.abc.class === abcClass).reduce((s, a) => s + a.facts.revenueCents, 0)) / 100,
    })),
    segments: (['champions', 'loyal', 'potential', 'at_risk', null] as const).map((segment) => ({ segment, accounts: segmentCounts.get(segment) ?? 0 })),
    atRisk: analyses
      .filter((a) => a.segment.segment === 'at_risk')
      .sort((a, b) => b.churnRisk.score - a.churnRisk.score || a.facts.name.localeCompare(b.facts.name))
      .slice(0, AT_RISK_LIMIT)
      .map((a) => ({
        accountId: a.facts.id,
        name: a.facts.name,
        score: a.churnRisk.score,
        segment: a.segment.segment,
        reasons: a.churnRisk.factors.filter((f) => f.contribution > 0).sort((x, y) => y.contribution - x.contribution),
      })),
  };
}
