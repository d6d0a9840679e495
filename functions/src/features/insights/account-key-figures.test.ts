// An account's key figures from hand-made counts: the definitions of docs/INSIGHTS.md without a database.
import { describe, expect, it } from 'vitest';
import { accountKeyFiguresOf, winRateOf, type AccountKeyCounts } from './account-key-figures';

const NONE: AccountKeyCounts = {
  closed: [],
  complaints: undefined,
  responseTime: undefined,
  lines: undefined,
  purchases: 0,
  keyFields: undefined,
  logged: undefined,
  loggedFrom: '2025-12-01',
  loggedUntil: '2026-12-01T00:00:00.000Z',
};

describe('win rate', () => {
  it('adds the lost ones of each stage, in the order the rows name the stages', () => {
    expect(
      winRateOf([
        { status: 'lost', stage: 'negotiation', count: 1 },
        { status: 'won', stage: 'commit', count: 2 },
        { status: 'lost', stage: 'proposal', count: 2 },
        { status: 'lost', stage: 'negotiation', count: 3 },
      ]),
    ).toEqual({
      won: 2,
      lost: 6,
      rate: 0.25,
      lostByStage: [
        { stage: 'negotiation', count: 4 },
        { stage: 'proposal', count: 2 },
      ],
    });
  });

  it('has no rate when nothing closed', () => {
    expect(winRateOf([])).toEqual({ won: 0, lost: 0, rate: null, lostByStage: [] });
  });
});

describe('account key figures', () => {
  it('gives an account without any records zero counts, no rates, and its four empty fields', () => {
    const figures = accountKeyFiguresOf(NONE);
    expect(figures.complaints).toEqual({ count: 0, open: 0, resolved: 0, medianResolutionHours: null, p90ResolutionHours: null });
    expect(figures.responseTime).toEqual({ requests: 0, answered: 0, medianHours: null, p90Hours: null });
    expect(figures.productLines).toEqual({ lines: [], crossBuyer: false, withoutProductLine: 0 });
    expect(figures.purchases).toEqual({ count: 0, repeat: false });
    // 0 of the account's own 4 fields: a rate of 0, not none.
    expect(figures.dataQuality.completeness).toBe(0);
    expect(figures.dataQuality.accountFields.every((f) => f.filled === false)).toBe(true);
    expect(figures.adoption).toMatchObject({ logged: 0, perWeek: 0 });
  });

  it('counts the fields of the account and of its contacts, the contact field "account" left out', () => {
    const figures = accountKeyFiguresOf({
      ...NONE,
      keyFields: {
        accountFields: { owner: true, industry: true, domain: false, country: true },
        contacts: 3,
        contactFields: { email: 3, phone: 1, jobTitle: 2, buyingRole: 0 },
      },
    });
    expect(figures.dataQuality.contactFields.map((f) => f.field)).toEqual(['email', 'phone', 'jobTitle', 'buyingRole']);
    // (3 + 6) / (4 + 3 * 4) = 9 / 16.
    expect(figures.dataQuality.completeness).toBe(0.5625);
  });

  it('marks a cross-buyer and a repeat customer from two lines and two purchases, one of each not', () => {
    const two = accountKeyFiguresOf({ ...NONE, lines: { lines: ['Ersatzteile', 'Service'], withoutLine: 1 }, purchases: 2 });
    expect([two.productLines.crossBuyer, two.productLines.withoutProductLine, two.purchases.repeat]).toEqual([true, 1, true]);
    const one = accountKeyFiguresOf({ ...NONE, lines: { lines: ['Service'], withoutLine: 0 }, purchases: 1 });
    expect([one.productLines.crossBuyer, one.purchases.repeat]).toEqual([false, false]);
  });

  it('divides the logged interactions by the weeks of the period up to now, to two decimals', () => {
    // 9 logged in the 365 days from 1 December: 9 / (365 / 7) = 0.1726.
    const figures = accountKeyFiguresOf({ ...NONE, logged: new Map([['addin', 7], ['teams', 2]]) });
    expect(figures.adoption).toEqual({
      logged: 9,
      perWeek: 0.17,
      bySource: [
        { source: 'addin', count: 7 },
        { source: 'teams', count: 2 },
        { source: 'graph-sync', count: 0 },
        { source: 'api', count: 0 },
        { source: 'import', count: 0 },
      ],
    });
    // A period that has not begun yet has no weeks.
    expect(accountKeyFiguresOf({ ...NONE, loggedUntil: '2025-12-01T00:00:00.000Z' }).adoption.perWeek).toBeNull();
  });
});
