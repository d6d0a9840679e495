// The lead score: five named criteria, each worth its tenant weight, each saying why it scored what it did.
import type { Lead, LeadScore, LeadScoringSettings } from '@crm/common';

type LeadEngagement = Lead['engagement'];

type Scored = Pick<Lead, 'industry' | 'employees' | 'budget' | 'timing' | 'engagement'>;

const BUDGET = { unknown: 0, none: 0, planned: 0.5, approved: 1 } as const;
const TIMING = { unknown: 0, later: 0.2, within_12_months: 0.6, within_3_months: 1 } as const;
const ENGAGEMENT = { none: 0, replied: 0.5, meeting_held: 1 } as const;

/** What the lead's logged interactions show: a meeting held, else a reply or call, else nothing yet. */
export interface LoggedEngagement {
  interactions: number;
  meetings: number;
  replies: number;
}

export const NOTHING_LOGGED: LoggedEngagement = { interactions: 0, meetings: 0, replies: 0 };

const loggedLevel = (logged: LoggedEngagement): LeadEngagement => (logged.meetings > 0 ? 'meeting_held' : logged.replies > 0 ? 'replied' : 'none');

/**
 * Engagement counts what was logged for the lead; the seller's own answer still counts when it says more (a call
 * nobody logged), and the reason says which it was.
 */
function engagementOf(recorded: LeadEngagement, logged: LoggedEngagement): { level: LeadEngagement; reason: string } {
  const fromLog = loggedLevel(logged);
  const level = ENGAGEMENT[recorded] > ENGAGEMENT[fromLog] ? recorded : fromLog;
  const counts = `${logged.interactions} logged interactions, ${logged.meetings} meetings held, ${logged.replies} replies or calls`;
  return { level, reason: `engagement: ${level.replaceAll('_', ' ')} (${counts}${level === fromLog ? '' : '; as recorded'})` };
}

const fold = (text: string) => text.trim().toLocaleLowerCase('de');
const round1 = (value: number) => Math.round(value * 10) / 10;

function sizeShare(employees: number | null, settings: LeadScoringSettings): { share: number; reason: string; code: string } {
  if (employees === null) return { share: 0, reason: 'company size unknown', code: 'unknown' };
  const range = `${settings.minEmployees}-${settings.maxEmployees}`;
  if (employees >= settings.minEmployees && employees <= settings.maxEmployees) return { share: 1, reason: `${employees} employees, within ${range}`, code: 'within' };
  // Half the points up to twice the range's bounds: a bit small or a bit big is still a prospect.
  if (employees >= settings.minEmployees / 2 && employees <= settings.maxEmployees * 2)
    return { share: 0.5, reason: `${employees} employees, near ${range}`, code: 'near' };
  return { share: 0, reason: `${employees} employees, outside ${range}`, code: 'outside' };
}

export function scoreLead(lead: Scored, settings: LeadScoringSettings, logged: LoggedEngagement = NOTHING_LOGGED): LeadScore {
  const w = settings.weights;
  const targets = settings.targetIndustries.map(fold);
  const fits = lead.industry !== null && targets.includes(fold(lead.industry));
  const size = sizeShare(lead.employees, settings);
  const engagement = engagementOf(lead.engagement, logged);
  const fitCode = lead.industry === null ? 'unknown' : targets.length === 0 ? 'no_targets' : fits ? 'target' : 'not_target';
  const fitReason = {
    unknown: 'industry unknown',
    no_targets: 'no target industries set',
    target: `${lead.industry} is a target industry`,
    not_target: `${lead.industry} is not a target industry`,
  }[fitCode];
  const criteria: LeadScore['criteria'] = [
    { key: 'fit', weight: w.fit, points: fits ? w.fit : 0, reason: fitReason, code: fitCode },
    {
      key: 'size',
      weight: w.size,
      points: round1(w.size * size.share),
      reason: size.reason,
      code: size.code,
      range: { min: settings.minEmployees, max: settings.maxEmployees },
    },
    { key: 'budget', weight: w.budget, points: round1(w.budget * BUDGET[lead.budget]), reason: `budget: ${lead.budget}`, code: lead.budget },
    {
      key: 'timing',
      weight: w.timing,
      points: round1(w.timing * TIMING[lead.timing]),
      reason: `timing: ${lead.timing.replaceAll('_', ' ')}`,
      code: lead.timing,
    },
    {
      key: 'engagement',
      weight: w.engagement,
      points: round1(w.engagement * ENGAGEMENT[engagement.level]),
      reason: engagement.reason,
      code: engagement.level,
      logged,
    },
  ];
  return { total: Math.round(criteria.reduce((sum, c) => sum + c.points, 0)), criteria };
}
