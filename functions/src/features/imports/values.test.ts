import { describe, expect, it } from 'vitest';
import { detectDateOrder, detectNumberStyle, parseDate, parseDecimal } from './values';

describe('decimal values', () => {
  it('reads German and English amounts to the exact decimal, never a float', () => {
    expect(parseDecimal('1.234,56')).toEqual({ ok: true, value: '1234.56' });
    expect(parseDecimal('1,234.56')).toEqual({ ok: true, value: '1234.56' });
    expect(parseDecimal('-1.234.567,10 €')).toEqual({ ok: true, value: '-1234567.10' });
    expect(parseDecimal('EUR 0,1')).toEqual({ ok: true, value: '0.1' });
    expect(parseDecimal('1 234,5')).toEqual({ ok: true, value: '1234.5' });
    expect(parseDecimal('1\u00a0234\u00a0567')).toEqual({ ok: true, value: '1234567' });
    expect(parseDecimal('99,90')).toEqual({ ok: true, value: '99.90' });
    expect(parseDecimal('1234.5')).toEqual({ ok: true, value: '1234.5' });
    expect(parseDecimal('1.234.567')).toEqual({ ok: true, value: '1234567' });
    expect(parseDecimal('007')).toEqual({ ok: true, value: '7' });
  });

  it('keeps the value an XLSX number cell shows', () => {
    expect(parseDecimal(1234.56)).toEqual({ ok: true, value: '1234.56' });
    expect(parseDecimal(0.1 + 0.2)).toEqual({ ok: true, value: '0.30000000000000004' });
    expect(parseDecimal(1e21)).toEqual({ ok: true, value: '1000000000000000000000' });
  });

  it('reports "1.234" and "1,234" as ambiguous unless the column proves its notation', () => {
    expect(parseDecimal('1.234')).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      reason: '"1.234" is 1234 in German notation and 1.234 in English notation',
    });
    expect(parseDecimal('1,234')).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      reason: '"1,234" is 1.234 in German notation and 1234 in English notation',
    });
    expect(parseDecimal('1.234', 'de')).toEqual({ ok: true, value: '1234' });
    expect(parseDecimal('1.234', 'en')).toEqual({ ok: true, value: '1.234' });
    expect(parseDecimal('1,234', 'de')).toEqual({ ok: true, value: '1.234' });
  });

  it('learns the notation from the column, and says when the column mixes both', () => {
    expect(detectNumberStyle(['1.234', '99,90', null])).toBe('de');
    expect(detectNumberStyle(['1,234', '5.5'])).toBe('en');
    expect(detectNumberStyle(['1.234', '100'])).toBeNull();
    expect(detectNumberStyle(['1.234,56', '1,234.56'])).toBe('mixed');
    expect(parseDecimal('1,234.56', 'de')).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('refuses text that is no number', () => {
    expect(parseDecimal('12,34,5')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(parseDecimal('ca. 500')).toMatchObject({ ok: false, problem: 'invalid', reason: '"ca. 500" is not a number' });
    expect(parseDecimal('#N/A')).toMatchObject({ ok: false, problem: 'invalid' });
  });
});

describe('date values', () => {
  it('reads German, ISO and XLSX dates', () => {
    expect(parseDate('31.12.2025')).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseDate('1.2.2025')).toEqual({ ok: true, value: '2025-02-01' });
    expect(parseDate('31.12.2025 14:30')).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseDate('2025-12-31')).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseDate('2025-12-31T23:30:00+01:00')).toEqual({ ok: true, value: '2025-12-31' });
    expect(parseDate(new Date(Date.UTC(2025, 11, 31)))).toEqual({ ok: true, value: '2025-12-31' });
  });

  it('refuses dates the calendar does not have', () => {
    expect(parseDate('29.02.2025')).toMatchObject({ ok: false, problem: 'invalid', reason: '"29.02.2025" is not a date in the calendar' });
    expect(parseDate('2025-13-01')).toMatchObject({ ok: false, problem: 'invalid' });
    expect(parseDate(45657)).toMatchObject({ ok: false, problem: 'invalid' });
  });

  it('reports two-digit years and slashed dates either order reads, unless the column decides', () => {
    expect(parseDate('31.12.25')).toMatchObject({ ok: false, problem: 'ambiguous', reason: '"31.12.25" has a two-digit year: 1925 or 2025' });
    expect(parseDate('03/04/2025')).toMatchObject({
      ok: false,
      problem: 'ambiguous',
      reason: '"03/04/2025" is 03.04.2025 read day-first and 04.03.2025 read month-first',
    });
    expect(parseDate('13/04/2025')).toEqual({ ok: true, value: '2025-04-13' });
    expect(parseDate('04/13/2025')).toEqual({ ok: true, value: '2025-04-13' });
    expect(parseDate('04/04/2025')).toEqual({ ok: true, value: '2025-04-04' });
    expect(detectDateOrder(['13/04/2025', '03/04/2025'])).toBe('dmy');
    expect(detectDateOrder(['13/04/2025', '04/13/2025'])).toBe('mixed');
    expect(parseDate('03/04/2025', 'dmy')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('03/04/2025', 'mdy')).toEqual({ ok: true, value: '2025-03-04' });
  });
});
