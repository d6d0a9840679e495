// Query strings are read as URLSearchParams reads them, except that bytes which are not UTF-8 are refused, not replaced.
import { describe, expect, it } from 'vitest';
import { HttpProblem } from './problem';
import { queryObject } from './request-input';

const asSearchParams = (url: string) => {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of new URL(url).searchParams) {
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
};

describe('queryObject', () => {
  it('reads names and values as URLSearchParams does, repeated ones as arrays', () => {
    const urls = [
      'https://crm.test/api/x?q=a+b&q=%2B&empty=&bare&&eq=1=2&percent=50%&bad=%zz&utf8=%C3%A4%F0%9F%98%80&raw=ä😀&%41=B',
      'https://crm.test/api/x',
      'https://crm.test/api/x?',
      'https://crm.test/api/x?q=1#fragment',
      'https://crm.test/api/x?=v&%=%25',
    ];
    for (const url of urls) expect(queryObject(url), url).toEqual(asSearchParams(url));
    expect(queryObject('https://crm.test/api/x?email=a&email=b&limit=1')).toEqual({ email: ['a', 'b'], limit: '1' });
  });

  it('refuses percent-encoded bytes that are not UTF-8, naming the parameter', () => {
    for (const [query, field] of [
      ['q=%ED%A0%80', 'q'], // an encoded lone surrogate
      ['q=a%FFb', 'q'],
      ['internetMessageId=%C3', 'internetMessageId'],
      ['%FF=1', 'query'],
    ]) {
      const url = `https://crm.test/api/x?${query}`;
      expect(JSON.stringify(asSearchParams(url)), 'URLSearchParams would read U+FFFD instead').toContain('\ufffd');
      let refused: unknown;
      try {
        queryObject(url);
      } catch (error) {
        refused = error;
      }
      expect(refused, query).toBeInstanceOf(HttpProblem);
      expect((refused as HttpProblem).status).toBe(400);
      expect((refused as HttpProblem).errors).toEqual([{ field, in: 'query', reason: 'is not UTF-8 once percent-decoded' }]);
    }
  });
});
