// Churn risk against hand-computed contributions: the account's own rhythm, trend, complaints, consents and contacts.
import { describe, expect, it } from 'vitest';
import { InsightsSettings } from '@crm/common';
import { churnRisk, type ChurnInputs } from './churn';

const settings = InsightsSettings.parse({}).churn;
const now = new Date('2026-12-01T12:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
const quiet: ChurnInputs = {
  createdAt: daysAgo(1000),
  lastContactAt: daysAgo(1),
  medianGapDays: 7,
  revenueCents: 0,
  previousRevenueCents: 0,
  openComplaintsSince: [],
  withdrawingContacts: 0,
  activeContacts: 0,
  previousActiveContacts: 0,
};
const contribution = (inputs: Partial<ChurnInputs>, factor: string) =>
  churnRisk({ ...quiet, ...inputs }, now, settings, 90).factors.find((f) => f.factor === factor)?.contribution;

describe('churn risk', () => {
  it('scores nothing for an account in contact as usual', () => {
    const risk = churnRisk(quiet, now, settings, 90);
    expect(risk.score).toBe(0);
    expect(risk.factors.map((f) => [f.factor, f.contribution, f.weight])).toEqual([
      ['inactivity', 0, 35],
      ['revenueTrend', 0, 25],
      ['complaints', 0, 20],
      ['consents', 0, 10],
      ['buyingCenter', 0, 10],
    ]);
    expect(risk.sleeping).toBe(false);
  });

  it("measures silence against a quarterly customer's own rhythm, not against 40 days", () => {
    const quarterly = { medianGapDays: 91 };
    expect(contribution({ ...quarterly, lastContactAt: daysAgo(40) }, 'inactivity')).toBe(0);
    expect(contribution({ ...quarterly, lastContactAt: daysAgo(91) }, 'inactivity')).toBe(0);
    // 150 / 91 = 1.648 gaps: (1.648 - 1) / 2 * 35 = 11.3
    expect(contribution({ ...quarterly, lastContactAt: daysAgo(150) }, 'inactivity')).toBe(11.3);
    // Three gaps and more give the full weight.
    expect(contribution({ ...quarterly, lastContactAt: daysAgo(273) }, 'inactivity')).toBe(35);
    // It sleeps after max(90, 2 * 91) = 182 days, not after the tenant's 90.
    const at150 = churnRisk({ ...quiet, ...quarterly, lastContactAt: daysAgo(150) }, now, settings, 90);
    expect([at150.sleeping, at150.sleepingAfterDays]).toEqual([false, 182]);
    expect(churnRisk({ ...quiet, ...quarterly, lastContactAt: daysAgo(183) }, now, settings, 90).sleeping).toBe(true);
  });

  it("keeps the tenant's threshold for a weekly customer and for one without rhythm", () => {
    const weekly = churnRisk({ ...quiet, medianGapDays: 7, lastContactAt: daysAgo(40) }, now, settings, 90);
    expect([weekly.factors[0]?.contribution, weekly.sleeping, weekly.sleepingAfterDays]).toEqual([35, false, 90]);
    // Never contacted, created 200 days ago: 200 / 90 = 2.22 gaps -> (1.22 / 2) * 35 = 21.4, and sleeping.
    const never = churnRisk({ ...quiet, lastContactAt: null, medianGapDays: null, createdAt: daysAgo(200) }, now, settings, 90);
    expect([never.factors[0]?.contribution, never.sleeping, never.sleepingAfterDays]).toEqual([21.4, true, 90]);
    expect(never.factors[0]?.inputs).toEqual({ daysSinceContact: 200, medianGapDays: null, usualGapDays: 90 });
  });

  it('adds the revenue drop, open complaints by age, withdrawals and lost contacts', () => {
    // -30 %: 0.3 / 0.5 * 25 = 15. Growth adds nothing; without a previous period there is no trend.
    expect(contribution({ revenueCents: 700_000, previousRevenueCents: 1_000_000 }, 'revenueTrend')).toBe(15);
    expect(contribution({ revenueCents: 1_200_000, previousRevenueCents: 1_000_000 }, 'revenueTrend')).toBe(0);
    expect(contribution({ revenueCents: 1_200_000, previousRevenueCents: 0 }, 'revenueTrend')).toBe(0);
    // One complaint 30 days open: 0.5 + 0.25 = 0.75 of 2 -> 7.5; with one 90 days open: 1.75 of 2 -> 17.5.
    expect(contribution({ openComplaintsSince: [daysAgo(30)] }, 'complaints')).toBe(7.5);
    expect(contribution({ openComplaintsSince: [daysAgo(30), daysAgo(90)] }, 'complaints')).toBe(17.5);
    expect(contribution({ withdrawingContacts: 1 }, 'consents')).toBe(5);
    expect(contribution({ withdrawingContacts: 3 }, 'consents')).toBe(10);
    // Four contacts before, one now: 3 / 4 of 10.
    expect(contribution({ activeContacts: 1, previousActiveContacts: 4 }, 'buyingCenter')).toBe(7.5);
    expect(contribution({ activeContacts: 5, previousActiveContacts: 4 }, 'buyingCenter')).toBe(0);
  });

  it('sums the contributions into the score', () => {
    const risk = churnRisk(
      {
        ...quiet,
        medianGapDays: 91,
        lastContactAt: daysAgo(150),
        revenueCents: 700_000,
        previousRevenueCents: 1_000_000,
        openComplaintsSince: [daysAgo(30)],
        withdrawingContacts: 1,
        activeContacts: 1,
        previousActiveContacts: 4,
      },
      now,
      settings,
      90,
    );
    // 11.3 + 15 + 7.5 + 5 + 7.5 = 46.3
    expect(risk.score).toBe(46);
    expect(risk.factors.map((f) => f.reason)).toEqual([
      'no contact for 150 days, usually every 91',
      'revenue -30% against the previous period',
      '1 open complaint(s), the oldest 30 days old',
      '1 contact(s) withdrew a consent or objected in the period',
      '1 contact(s) took part in interactions in the period, 4 in the previous one',
    ]);
  });

  it('caps the score at 100 when an admin raises the weights', () => {
    const heavy = { ...settings, weights: { inactivity: 100, revenueTrend: 100, complaints: 0, consents: 0, buyingCenter: 0 } };
    const risk = churnRisk({ ...quiet, lastContactAt: daysAgo(400), revenueCents: 0, previousRevenueCents: 100 }, now, heavy, 90);
    expect(risk.score).toBe(100);
  });
});
