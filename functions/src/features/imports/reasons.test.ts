import { describe, expect, it } from 'vitest';
import { because, REASON_CODES, renderReason } from './reasons';
import { parseDate, parseDecimal } from './values';

// Any parameter a text asks for, so every text renders without knowing its parameters.
const anyParams = new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? 'P' : undefined), has: () => true });

describe('import reasons', () => {
  it('has a German and an English text for every code, and they differ', () => {
    expect(REASON_CODES.length).toBeGreaterThan(40);
    for (const code of REASON_CODES) {
      const en = renderReason({ reason: '', reasonCode: code, reasonParams: anyParams }, 'en');
      const de = renderReason({ reason: '', reasonCode: code, reasonParams: anyParams }, 'de');
      expect(en, code).not.toBe('');
      expect(de, code).not.toBe('');
      expect(de, code).not.toBe(en);
      expect(`${en} ${de}`, code).not.toMatch(/undefined|\[object/);
    }
  });

  it('stores the English text beside the code, and renders nested reasons in the language asked for', () => {
    const forms = because('name.legalFormsDiffer', { a: 'AG', b: 'GmbH' });
    const outer = because('account.numberMatchesButDiffers', { customerNumber: 'K-1', detail: because('name.legalFormDiffers', { forms }) });
    expect(outer.reason).toBe('customer number K-1 matches; the same name, but the legal forms differ (AG / GmbH): possibly different legal entities');
    // Nested reasons are kept as code and parameters only, not as text.
    expect(outer.reasonParams.detail).toEqual({
      code: 'name.legalFormDiffers',
      params: { forms: { code: 'name.legalFormsDiffer', params: { a: 'AG', b: 'GmbH' } } },
    });
    expect(renderReason(JSON.parse(JSON.stringify(outer)), 'de')).toBe(
      'Kundennummer K-1 stimmt überein; derselbe Name, aber die Rechtsformen unterscheiden sich (AG / GmbH): möglicherweise verschiedene Rechtsträger',
    );
    expect(renderReason(because('name.similar', { score: '0.87' }), 'de')).toBe('ähnliche Namen (Ähnlichkeit 0,87)');
    expect(renderReason(because('consent.recorded', { action: 'granted', source: 'Messe', date: '2024-03-15' }), 'de')).toBe(
      'erfasst: erteilt, Quelle „Messe“, 15.03.2024',
    );
  });

  it('renders the errors of numbers and dates in German', () => {
    const de = (result: ReturnType<typeof parseDecimal>) => (result.ok ? null : renderReason(result, 'de'));
    expect(de(parseDecimal('1.234'))).toBe('„1.234“ ist in deutscher Schreibweise 1234, in englischer 1,234');
    expect(de(parseDecimal('1,234.56', 'de'))).toBe('„1,234.56“ ist in englischer Schreibweise geschrieben, die Spalte in deutscher');
    expect(de(parseDate('31.12.25'))).toBe('„31.12.25“ hat eine zweistellige Jahreszahl: 1925 oder 2025');
    expect(de(parseDate('29.02.2025'))).toBe('„29.02.2025“ ist kein Datum im Kalender');
    expect(de(parseDate('03/04/2025'))).toBe('„03/04/2025“ ist 03.04.2025, wenn der Tag zuerst steht, und 04.03.2025, wenn der Monat zuerst steht');
  });

  it('keeps the English text of rows stored before the codes, and of texts no code covers', () => {
    expect(renderReason({ reason: 'the same company as row 2' }, 'de')).toBe('the same company as row 2');
    expect(renderReason({ reason: 'old text', reasonCode: 'no.such.code', reasonParams: {} }, 'de')).toBe('old text');
  });
});
