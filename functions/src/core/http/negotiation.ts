// Content negotiation for endpoints that answer more than JSON (RFC 9110 s.12.5.1 Accept, s.12.5.4 Accept-Language),
// and for answers sent compressed (s.12.5.3 Accept-Encoding).
import { HttpProblem } from './problem';

interface Preference {
  value: string;
  q: number;
}

/** The entries of an Accept or Accept-Language header with their weights; q=0 means "not this". */
function preferences(header: string): Preference[] {
  return header
    .split(',')
    .map((part) => {
      const [value = '', ...parameters] = part.split(';').map((p) => p.trim());
      const q = parameters.find((p) => /^q=/i.test(p));
      const weight = q ? Number(q.slice(2)) : 1;
      return { value: value.toLowerCase(), q: Number.isFinite(weight) ? weight : 0 };
    })
    .filter((p) => p.value !== '');
}

/** How well a media range matches a type: 3 exact, 2 type/*, 1 * / *, 0 not at all (the most specific range wins). */
function specificity(range: string, type: string): number {
  if (range === type) return 3;
  if (range === '*/*') return 1;
  return range.endsWith('/*') && type.startsWith(range.slice(0, -1)) ? 2 : 0;
}

const weightOf = (ranges: readonly Preference[], type: string): number => {
  let best = { specificity: 0, q: 0 };
  for (const range of ranges) {
    const s = specificity(range.value, type);
    if (s > best.specificity) best = { specificity: s, q: range.q };
  }
  return best.q;
};

/**
 * The offered media type the client prefers; ties go to the order offered, so the first (JSON) answers a client that
 * accepts anything. `format` (the ?format= parameter, a subtype such as "pdf") names one directly, for links a
 * browser opens. Throws 406 when the client accepts none of them.
 */
export function negotiateMediaType(accept: string | null, offered: readonly [string, ...string[]], format?: string): string {
  if (format !== undefined) {
    const named = offered.find((type) => type.split('/')[1] === format);
    if (named) return named;
    throw new HttpProblem(400, `The query is not valid: format must be one of ${offered.map((t) => t.split('/')[1]).join(', ')}`, [
      { field: 'format', in: 'query', reason: `must be one of ${offered.map((t) => t.split('/')[1]).join(', ')}` },
    ]);
  }
  if (!accept?.trim()) return offered[0];
  const ranges = preferences(accept);
  let chosen: { type: string; q: number } | null = null;
  for (const type of offered) {
    const q = weightOf(ranges, type);
    if (q > 0 && (!chosen || q > chosen.q)) chosen = { type, q };
  }
  if (chosen) return chosen.type;
  throw new HttpProblem(406, `This endpoint answers ${offered.join(' or ')}; the Accept header (${accept}) allows none of them.`, [
    { field: 'Accept', in: 'header', reason: `must allow ${offered.join(' or ')}` },
  ]);
}

/** The supported language the client prefers by Accept-Language ("de-DE" counts as "de"); the first supported one otherwise. */
export function negotiateLanguage<L extends string>(acceptLanguage: string | null, supported: readonly [L, ...L[]]): L {
  let chosen: { language: L; q: number } | null = null;
  for (const { value, q } of preferences(acceptLanguage ?? '')) {
    const primary = value.split('-')[0];
    const language = supported.find((l) => l === primary);
    if (language && q > 0 && (!chosen || q > chosen.q)) chosen = { language, q };
  }
  return chosen?.language ?? supported[0];
}

/**
 * The headers of an answer whose words depend on the request's headers: the same version in two languages, so caches
 * and If-None-Match must tell them apart. `vary` names every request header the answer was chosen by.
 */
export const answeredInLanguage = (language: string, vary = 'Accept-Language'): Record<string, string> => ({ 'content-language': language, vary });

/**
 * The offered content coding the client prefers by Accept-Encoding, or null for none (identity): no header, or none of
 * them acceptable (q=0, or not named and no `*`). Ties go to the order offered.
 */
export function negotiateEncoding<C extends string>(acceptEncoding: string | null, offered: readonly C[]): C | null {
  if (!acceptEncoding) return null;
  const codings = preferences(acceptEncoding);
  const any = codings.find((c) => c.value === '*');
  let best: { coding: C; q: number } | null = null;
  for (const coding of offered) {
    const q = codings.find((c) => c.value === coding)?.q ?? any?.q ?? 0;
    if (q > 0 && (!best || q > best.q)) best = { coding, q };
  }
  return best?.coding ?? null;
}
