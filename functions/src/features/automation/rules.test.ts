// The automation rules as pure functions: limits, boundaries and reasons.
import { AutomationRules, type RiskFactor } from '@crm/common';
import { describe, expect, it } from 'vitest';
import { atRiskFollowUps, contactRhythmFollowUps, openComplaintFollowUps, stuckOpportunityFollowUps, type RhythmFacts } from './rules';

const NOW = new Date('2026-12-01T12:00:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const defaults = AutomationRules.parse({});

describe('contact rhythm', () => {
  const account = (extra: Partial<RhythmFacts>): RhythmFacts => ({
    id: '00000000-0000-4000-8000-000000000001',
    name: 'Ahorn',
    ownerId: null,
    createdAt: ago(400),
    lastContactAt: ago(61),
    medianGapDays: null,
    abcClass: 'A',
    segment: null,
    ...extra,
  });

  it('is due only beyond the limit: 60 days of silence is on time for an A customer, 61 is not', () => {
    expect(contactRhythmFollowUps([account({ lastContactAt: ago(60) })], defaults.contactRhythm, NOW)).toEqual([]);
    expect(contactRhythmFollowUps([account({})], defaults.contactRhythm, NOW)[0]?.reason.en).toBe('no contact for 61 days; A customers at least every 60 days');
  });

  it("takes the smaller of the class's and the segment's limit, and skips accounts with neither", () => {
    const rule = { ...defaults.contactRhythm, bySegment: { champions: 30 } };
    const [due] = contactRhythmFollowUps([account({ lastContactAt: ago(45), segment: 'champions', medianGapDays: 20.5 })], rule, NOW);
    expect(due?.reason).toEqual({ en: 'no contact for 45 days, usually every 21; champions at least every 30 days', de: 'seit 45 Tagen kein Kontakt, sonst alle 21 Tage; Champions mindestens alle 30 Tage' });
    expect(contactRhythmFollowUps([account({ abcClass: null, lastContactAt: ago(999) })], rule, NOW)).toEqual([]);
    expect(contactRhythmFollowUps([account({ abcClass: 'C', lastContactAt: ago(999) })], { ...rule, byAbcClass: { A: 60, B: 90, C: null } }, NOW)).toEqual([]);
  });

  it('counts a never contacted account from its creation, in the period "never"', () => {
    const [due] = contactRhythmFollowUps([account({ lastContactAt: null, createdAt: ago(70) })], defaults.contactRhythm, NOW);
    expect([due?.period, due?.reason.en]).toEqual(['never', 'no contact since the account was created 70 days ago; A customers at least every 60 days']);
  });
});

describe('stuck opportunities, complaints and accounts at risk', () => {
  it("uses the stage's own limit over the default, with the stage's labels", () => {
    const opportunity = { id: '00000000-0000-4000-8000-000000000002', name: 'Anlage', accountId: 'a', ownerId: null, stage: 'lead', stageSince: ago(20) };
    const stages = [{ key: 'lead', label: { de: 'Interessent', en: 'Lead' }, probability: 10 }];
    expect(stuckOpportunityFollowUps([opportunity], defaults.stuckOpportunities, stages, NOW)).toEqual([]);
    const [stuck] = stuckOpportunityFollowUps([opportunity], { ...defaults.stuckOpportunities, stageLimitDays: { lead: 19 } }, stages, NOW);
    expect(stuck?.reason).toEqual({ de: 'seit 20 Tagen in der Phase Interessent, Grenze 19', en: 'in stage Lead for 20 days, limit 19' });
  });

  it("escalates a complaint to the account's owner when no one is chosen", () => {
    const complaint = { interactionId: 'c', occurredAt: ago(15), accountId: 'a', accountName: 'Ahorn', ownerId: 'owner', ownerManagerId: 'boss' };
    const [late] = openComplaintFollowUps([complaint, { ...complaint, occurredAt: ago(14) }], defaults.openComplaints, NOW);
    expect([late?.assigneeId, late?.reason.en]).toEqual(['owner', 'complaint open for 15 days, limit 14; escalated to the account owner']);
  });

  it("escalates to the owner's manager when the rule says so, to the owner when they have none, and to a chosen person above both", () => {
    const complaint = { interactionId: 'c', occurredAt: ago(15), accountId: 'a', accountName: 'Ahorn', ownerId: 'owner', ownerManagerId: 'boss' };
    const rule = { ...defaults.openComplaints, toOwnersManager: true };
    const [managed, unmanaged] = openComplaintFollowUps([complaint, { ...complaint, interactionId: 'd', ownerManagerId: null }], rule, NOW);
    expect([managed?.assigneeId, managed?.reason.de]).toEqual(['boss', 'Beschwerde seit 15 Tagen offen, Grenze 14; eskaliert an die Führungskraft des Kontoverantwortlichen']);
    expect([unmanaged?.assigneeId, unmanaged?.reason.en]).toEqual(['owner', 'complaint open for 15 days, limit 14; escalated to the account owner']);
    const [chosen] = openComplaintFollowUps([complaint], { ...rule, escalateTo: 'chosen' }, NOW);
    expect([chosen?.assigneeId, chosen?.reason.en]).toEqual(['chosen', 'complaint open for 15 days, limit 14; escalated to the chosen person']);
  });

  it('names the factors that add points, largest first, once per quarter', () => {
    const factor = (name: RiskFactor['factor'], contribution: number): RiskFactor => ({ factor: name, contribution, weight: 35, inputs: {}, reason: '' });
    const [risk] = atRiskFollowUps([{ id: 'x', name: 'Eibe', ownerId: null, score: 60, factors: [factor('consents', 0), factor('complaints', 20), factor('inactivity', 35)] }], NOW);
    expect([risk?.period, risk?.reason.en]).toEqual(['2026-Q4', 'at risk: churn risk 60 of 100 (inactivity 35, complaints 20)']);
  });
});
