// Text encodings of CSV files as Excel and older tools write them. Windows-1252 is decoded with iconv-lite because
// Node 20's TextDecoder('windows-1252') follows the WHATWG table only for 0xA0-0xFF and turns 0x80-0x9F (€, ’, „, –)
// into C1 control characters.
import iconv from 'iconv-lite';
import type { ImportEncoding } from '@crm/common';
import { ImportFileError } from './import-file-error';

export interface DetectedEncoding {
  encoding: ImportEncoding;
  reason: string;
  /** The reason's code (reasons.ts), so the preview can word it in German too. */
  code: 'format.utf8Bom' | 'format.utf16le' | 'format.utf16be' | 'format.ascii' | 'format.utf8' | 'format.windows1252';
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((byte, i) => bytes[i] === byte);

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: 'utf-8-bom', reason: 'UTF-8 byte-order mark at the start', code: 'format.utf8Bom' };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: 'utf-16le', reason: 'UTF-16 little-endian byte-order mark at the start', code: 'format.utf16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: 'utf-16be', reason: 'UTF-16 big-endian byte-order mark at the start', code: 'format.utf16be' };
  if (bytes.every((byte) => byte < 0x80)) return { encoding: 'utf-8', reason: 'only ASCII characters', code: 'format.ascii' };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', reason: 'valid UTF-8 without byte-order mark', code: 'format.utf8' };
  } catch {
    // A byte sequence UTF-8 forbids (such as a lone 0xFC for ü) is what Windows-1252 files look like.
    return { encoding: 'windows-1252', reason: 'not valid UTF-8, read as Windows-1252 (Excel "CSV (Trennzeichen-getrennt)")', code: 'format.windows1252' };
  }
}

/** Decodes without the byte-order mark; text that is not valid in the chosen encoding is an error, never replaced quietly. */
export function decodeText(bytes: Uint8Array, encoding: ImportEncoding): string {
  switch (encoding) {
    case 'utf-8':
    case 'utf-8-bom':
      try {
        return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
      } catch {
        throw new ImportFileError('invalid_encoding', 'The file is not valid UTF-8; choose Windows-1252 if it was saved by Excel as plain CSV.');
      }
    case 'utf-16le':
    case 'utf-16be': {
      if (bytes.length % 2 !== 0) throw new ImportFileError('invalid_encoding', 'The file has an odd number of bytes, so it cannot be UTF-16.');
      const text = iconv.decode(Buffer.from(bytes), encoding, { stripBOM: true });
      if (text.includes('\uFFFD')) throw new ImportFileError('invalid_encoding', `The file is not valid ${encoding.toUpperCase()}.`);
      return text;
    }
    case 'windows-1252': {
      // Five bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) have no character in Windows-1252; iconv-lite gives U+FFFD for them.
      const text = iconv.decode(Buffer.from(bytes), 'windows-1252');
      if (text.includes('\uFFFD'))
        throw new ImportFileError('invalid_encoding', 'The file has bytes that Windows-1252 does not define; it is in another encoding.');
      return text;
    }
  }
}
