// One way of comparing German and English text everywhere in imports: lower case, umlauts as their transcription
// (ä = ae, so "Müller" and "Mueller" are the same key), ß = ss, other accents dropped (é = e), and anything that is
// not a letter or digit a single space. The result is ASCII, so PostgreSQL compares it the same in every locale.
const TRANSCRIPTIONS: Record<string, string> = {
  ä: 'ae',
  ö: 'oe',
  ü: 'ue',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'oe',
  å: 'aa',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function foldText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüßæœøåłđðþı]/g, (char) => TRANSCRIPTIONS[char] ?? char)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
