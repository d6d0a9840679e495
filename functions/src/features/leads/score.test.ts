// The lead score against hand-computed values with the default weights (fit 20, size 15, budget 25, timing 25, engagement 15).
import { LeadScoringSettings } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { scoreLead } from './score';

const defaults = LeadScoringSettings.parse({ targetIndustries: ['Maschinenbau'] });
const lead = { industry: null, employees: null, budget: 'unknown', timing: 'unknown', engagement: 'none' } as const;

describe('scoreLead', () => {
  it('gives a lead nobody knows anything about 0, saying so per criterion', () => {
    const score = scoreLead(lead, defaults);
    expect(score.total).toBe(0);
    expect(score.criteria.map((c) => c.reason)).toEqual(['industry unknown', 'company size unknown', 'budget: unknown', 'timing: unknown', 'engagement: none (0 logged interactions, 0 meetings held, 0 replies or calls)']);
  });

  it('gives a perfect lead every weight: 100', () => {
    const perfect = { industry: ' maschinenbau', employees: 120, budget: 'approved', timing: 'within_3_months', engagement: 'meeting_held' } as const;
    const score = scoreLead(perfect, defaults);
    expect(score.total).toBe(100);
    expect(score.criteria.find((c) => c.key === 'size')!.reason).toBe('120 employees, within 50-500');
  });

  it('adds partial answers: 0 + 7.5 (size near the range) + 12.5 (planned) + 15 (within 12 months) + 7.5 (replied) = 42.5, shown as 43', () => {
    const partial = { industry: 'Handel', employees: 30, budget: 'planned', timing: 'within_12_months', engagement: 'replied' } as const;
    const score = scoreLead(partial, defaults);
    expect(score.criteria.map((c) => c.points)).toEqual([0, 7.5, 12.5, 15, 7.5]);
    expect(score.total).toBe(43);
    expect(score.criteria[0]!.reason).toBe('Handel is not a target industry');
    expect(score.criteria.map((c) => c.code)).toEqual(['not_target', 'near', 'planned', 'within_12_months', 'replied']);
  });

  it('weighs what the tenant weighs', () => {
    const custom = LeadScoringSettings.parse({ weights: { fit: 0, size: 0, budget: 50, timing: 50, engagement: 0 } });
    expect(scoreLead({ ...lead, budget: 'approved', timing: 'later' }, custom).total).toBe(60);
    expect(scoreLead({ ...lead, industry: 'Maschinenbau' }, custom).criteria[0]).toMatchObject({ reason: 'no target industries set', code: 'no_targets' });
    expect(() => LeadScoringSettings.parse({ weights: { fit: 60, budget: 60 } })).toThrow(/at most 100/);
  });

  it('counts engagement from the logged interactions: a reply or call is half, a meeting held all of it, and says so', () => {
    const wrote = scoreLead(lead, defaults, { interactions: 2, meetings: 0, replies: 1 }).criteria[4]!;
    expect(wrote).toMatchObject({ points: 7.5, code: 'replied', logged: { interactions: 2, meetings: 0, replies: 1 } });
    expect(wrote.reason).toBe('engagement: replied (2 logged interactions, 0 meetings held, 1 replies or calls)');
    const met = scoreLead(lead, defaults, { interactions: 3, meetings: 1, replies: 1 }).criteria[4]!;
    expect(met).toMatchObject({ points: 15, code: 'meeting_held' });
    const onlyOurs = scoreLead(lead, defaults, { interactions: 4, meetings: 0, replies: 0 }).criteria[4]!;
    expect(onlyOurs).toMatchObject({ points: 0, code: 'none' });
  });

  it('keeps a recorded answer that says more than the log, and names it as recorded', () => {
    const recorded = scoreLead({ ...lead, engagement: 'meeting_held' }, defaults, { interactions: 1, meetings: 0, replies: 1 }).criteria[4]!;
    expect(recorded).toMatchObject({ points: 15, code: 'meeting_held' });
    expect(recorded.reason).toBe('engagement: meeting held (1 logged interactions, 0 meetings held, 1 replies or calls; as recorded)');
    expect(scoreLead({ ...lead, engagement: 'replied' }, defaults, { interactions: 1, meetings: 1, replies: 0 }).criteria[4]!.code).toBe('meeting_held');
  });
});
