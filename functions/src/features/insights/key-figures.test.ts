// The key figures' arithmetic on hand-made counts: the database tests (key-figures-db.test.ts) check the counts.
import { describe, expect, it } from 'vitest';
import { adoptionOf, crossSellingOf, dataQualityOf, repeatPurchaseOf } from './key-figures';

describe('adoption', () => {
  it('cuts the first and last week to the period, which need not start on a Monday', () => {
    // March 2026 begins on a Sunday: the week of Monday 23 February holds one day of it, the week of 30 March two.
    const adoption = adoptionOf(
      [
        { week: '2026-02-23', source: 'addin', count: 3 },
        { week: '2026-03-02', source: 'import', count: 40 },
        { week: '2026-03-02', source: 'addin', count: 2 },
      ],
      '2026-03-01',
      '2026-04-01T00:00:00.000Z',
    );
    expect(adoption.weeks.map((w) => [w.weekStart, w.days, w.count])).toEqual([
      ['2026-02-23', 1, 3],
      ['2026-03-02', 7, 42],
      ['2026-03-09', 7, 0],
      ['2026-03-16', 7, 0],
      ['2026-03-23', 7, 0],
      ['2026-03-30', 2, 0],
    ]);
    // 45 in 31 days: 45 / (31 / 7) = 10.16.
    expect(adoption).toMatchObject({ logged: 45, perWeek: 10.2 });
    expect(adoption.bySource.find((s) => s.source === 'import')).toEqual({ source: 'import', count: 40 });
  });

  it('has no weeks and no rate for a period that has not begun', () => {
    expect(adoptionOf([], '2027-01-01', '2026-12-01T12:00:00.000Z')).toMatchObject({ logged: 0, perWeek: null, weeks: [] });
  });

  it('counts a day begun as a day of the week, and the rate by the time that passed', () => {
    const adoption = adoptionOf([{ week: '2026-11-30', source: 'teams', count: 7 }], '2026-12-01', '2026-12-01T12:00:00.000Z');
    expect(adoption.weeks).toEqual([expect.objectContaining({ weekStart: '2026-11-30', days: 1, count: 7 })]);
    // 7 in half a day: 98 a week.
    expect(adoption.perWeek).toBe(98);
  });
});

describe('cross-selling and repeat purchases', () => {
  it('counts buyers by their product lines, the won deals without a line apart', () => {
    expect(
      crossSellingOf([
        { lines: ['Pumps', 'Valves'], withoutLine: 0 },
        { lines: ['Pumps'], withoutLine: 1 },
        { lines: [], withoutLine: 2 },
        { lines: ['Pumps', 'Service', 'Valves'], withoutLine: 0 },
      ]),
    ).toEqual({ buyers: 3, crossBuyers: 2, rate: 0.6667, withoutProductLine: 3 });
  });

  it('counts customers by their purchases', () => {
    expect(repeatPurchaseOf([1, 2, 5, 1])).toEqual({ customers: 4, repeatCustomers: 2, rate: 0.5, purchases: 9 });
    expect(repeatPurchaseOf([])).toEqual({ customers: 0, repeatCustomers: 0, rate: null, purchases: 0 });
  });
});

describe('data quality', () => {
  it('weighs every key field of every record alike', () => {
    const quality = dataQualityOf(
      {
        accounts: 2,
        contacts: 1,
        accountFields: { owner: 2, industry: 1, domain: 0, country: 0 },
        contactFields: { account: 1, email: 1, phone: 0, jobTitle: 0, buyingRole: 0 },
      },
      { accounts: 1, contacts: 0 },
    );
    // (3 + 2) / (2 * 4 + 1 * 5) = 5 / 13.
    expect(quality.completeness).toBe(0.3846);
    expect(quality.accountFields.map((f) => f.field)).toEqual(['owner', 'industry', 'domain', 'country']);
    expect(quality.duplicates).toEqual({ accounts: 1, contacts: 0 });
  });
});
