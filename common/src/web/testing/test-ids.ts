// Readable ids for fixtures that are still the UUIDs the contracts demand: testUuid('a1') is the same UUID in every test.
const HEX = /^[0-9a-f]{12}$/;

/** The label's bytes in hex fill the UUID's last group, so distinct labels of up to six ASCII characters stay distinct. */
export function testUuid(label: string): string {
  const hex = [...new TextEncoder().encode(label)]
    .map((byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .padStart(12, '0');
  if (!HEX.test(hex)) throw new Error(`testUuid takes up to six ASCII characters, not "${label}"`);
  return `00000000-0000-4000-8000-${hex}`;
}
