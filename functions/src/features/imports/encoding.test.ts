import { describe, expect, it } from 'vitest';
import { decodeText, detectEncoding } from './encoding';
import { ImportFileError } from './import-file-error';

// "Müller; 1.234 € – ’s" as Excel's plain CSV writes it: Windows-1252, one byte per character.
const WINDOWS_1252 = Uint8Array.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x3b, 0x20, 0x31, 0x2e, 0x32, 0x33, 0x34, 0x20, 0x80, 0x20, 0x96, 0x20, 0x92, 0x73]);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('text encoding', () => {
  it('reads Windows-1252 with €, ’, – and umlauts where Node 20 TextDecoder gives control characters', () => {
    expect(detectEncoding(WINDOWS_1252).encoding).toBe('windows-1252');
    expect(decodeText(WINDOWS_1252, 'windows-1252')).toBe('Müller; 1.234 € – ’s');
    // The reason for iconv-lite: the platform decoder maps 0x80 to U+0080, not to €.
    expect(new TextDecoder('windows-1252').decode(Uint8Array.from([0x80]))).not.toBe('€');
  });

  it('tells UTF-8 with and without byte-order mark apart and drops the mark', () => {
    const text = 'Straße;Ölmühle € ’';
    expect(detectEncoding(utf8(text)).encoding).toBe('utf-8');
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    expect(detectEncoding(withBom).encoding).toBe('utf-8-bom');
    expect(decodeText(withBom, 'utf-8-bom')).toBe(text);
    expect(detectEncoding(utf8('Firma;PLZ')).reason).toBe('only ASCII characters');
  });

  it('reads UTF-16 as Excel saves "Unicode Text"', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...[...'Größe'].flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(detectEncoding(bytes).encoding).toBe('utf-16le');
    expect(decodeText(bytes, 'utf-16le')).toBe('Größe');
  });

  it('refuses a user override that does not fit the bytes instead of replacing characters', () => {
    expect(() => decodeText(WINDOWS_1252, 'utf-8')).toThrow(ImportFileError);
    expect(() => decodeText(Uint8Array.from([0x41, 0x81]), 'windows-1252')).toThrow(/does not define/);
  });
});
