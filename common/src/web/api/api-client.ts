// The typed API client of both front-ends: one call per catalogue endpoint, tokens attached, problems as ApiError.
import type { endpoints } from '../../api/endpoints';
import { routes, type RouteName } from '../../api/routes';
import type { z } from 'zod';
import { ApiError, kindOfStatus } from './api-error';
import type { TokenProvider } from '../auth/token-provider';

type Catalogue = (typeof endpoints)[number];
type EndpointOf<N extends RouteName> = Extract<Catalogue, { name: N }>;
type Input<E, K extends string> = E extends { [P in K]: infer S extends z.ZodType } ? z.input<S> : never;
type Output<E> = E extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;

export type CallArgs<N extends RouteName> = ([Input<EndpointOf<N>, 'params'>] extends [never]
  ? { params?: never }
  : { params: Input<EndpointOf<N>, 'params'> }) &
  ([Input<EndpointOf<N>, 'query'>] extends [never] ? { query?: never } : { query?: Input<EndpointOf<N>, 'query'> }) &
  ([Input<EndpointOf<N>, 'body'>] extends [never] ? { body?: never } : { body: Input<EndpointOf<N>, 'body'> }) &
  (EndpointOf<N> extends { ifMatch: true } ? { ifMatch: string } : { ifMatch?: never }) &
  // An endpoint that reads its body itself and declares no JSON body takes a file as the body (an import's upload).
  (EndpointOf<N> extends { raw: true } ? ([Input<EndpointOf<N>, 'body'>] extends [never] ? { file: Blob } : { file?: never }) : { file?: never }) & {
    signal?: AbortSignal;
  };

export interface ApiResult<T> {
  data: T;
  status: number;
  etag: string | null;
  /** The answer when it is a file (an export, an import's report), with the name the server gave it. */
  file?: { blob: Blob; name: string | null };
}

/** The file name of a Content-Disposition header (`attachment; filename="x.csv"`), or null. */
export function attachmentName(disposition: string | null): string | null {
  const match = /filename="([^"]*)"/i.exec(disposition ?? '') ?? /filename=([^;\s]+)/i.exec(disposition ?? '');
  return match?.[1] || null;
}

export type ApiClient = <N extends RouteName>(name: N, args: CallArgs<N>) => Promise<ApiResult<Output<EndpointOf<N>>>>;

const queryString = (query: Record<string, unknown> | undefined): string => {
  if (!query) return '';
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
};

/** A call's input as the URL and headers need it, whichever endpoint it is for. */
interface RequestArgs {
  params?: unknown;
  query?: unknown;
  body?: unknown;
  file?: unknown;
  ifMatch?: string;
}

/**
 * What a call to the endpoint at `route` sends but its token: method, URL and headers. The client sends this, and a
 * page's early requests (early-responses.ts) send the same, so the client can take their answers.
 */
export function routeRequest(
  baseUrl: string,
  [method, template]: readonly [string, string],
  args: RequestArgs,
  language?: 'de' | 'en',
): { method: string; url: string; headers: Record<string, string> } {
  const params = (args.params ?? {}) as Record<string, string>;
  const path = template.replace(/\{(\w+)\}/g, (_m, key: string) => encodeURIComponent(params[key] ?? ''));
  const headers: Record<string, string> = { accept: 'application/json' };
  if (language) headers['accept-language'] = language;
  if (args.body !== undefined) headers['content-type'] = 'application/json';
  if (args.file !== undefined) headers['content-type'] = 'application/octet-stream';
  if (args.ifMatch) headers['if-match'] = args.ifMatch;
  return { method, url: `${baseUrl}/api/${path}${queryString(args.query as Record<string, unknown> | undefined)}`, headers };
}

export function createApiClient(options: {
  baseUrl: string;
  tokens: TokenProvider;
  fetch?: typeof fetch;
  /** The UI's language, sent as Accept-Language so texts the API writes (import reasons, policies) match the page, not the browser. */
  language?: 'de' | 'en';
}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  return async (name, args) => {
    const { method, url, headers: unsigned } = routeRequest(options.baseUrl, routes[name], args, options.language);
    const signed = name !== 'health' && name !== 'openapi';
    const send = async (): Promise<Response> => {
      const headers = { ...unsigned };
      if (signed) headers.authorization = `Bearer ${await options.tokens.getToken()}`;
      try {
        return await doFetch(url, {
          method,
          headers,
          body: args.file ?? (args.body === undefined ? undefined : JSON.stringify(args.body)),
          signal: args.signal,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') throw error;
        throw new ApiError('offline', 0, null);
      }
    };
    let response = await send();
    // A cached token the API refuses (expired, or signed by a key the host no longer has) is dropped and the call made
    // once more with a fresh one; the API refuses before it acts, so sending again does nothing twice.
    if (response.status === 401 && signed && options.tokens.invalidate) {
      options.tokens.invalidate();
      response = await send();
    }
    const contentType = response.headers.get('content-type') ?? '';
    if (response.ok && contentType && !/json/.test(contentType)) {
      const file = { blob: await response.blob(), name: attachmentName(response.headers.get('content-disposition')) };
      return { data: undefined as never, status: response.status, etag: response.headers.get('etag'), file };
    }
    const text = await response.text();
    const json = text && /json/.test(contentType) ? JSON.parse(text) : undefined;
    if (!response.ok) {
      if (response.status === 401) options.tokens.invalidate?.();
      throw new ApiError(kindOfStatus(response.status), response.status, json ?? null);
    }
    return { data: json, status: response.status, etag: response.headers.get('etag') };
  };
}
