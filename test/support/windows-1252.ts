// Bytes as Excel's "CSV (Trennzeichen-getrennt)" writes them, for the browser tests that upload a German list:
// Windows-1252, which is Latin-1 for umlauts and ß and 0x80 for €.
export function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));
}
