// Content negotiation: which offered media type and language a request gets.
import { describe, expect, it } from 'vitest';
import { negotiateEncoding, negotiateLanguage, negotiateMediaType } from './negotiation';
import { HttpProblem } from './problem';

const offered = ['application/json', 'application/pdf'] as const;

describe('media type', () => {
  it('answers the first offered type to a client that sends no Accept or accepts anything', () => {
    expect(negotiateMediaType(null, offered)).toBe('application/json');
    expect(negotiateMediaType('*/*', offered)).toBe('application/json');
    expect(negotiateMediaType('text/html,application/xhtml+xml,*/*;q=0.8', offered)).toBe('application/json');
  });

  it('follows the weights, the most specific range deciding a type', () => {
    expect(negotiateMediaType('application/pdf', offered)).toBe('application/pdf');
    expect(negotiateMediaType('application/json;q=0.5, application/pdf', offered)).toBe('application/pdf');
    expect(negotiateMediaType('application/*;q=0.2, application/pdf;q=0.9', offered)).toBe('application/pdf');
    expect(negotiateMediaType('*/*;q=0.1, application/json;q=0', offered)).toBe('application/pdf');
  });

  it('lets ?format= name a type by its subtype, whatever Accept says', () => {
    expect(negotiateMediaType('application/json', offered, 'pdf')).toBe('application/pdf');
    expect(() => negotiateMediaType(null, offered, 'docx')).toThrow(HttpProblem);
  });

  it('refuses with 406 naming Accept when none is acceptable', () => {
    try {
      negotiateMediaType('text/csv, image/*', offered);
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ status: 406, errors: [{ field: 'Accept', in: 'header' }] });
    }
  });
});

describe('language', () => {
  it('takes the best supported language by weight, regions counting as their language', () => {
    expect(negotiateLanguage('en-US,en;q=0.9,de;q=0.8', ['de', 'en'])).toBe('en');
    expect(negotiateLanguage('fr-FR, de-AT;q=0.7, en;q=0.3', ['de', 'en'])).toBe('de');
  });

  it('falls back to the first supported language', () => {
    expect(negotiateLanguage(null, ['de', 'en'])).toBe('de');
    expect(negotiateLanguage('fr, es;q=0.5', ['de', 'en'])).toBe('de');
    expect(negotiateLanguage('en;q=0', ['de', 'en'])).toBe('de');
  });
});

describe('content coding', () => {
  const offered = ['br', 'gzip'] as const;
  it('takes the coding the client weighs highest, the first offered on a tie, and none when nothing offered is acceptable', () => {
    expect(negotiateEncoding(null, offered)).toBeNull();
    expect(negotiateEncoding('gzip, deflate, br, zstd', offered)).toBe('br');
    expect(negotiateEncoding('gzip;q=1, br;q=0.5', offered)).toBe('gzip');
    expect(negotiateEncoding('br;q=0, *', offered)).toBe('gzip');
    expect(negotiateEncoding('deflate', offered)).toBeNull();
    expect(negotiateEncoding('*;q=0', offered)).toBeNull();
    expect(negotiateEncoding('', offered)).toBeNull();
  });
});
