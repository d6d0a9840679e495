// Each segment rule, in its order, with the reason it gives.
import { describe, expect, it } from 'vitest';
import { InsightsSettings } from '@crm/common';
import { segmentOf, type SegmentInputs } from './segments';

const settings = InsightsSettings.parse({}).segments;
const base: SegmentInputs = {
  riskScore: 10,
  revenueCents: 100_000,
  previousRevenueCents: 100_000,
  yearsInRow: 0,
  isCustomer: true,
  clvRank: null,
  championsUpToRank: 1,
  rating: null,
  openWeightedPipeline: 0,
};
const segment = (inputs: Partial<SegmentInputs>) => segmentOf({ ...base, ...inputs }, settings);

describe('segments', () => {
  it('skips a rule switched off in the settings, so the next that holds names the segment, and says which were off', () => {
    const off = (rules: Partial<typeof settings.rules>) => ({ ...settings, rules: { ...settings.rules, ...rules } });
    const champion = { ...base, riskScore: 60, clvRank: 1, yearsInRow: 3 };
    expect(segmentOf(champion, off({ atRiskScore: false }))).toEqual({
      segment: 'champions',
      rule: 'lifetime value in the top 20% (rank 1) and revenue in each of the last 3 years (at least 2)',
    });
    expect(segmentOf(champion, off({ atRiskScore: false, champions: false }))).toEqual({ segment: 'loyal', rule: 'revenue in each of the last 3 years (at least 2)' });
    expect(segmentOf({ ...base, revenueCents: 80_000 }, off({ atRiskDecline: false })).segment).toBeNull();
    expect(segmentOf({ ...base, rating: 'A' }, off({ potentialRating: false, potentialNew: false }))).toEqual({
      segment: null,
      rule: 'no rule matched: no risk, no revenue history, rating, pipeline or growth (switched off: potentialRating, potentialNew)',
    });
    expect(segmentOf({ ...base, openWeightedPipeline: 5 }, off({ potentialPipeline: false })).segment).toBeNull();
    expect(segmentOf({ ...base, revenueCents: 130_000 }, off({ potentialGrowth: false })).segment).toBeNull();
    expect(segmentOf({ ...base, previousRevenueCents: 0 }, off({ potentialNew: false })).segment).toBeNull();
  });

  it('puts a customer with high churn risk or a falling revenue at risk first, even a champion', () => {
    expect(segment({ riskScore: 60, clvRank: 1, yearsInRow: 3 })).toEqual({ segment: 'at_risk', rule: 'churn risk 60 is at least 60' });
    expect(segment({ revenueCents: 80_000 })).toEqual({
      segment: 'at_risk',
      rule: 'revenue -20% against the previous period, a drop of at least 20%',
    });
    expect(segment({ revenueCents: 81_000 }).segment).toBeNull();
  });

  it('never calls a prospect at risk', () => {
    expect(segment({ isCustomer: false, riskScore: 90, revenueCents: 0, previousRevenueCents: 0 })).toEqual({
      segment: null,
      rule: 'no rule matched: no risk, no revenue history, rating, pipeline or growth',
    });
  });

  it('makes the top lifetime values with a long relationship champions, the other long ones loyal', () => {
    expect(segment({ clvRank: 1, yearsInRow: 2 })).toEqual({
      segment: 'champions',
      rule: 'lifetime value in the top 20% (rank 1) and revenue in each of the last 2 years (at least 2)',
    });
    expect(segment({ clvRank: 2, yearsInRow: 3 })).toEqual({ segment: 'loyal', rule: 'revenue in each of the last 3 years (at least 2)' });
    expect(segment({ clvRank: 1, yearsInRow: 1 }).segment).toBeNull();
  });

  it('sees potential in a rating A, an open pipeline, growth or a new customer', () => {
    expect(segment({ rating: 'A' })).toEqual({ segment: 'potential', rule: 'rated A' });
    expect(segment({ openWeightedPipeline: 2500 })).toEqual({ segment: 'potential', rule: 'open weighted pipeline of 2500' });
    expect(segment({ revenueCents: 120_000 })).toEqual({
      segment: 'potential',
      rule: 'revenue +20% against the previous period, growth of at least 20%',
    });
    expect(segment({ previousRevenueCents: 0 })).toEqual({ segment: 'potential', rule: 'new customer: revenue in the period and none in the previous one' });
  });
});
