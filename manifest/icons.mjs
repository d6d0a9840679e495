// Draws the app's icons as PNG (a white contact-card glyph) without image tools, for the manifest and the ribbon.
import { deflateSync } from 'node:zlib';

const ACCENT = [0x0f, 0x6c, 0xbd, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes) => {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encode(size, pixel) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let x = 0; x < size; x++) row.set(pixel(x / size, y / size), 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

/** The glyph in unit coordinates: a head and shoulders on a card. */
function glyph(u, v) {
  const head = (u - 0.5) ** 2 + (v - 0.4) ** 2 < 0.014;
  const shoulders = v > 0.56 && v < 0.72 && Math.abs(u - 0.5) < 0.2 - (0.72 - v) * 0.4;
  const card = (u > 0.22 && u < 0.78 && (Math.abs(v - 0.22) < 0.025 || Math.abs(v - 0.8) < 0.025)) || (v > 0.22 && v < 0.8 && (Math.abs(u - 0.22) < 0.025 || Math.abs(u - 0.78) < 0.025));
  return head || shoulders || card;
}

/** Full-colour icon: accent background with the white glyph (Teams' 192x192 "color" icon, ribbon icons). */
export const colorIcon = (size) => encode(size, (u, v) => (glyph(u, v) ? WHITE : ACCENT));

/** Outline icon: the white glyph on transparent, as Teams requires for the 32x32 "outline" icon. */
export const outlineIcon = (size) => encode(size, (u, v) => (glyph(u, v) ? WHITE : [0, 0, 0, 0]));

/**
 * The pixel sizes the add-in's build writes to addin/dist/assets: the ribbon's 16/32/80, the XML manifest's app icon
 * 64/128, and Outlook mobile's 25/32/48 at scales 1 to 3.
 */
export const ADDIN_ICON_SIZES = [16, 25, 32, 48, 50, 64, 75, 80, 96, 128, 144];
