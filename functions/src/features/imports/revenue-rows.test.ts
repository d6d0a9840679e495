import { describe, expect, it } from 'vitest';
import { renderReason } from './reasons';
import { decideRevenueRows, parsePeriod, readFigures, type FiguresResult } from './revenue-rows';

const period = (cell: string | number | null, year: string | number | null = null) => parsePeriod(cell, year);

describe('revenue periods', () => {
  it('reads a year, and the ways lists write a month, as that month', () => {
    expect(period('2025')).toEqual({ ok: true, value: { kind: 'year', start: '2025-01-01' } });
    expect(period(2025)).toEqual({ ok: true, value: { kind: 'year', start: '2025-01-01' } });
    for (const written of [
      '2025-03',
      '03/2025',
      '3/2025',
      'März 2025',
      'Maerz 2025',
      'Mar 2025',
      'march 2025',
      'Mär. 2025',
      '31.03.2025',
      '2025-03-31',
      '1.3.2025',
    ])
      expect(period(written), written).toEqual({ ok: true, value: { kind: 'month', start: '2025-03-01' } });
    expect(period('Dezember 2024')).toEqual({ ok: true, value: { kind: 'month', start: '2024-12-01' } });
  });

  it('takes the year of a month written alone from the year column, and a year column alone as the year', () => {
    expect(period('3', '2025')).toEqual({ ok: true, value: { kind: 'month', start: '2025-03-01' } });
    expect(period('Okt', 2024)).toEqual({ ok: true, value: { kind: 'month', start: '2024-10-01' } });
    expect(period(null, '2024')).toEqual({ ok: true, value: { kind: 'year', start: '2024-01-01' } });
    expect(period('März')).toMatchObject({ ok: false, reasonCode: 'revenue.monthNeedsYear' });
    expect(period('03/2025', '2024')).toMatchObject({ ok: false, reasonCode: 'revenue.yearDiffers' });
  });

  it('refuses what is no period, naming the value', () => {
    for (const written of ['Q1 2025', '13/2025', '2025-13', 'Frühjahr 2025', '29.02.2025', '0/2025'])
      expect(period(written), written).toMatchObject({ ok: false, reasonCode: 'revenue.periodInvalid', reasonParams: { value: written } });
    expect(period(null)).toMatchObject({ ok: false, reasonCode: 'revenue.periodMissing' });
    expect(period('03/04/2025')).toMatchObject({ ok: false, reasonCode: 'revenue.periodAmbiguous' });
    expect(period('2025', 'zwanzig')).toMatchObject({ ok: false, reasonCode: 'revenue.yearInvalid' });
  });
});

describe('revenue figures', () => {
  const styles = { amount: null, cost: null };
  it('reads German amounts, an optional cost, and the tenant currency', () => {
    expect(readFigures({ 'revenue.period': '2025', 'revenue.amount': '1.234,56 €', 'revenue.cost': '800', 'revenue.currency': 'eur' }, styles, 'EUR')).toEqual({
      ok: true,
      value: { period: { kind: 'year', start: '2025-01-01' }, revenue: '1234.56', cost: '800' },
    });
    expect(readFigures({ 'revenue.period': '2025', 'revenue.amount': 99.9 }, styles, 'EUR')).toMatchObject({
      ok: true,
      value: { revenue: '99.9', cost: null },
    });
  });

  it('names the field of a missing, negative, ambiguous or foreign-currency figure', () => {
    const fails = (values: Record<string, string>) =>
      readFigures({ 'revenue.period': '2025', ...values }, styles, 'EUR') as Extract<FiguresResult, { ok: false }>;
    expect(fails({})).toMatchObject({ field: 'revenue.amount', why: { reasonCode: 'revenue.amountMissing' } });
    expect(fails({ 'revenue.amount': '-5,00' })).toMatchObject({ field: 'revenue.amount', why: { reasonCode: 'revenue.negative' } });
    expect(fails({ 'revenue.amount': '5', 'revenue.cost': '-1' })).toMatchObject({ field: 'revenue.cost', why: { reasonCode: 'revenue.negativeCost' } });
    expect(fails({ 'revenue.amount': '1.234' })).toMatchObject({ field: 'revenue.amount', why: { reasonCode: 'value.numberAmbiguous' } });
    expect(fails({ 'revenue.amount': '10,00', 'revenue.cost': '12,3456' })).toMatchObject({ field: 'revenue.cost', why: { reasonCode: 'revenue.tooPrecise' } });
    const usd = fails({ 'revenue.amount': '5', 'revenue.currency': 'USD' });
    expect(usd).toMatchObject({
      field: 'revenue.currency',
      why: { reasonCode: 'revenue.otherCurrency', reasonParams: { currency: 'USD', tenantCurrency: 'EUR' } },
    });
    expect(renderReason(usd.why, 'de')).toBe('die Währung USD ist nicht die Währung des CRM (EUR); die Beträge zuerst umrechnen');
  });
});

describe('revenue decisions', () => {
  const account = { ok: true as const, id: 'a1', name: 'Müller GmbH' };
  const figures = (start: string, revenue: string, cost: string | null = null): FiguresResult => ({
    ok: true,
    value: { period: { kind: start.length === 4 ? 'year' : 'month', start: start.length === 4 ? `${start}-01-01` : `${start}-01` }, revenue, cost },
  });
  it('creates a new period, shows old and new of a stored one, skips the same figures, and refuses a second row for a period', () => {
    const stored = new Map([
      ['a1\u0000year\u00002024-01-01', { id: 'r1', revenue: '5000.00', cost: null }],
      ['a1\u0000month\u00002025-01-01', { id: 'r2', revenue: '100.00', cost: '40.00' }],
    ]);
    const decided = decideRevenueRows(
      [
        { row: 2, accounts: account, figures: figures('2025-03', '1234.56') },
        { row: 3, accounts: account, figures: figures('2024', '6000', '4000') },
        { row: 4, accounts: account, figures: figures('2025-01', '100') },
        { row: 5, accounts: account, figures: figures('2025-03', '10') },
        { row: 6, accounts: { ok: false, field: 'account.name', why: { reason: 'unknown' } }, figures: figures('2025-03', '10') },
      ],
      stored,
    );
    expect(decided.map((d) => d.decision.action)).toEqual(['create', 'update', 'skip', 'error', 'error']);
    expect(decided[1]!.decision).toMatchObject({ existingId: 'r1', reasonParams: { oldRevenue: '5000.00', revenue: '6000', oldCost: '', cost: '4000' } });
    expect(renderReason(decided[1]!.decision, 'de')).toBe('2024 für Müller GmbH ist gespeichert: Umsatz 5.000,00 -> 6.000,00, Kosten keine -> 4.000,00');
    expect(renderReason(decided[0]!.decision, 'de')).toBe('03/2025 für Müller GmbH: Umsatz 1.234,56');
    expect(decided[3]!.decision).toMatchObject({ field: 'revenue.period', reasonCode: 'revenue.sameAsRow', reasonParams: { row: 2 } });
    expect(decided[3]!.plan).toBeNull();
    expect(decided[0]!.plan).toEqual({
      accountId: 'a1',
      accountName: 'Müller GmbH',
      periodKind: 'month',
      periodStart: '2025-03-01',
      revenue: '1234.56',
      cost: null,
    });
  });
});
