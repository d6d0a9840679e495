// The automation rules as pure functions: from the facts a run gathered to the follow-ups it should make, each with its
// key (rule, record, period) and its reason in German and English. No database here, so every rule is tested alone.
import type { AutomationRuleName, AutomationRules, Bilingual, RiskFactor, SegmentName, Stage } from '@crm/common';

const DAY = 86_400_000;
const daysBetween = (from: string, now: Date) => Math.floor((now.getTime() - new Date(from).getTime()) / DAY);
const dayOf = (instant: string) => new Date(instant).toISOString().slice(0, 10);

export interface FollowUpCandidate {
  rule: AutomationRuleName;
  recordId: string;
  period: string;
  accountId: string | null;
  opportunityId: string | null;
  interactionId: string | null;
  assigneeId: string | null;
  /** What the task is about: the account's or the opportunity's name. */
  subject: string;
  reason: Bilingual;
}

export const RULE_LABELS: Record<AutomationRuleName, Bilingual> = {
  contactRhythm: { de: 'Kontaktrhythmus', en: 'Contact rhythm' },
  noAnswer: { de: 'Nachfassen', en: 'Follow up' },
  stuckOpportunities: { de: 'Verkaufschance hängt', en: 'Stuck opportunity' },
  openComplaints: { de: 'Beschwerde eskaliert', en: 'Complaint escalated' },
  atRisk: { de: 'Kunden halten', en: 'Retain customer' },
};

const SEGMENT_LABELS: Record<SegmentName, Bilingual> = {
  champions: { de: 'Champions', en: 'champions' },
  loyal: { de: 'Treue Kunden', en: 'loyal customers' },
  potential: { de: 'Potenzialkunden', en: 'potential customers' },
  at_risk: { de: 'Gefährdete Kunden', en: 'customers at risk' },
};

export interface RhythmFacts {
  id: string;
  name: string;
  ownerId: string | null;
  createdAt: string;
  lastContactAt: string | null;
  medianGapDays: number | null;
  abcClass: 'A' | 'B' | 'C' | null;
  segment: SegmentName | null;
}

/**
 * An account is due when its silence (since its last real contact, or since it was created) is longer than its limit:
 * the smallest of its ABC class's and its segment's. The period is the last contact's day, so one silence makes one
 * follow-up, and the next contact starts a new one.
 */
export function contactRhythmFollowUps(accounts: readonly RhythmFacts[], rule: AutomationRules['contactRhythm'], now: Date): FollowUpCandidate[] {
  const result: FollowUpCandidate[] = [];
  for (const account of accounts) {
    const limits: Array<{ days: number; by: Bilingual }> = [];
    const classDays = account.abcClass ? rule.byAbcClass[account.abcClass] : null;
    if (account.abcClass && classDays) limits.push({ days: classDays, by: { de: `${account.abcClass}-Kunden`, en: `${account.abcClass} customers` } });
    const segmentDays = account.segment ? rule.bySegment[account.segment] : undefined;
    if (account.segment && segmentDays) limits.push({ days: segmentDays, by: SEGMENT_LABELS[account.segment] });
    if (limits.length === 0) continue;
    const limit = limits.reduce((a, b) => (b.days < a.days ? b : a));
    const silence = daysBetween(account.lastContactAt ?? account.createdAt, now);
    if (silence <= limit.days) continue;
    const usual = account.medianGapDays === null ? null : Math.round(account.medianGapDays);
    const what: Bilingual = account.lastContactAt
      ? {
          de: `seit ${silence} Tagen kein Kontakt${usual === null ? '' : `, sonst alle ${usual} Tage`}`,
          en: `no contact for ${silence} days${usual === null ? '' : `, usually every ${usual}`}`,
        }
      : { de: `kein Kontakt, seit das Konto vor ${silence} Tagen angelegt wurde`, en: `no contact since the account was created ${silence} days ago` };
    result.push({
      rule: 'contactRhythm',
      recordId: account.id,
      period: account.lastContactAt ? dayOf(account.lastContactAt) : 'never',
      accountId: account.id,
      opportunityId: null,
      interactionId: null,
      assigneeId: account.ownerId,
      subject: account.name,
      reason: { de: `${what.de}; ${limit.by.de} mindestens alle ${limit.days} Tage`, en: `${what.en}; ${limit.by.en} at least every ${limit.days} days` },
    });
  }
  return result;
}

export interface UnansweredFacts {
  interactionId: string;
  type: 'email' | 'meeting';
  occurredAt: string;
  accountId: string;
  accountName: string;
  /** Who logged it, else the account's owner. */
  assigneeId: string | null;
}

/** The store finds what went unanswered for the rule's days; one follow-up per email or meeting. */
export function noAnswerFollowUps(items: readonly UnansweredFacts[], rule: AutomationRules['noAnswer'], now: Date): FollowUpCandidate[] {
  return items.map((item) => {
    const days = daysBetween(item.occurredAt, now);
    const day = dayOf(item.occurredAt);
    return {
      rule: 'noAnswer',
      recordId: item.interactionId,
      period: '-',
      accountId: item.accountId,
      opportunityId: null,
      interactionId: item.interactionId,
      assigneeId: item.assigneeId,
      subject: item.accountName,
      reason:
        item.type === 'email'
          ? {
              de: `ausgehende E-Mail vom ${day} seit ${days} Tagen ohne Antwort (nachfassen nach ${rule.days})`,
              en: `outbound email of ${day} without an answer for ${days} days (follow up after ${rule.days})`,
            }
          : {
              de: `seit dem Termin am ${day} vor ${days} Tagen nichts mehr (nachfassen nach ${rule.days})`,
              en: `nothing since the meeting of ${day}, ${days} days ago (follow up after ${rule.days})`,
            },
    };
  });
}

export interface OpenOpportunityFacts {
  id: string;
  name: string;
  accountId: string;
  ownerId: string | null;
  stage: string;
  stageSince: string;
}

/** An open opportunity is stuck once it has been in its stage longer than the stage's limit; each stage entry once. */
export function stuckOpportunityFollowUps(
  opportunities: readonly OpenOpportunityFacts[],
  rule: AutomationRules['stuckOpportunities'],
  stages: readonly Stage[],
  now: Date,
): FollowUpCandidate[] {
  const result: FollowUpCandidate[] = [];
  for (const o of opportunities) {
    const limit = rule.stageLimitDays[o.stage] ?? rule.defaultLimitDays;
    const days = daysBetween(o.stageSince, now);
    if (days <= limit) continue;
    const label = stages.find((s) => s.key === o.stage)?.label ?? { de: o.stage, en: o.stage };
    result.push({
      rule: 'stuckOpportunities',
      recordId: o.id,
      period: `${o.stage}@${dayOf(o.stageSince)}`,
      accountId: o.accountId,
      opportunityId: o.id,
      interactionId: null,
      assigneeId: o.ownerId,
      subject: o.name,
      reason: { de: `seit ${days} Tagen in der Phase ${label.de}, Grenze ${limit}`, en: `in stage ${label.en} for ${days} days, limit ${limit}` },
    });
  }
  return result;
}

export interface OpenComplaintFacts {
  interactionId: string;
  occurredAt: string;
  accountId: string | null;
  accountName: string;
  ownerId: string | null;
  /** The manager of the account's owner, if an admin set one. */
  ownerManagerId: string | null;
}

const CHOSEN: Bilingual = { de: 'die gewählte Person', en: 'the chosen person' };
const OWNERS_MANAGER: Bilingual = { de: 'die Führungskraft des Kontoverantwortlichen', en: "the account owner's manager" };
const OWNER: Bilingual = { de: 'den Kontoverantwortlichen', en: 'the account owner' };

/**
 * A complaint open longer than the rule's days escalates once: to the chosen person, else (when the rule says so) the
 * manager of the account's owner, else the owner, who is also who it goes to when the owner has no manager.
 */
export function openComplaintFollowUps(complaints: readonly OpenComplaintFacts[], rule: AutomationRules['openComplaints'], now: Date): FollowUpCandidate[] {
  const target = (c: OpenComplaintFacts): { assigneeId: string | null; to: Bilingual } => {
    if (rule.escalateTo) return { assigneeId: rule.escalateTo, to: CHOSEN };
    if (rule.toOwnersManager && c.ownerManagerId) return { assigneeId: c.ownerManagerId, to: OWNERS_MANAGER };
    return { assigneeId: c.ownerId, to: OWNER };
  };
  return complaints
    .filter((c) => daysBetween(c.occurredAt, now) > rule.days)
    .map((c) => {
      const days = daysBetween(c.occurredAt, now);
      const { assigneeId, to } = target(c);
      return {
        rule: 'openComplaints',
        recordId: c.interactionId,
        period: '-',
        accountId: c.accountId,
        opportunityId: null,
        interactionId: c.interactionId,
        assigneeId,
        subject: c.accountName,
        reason: {
          de: `Beschwerde seit ${days} Tagen offen, Grenze ${rule.days}; eskaliert an ${to.de}`,
          en: `complaint open for ${days} days, limit ${rule.days}; escalated to ${to.en}`,
        },
      };
    });
}

export interface AtRiskFacts {
  id: string;
  name: string;
  ownerId: string | null;
  score: number;
  factors: readonly RiskFactor[];
}

const FACTOR_LABELS: Record<RiskFactor['factor'], Bilingual> = {
  inactivity: { de: 'Inaktivität', en: 'inactivity' },
  revenueTrend: { de: 'Umsatzentwicklung', en: 'revenue trend' },
  complaints: { de: 'Beschwerden', en: 'complaints' },
  consents: { de: 'Einwilligungen', en: 'consents' },
  buyingCenter: { de: 'Buying Center', en: 'buying center' },
};

const quarterOf = (now: Date) => `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

/** A retention task for each account at risk, at most one per account and quarter, naming the factors that add points. */
export function atRiskFollowUps(accounts: readonly AtRiskFacts[], now: Date): FollowUpCandidate[] {
  return accounts.map((a) => {
    const top = [...a.factors].filter((f) => f.contribution > 0).sort((x, y) => y.contribution - x.contribution);
    const list = (lang: keyof Bilingual) => (top.length === 0 ? '' : ` (${top.map((f) => `${FACTOR_LABELS[f.factor][lang]} ${f.contribution}`).join(', ')})`);
    return {
      rule: 'atRisk',
      recordId: a.id,
      period: quarterOf(now),
      accountId: a.id,
      opportunityId: null,
      interactionId: null,
      assigneeId: a.ownerId,
      subject: a.name,
      reason: {
        de: `gefährdet: Abwanderungsrisiko ${a.score} von 100${list('de')}`,
        en: `at risk: churn risk ${a.score} of 100${list('en')}`,
      },
    };
  });
}
