// The CSV cell rules without a database: quoting, the formula guard and the decimal comma.
import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine, guardFormula } from './csv-writer';

const text = (value: string | null) => ({ type: 'text' as const, value });

describe('csv writer', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+49 89 1234', "'+49 89 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tTab', "'\tTab"],
    ['\rCR', "'\rCR"],
    ['Müller = Mueller', 'Müller = Mueller'],
    ["'schon", "'schon"],
  ])('guards %j as %j', (input, output) => {
    expect(guardFormula(input)).toBe(output);
  });

  it('quotes fields with a semicolon, a quote or a line break, and only those', () => {
    const line = csvLine([text('a;b'), text('Er sagte "ja"'), text('Zeile 1\nZeile 2'), text('ohne'), text(null), text('\rx')], { decimal: 'comma' });
    expect(line).toBe(`"a;b";"Er sagte ""ja""";"Zeile 1\nZeile 2";ohne;;"'\rx"\r\n`);
  });

  it('writes decimals with two places, as comma or point, and timestamps in UTC without the T', () => {
    const cells = [
      { type: 'decimal' as const, value: 1234.5 },
      { type: 'integer' as const, value: 40 },
      { type: 'timestamp' as const, value: '2025-12-31T23:30:05.123Z' },
      { type: 'date' as const, value: '2025-12-31' },
    ];
    expect(csvLine(cells, { decimal: 'comma' })).toBe('1234,50;40;2025-12-31 23:30:05;2025-12-31\r\n');
    expect(csvLine(cells, { decimal: 'point' })).toBe('1234.50;40;2025-12-31 23:30:05;2025-12-31\r\n');
  });

  it('starts the file with the byte-order mark Excel needs to read UTF-8', () => {
    expect(csvHeader(['Firma', 'Straße'])).toBe('\uFEFFFirma;Straße\r\n');
  });
});
