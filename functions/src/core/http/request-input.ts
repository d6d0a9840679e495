// Reads and validates what a request carries (path, query, JSON body, If-Match) against the shared contracts.
import type { z } from 'zod';
import { HttpProblem, type FieldError } from './problem';

export const MAX_BODY_BYTES = 1024 * 1024;

type Location = FieldError['in'];

const fieldPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');

function fieldErrors(error: z.ZodError, location: Location): FieldError[] {
  return error.issues.flatMap((issue): FieldError[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ field: fieldPath([...issue.path, key]), in: location, reason: 'is not a known field' }));
    }
    // A record's key is refused with a generic "Invalid key in record"; the key's own issue says why.
    if (issue.code === 'invalid_key') {
      return issue.issues.map((inner) => ({ field: fieldPath(issue.path), in: location, reason: `is not allowed as a key: ${inner.message}` }));
    }
    const missing = issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined;
    return [{ field: fieldPath(issue.path) || location, in: location, reason: missing ? 'is required' : issue.message }];
  });
}

export function validate<T extends z.ZodType>(schema: T, value: unknown, location: Location): z.output<T> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  const errors = fieldErrors(result.error, location);
  const summary = errors.map((e) => `${e.field} ${e.reason}`).join('; ');
  throw new HttpProblem(400, `The ${location === 'body' ? 'request body' : location} is not valid: ${summary}`, errors);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const HEX_PAIR = /^[0-9a-f]{2}$/i;

/**
 * Decodes one name or value as URLSearchParams does ("+" is a space, "%" without two hex digits stays as it is), except
 * that bytes which are not UTF-8 give null: URLSearchParams would turn them into U+FFFD and search for that instead.
 */
function decodeQueryComponent(text: string): string | null {
  const bytes = new TextEncoder().encode(text.replace(/\+/g, ' '));
  const decoded = new Uint8Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x25 ? String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0) : '';
    if (HEX_PAIR.test(hex)) {
      decoded[length++] = Number.parseInt(hex, 16);
      i += 2;
    } else {
      decoded[length++] = bytes[i]!;
    }
  }
  try {
    return strictUtf8.decode(decoded.subarray(0, length));
  } catch {
    return null;
  }
}

/** Repeated parameters (email=a&email=b) become arrays; single ones stay strings. */
export function queryObject(url: string): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const pair of new URL(url).search.slice(1).split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const key = decodeQueryComponent(at === -1 ? pair : pair.slice(0, at));
    const value = decodeQueryComponent(at === -1 ? '' : pair.slice(at + 1));
    if (key === null || value === null) {
      const field = key ?? 'query';
      throw new HttpProblem(400, `The query is not valid: ${field} is not UTF-8 once percent-decoded`, [
        { field, in: 'query', reason: 'is not UTF-8 once percent-decoded' },
      ]);
    }
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const sizeText = (bytes: number) => `${bytes} bytes (${bytes / (1024 * 1024)} MiB)`;

/**
 * Stops at the first chunk past the limit (MAX_BODY_BYTES unless an endpoint such as the import upload sets its own), so a
 * chunked upload without Content-Length is refused without buffering it all.
 * The rest is left unread rather than cancelled: cancelling would reset the connection before the 413 reaches the client.
 */
export async function readLimitedBody(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new HttpProblem(413, `The request body is ${declared} bytes; at most ${sizeText(limit)} are accepted.`);
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) throw new HttpProblem(413, `The request body is larger than ${sizeText(limit)}.`);
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

export async function readJsonBody(request: Request): Promise<unknown> {
  const bytes = await readLimitedBody(request);
  if (bytes.length === 0) throw new HttpProblem(400, 'A JSON request body is required.', [{ field: 'body', in: 'body', reason: 'is required' }]);
  const contentType = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(contentType)) {
    throw new HttpProblem(415, `Send the body as application/json (got ${contentType ? `"${contentType}"` : 'no Content-Type'}).`);
  }
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const reason = `is not valid JSON (${error instanceof Error ? error.message : 'unreadable'})`;
    throw new HttpProblem(400, `The request body ${reason}.`, [{ field: 'body', in: 'body', reason }]);
  }
}

/** The version named by If-Match; ETags are strong ("3"), weak ones (W/"3") name the same version. */
export function expectedVersion(request: Request): number {
  const header = request.headers.get('if-match');
  if (!header) {
    throw new HttpProblem(428, "Send If-Match with the ETag from your last read of this record, so that nobody's change is overwritten.", [
      { field: 'If-Match', in: 'header', reason: 'is required' },
    ]);
  }
  const match = header.trim().match(/^(?:W\/)?"(\d{1,9})"$/);
  if (!match) {
    throw new HttpProblem(412, 'If-Match does not name the current version of this record; reload it and try again.', [
      { field: 'If-Match', in: 'header', reason: 'must be the ETag from your last read, e.g. "3"' },
    ]);
  }
  return Number(match[1]);
}

/**
 * Whether If-None-Match names this ETag (or is *), so a GET may answer 304 without the body. Weak comparison, as RFC
 * 9110 asks for If-None-Match: W/"x" matches "x".
 */
export function noneMatchHolds(request: Request, etag: string): boolean {
  const header = request.headers.get('if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
