// Teams message HTML becomes plain text: tags gone, line breaks kept, entities decoded once, markup in the text kept as text.
import { describe, expect, it } from 'vitest';
import { firstLine, htmlToText, MAX_TEXT } from './html-text';

describe('htmlToText', () => {
  it('drops tags and keeps the line structure', () => {
    expect(htmlToText('<div><p>Hallo <b>Frau</b> Kunde,</p><p>die Lieferung<br>kommt&nbsp;Montag.</p><ul><li>eins</li><li>zwei</li></ul></div>')).toBe(
      'Hallo Frau Kunde,\ndie Lieferung\nkommt Montag.\n- eins\n- zwei',
    );
  });

  it('decodes entities once, so escaped markup stays text and nothing becomes a tag', () => {
    expect(htmlToText('&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; M&uuml;ller &#8364; &#x1F600;')).toBe('<script>alert(1)</script> &lt; Müller € 😀');
    expect(htmlToText('<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)>Text')).toBe('Text');
    expect(htmlToText('&#0; &#xD800; &unknown;')).toBe('&#0; &#xD800; &unknown;');
    expect(htmlToText('a\u0000b')).toBe('ab');
  });

  it('cuts at the summary limit', () => {
    expect(htmlToText(`<p>${'a'.repeat(MAX_TEXT + 10)}</p>`)).toHaveLength(MAX_TEXT);
  });

  it('takes the first non-blank line as a subject, shortened on a word', () => {
    expect(firstLine('\nAngebot Wartung\nDetails')).toBe('Angebot Wartung');
    const long = firstLine(`${'Wort '.repeat(40)}`, 30);
    expect(long.length).toBeLessThanOrEqual(30);
    expect(long.endsWith('…')).toBe(true);
  });
});
