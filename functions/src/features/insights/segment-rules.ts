// The pure rules of segment lists: which accounts a filter matches, an account's revenue trend, and who may be in a
// marketing export. No database here, so each rule is tested on its own.
import type { ConsentAction, ConsentPurpose, ExportLeftOutReason, InsightsSettings, RevenueTrend, SegmentFilter } from '@crm/common';

export function revenueTrendOf(revenueCents: number, previousRevenueCents: number, settings: InsightsSettings['segments']): RevenueTrend {
  if (previousRevenueCents <= 0) return revenueCents > 0 ? 'growing' : 'none';
  const changePercent = ((revenueCents - previousRevenueCents) / previousRevenueCents) * 100;
  if (changePercent >= settings.potentialGrowthPercent) return 'growing';
  if (changePercent <= -settings.atRiskDeclinePercent) return 'declining';
  return 'stable';
}

const startOf = (day: string) => `${day}T00:00:00.000Z`;

/** What the filter reads of an account: its facts and ranks in the period's analysis. */
export interface SegmentAccountFacts {
  revenueCents: number;
  previousRevenueCents: number;
  lastContactAt: string | null;
  abcClass: string | null;
  segment: string | null;
}

/** Every condition of the filter that is given holds; consent is a condition on people, not accounts, and checked apart. */
export function matchesAccount(account: SegmentAccountFacts, industry: string | null, filter: SegmentFilter, settings: InsightsSettings['segments']): boolean {
  const { lastContactAt } = account;
  if (filter.segments && !filter.segments.includes((account.segment ?? 'none') as (typeof filter.segments)[number])) return false;
  if (filter.abcClasses && !filter.abcClasses.includes((account.abcClass ?? 'none') as (typeof filter.abcClasses)[number])) return false;
  if (filter.industries && !filter.industries.some((wanted) => wanted.toLowerCase() === industry?.trim().toLowerCase())) return false;
  // Both compare instants: lastContactAt is a UTC ISO instant, the days start at UTC midnight.
  if (filter.lastContactBefore && lastContactAt !== null && new Date(lastContactAt) >= new Date(startOf(filter.lastContactBefore))) return false;
  if (filter.lastContactAfter && (lastContactAt === null || new Date(lastContactAt) < new Date(startOf(filter.lastContactAfter)))) return false;
  if (filter.revenueTrends && !filter.revenueTrends.includes(revenueTrendOf(account.revenueCents, account.previousRevenueCents, settings))) return false;
  return true;
}

export interface PersonFacts {
  restricted: boolean;
  hasEmail: boolean;
  /** The latest ledger entry per channel and purpose. */
  current: ReadonlyArray<{ channel: string; purpose: string; action: ConsentAction }>;
}

/**
 * Why a person may not get email marketing for the purpose, or null when they may. Restriction (Art. 18) excludes from
 * everything. An objection to direct marketing (Art. 21(2)) is recorded on a channel and purpose but covers all direct
 * marketing, so one on any channel excludes; a withdrawal excludes from its purpose; only a current email grant for the
 * purpose lets a person in, and only with an address to send to.
 */
export function exportLeftOutReason(person: PersonFacts, purpose: ConsentPurpose): ExportLeftOutReason | null {
  if (person.restricted) return 'restricted';
  if (person.current.some((entry) => entry.action === 'objected')) return 'objected';
  const forPurpose = person.current.find((entry) => entry.channel === 'email' && entry.purpose === purpose);
  if (forPurpose?.action === 'withdrawn') return 'withdrawn';
  if (forPurpose?.action !== 'granted') return 'no_consent';
  return person.hasEmail ? null : 'no_email';
}
