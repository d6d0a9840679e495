// A fake API for the front-ends' component tests, held to the endpoint catalogue: a request the real API would refuse is
// refused the same way (400, 428), and an answer the real API could never give (an id that is no UUID, a missing field)
// fails instead of letting a test pass on data the product never sees.
import type { z } from 'zod';
import { endpointByName, type endpoints, type Endpoint } from '../../api/endpoints';
import type { RouteName } from '../../api/routes';
import type { ApiClient, ApiResult, CallArgs } from '../api/api-client';
import { ApiError } from '../api/api-error';

type Catalogue = (typeof endpoints)[number];
type EndpointOf<N extends RouteName> = Extract<Catalogue, { name: N }>;
/** What the endpoint answers on success, as the client receives it. */
export type AnswerOf<N extends RouteName> = EndpointOf<N> extends { response: infer S extends z.ZodType } ? z.output<S> : undefined;

/**
 * An endpoint that answers no JSON (an export, a report) answers a file: a File, whose name is the download's; one that
 * answers JSON or a file by ?format= (`produces`, e.g. the personal-data PDF) may answer either.
 */
type Answered<N extends RouteName> =
  | AnswerOf<N>
  | Error
  | (EndpointOf<N> extends { response: z.ZodType } ? (EndpointOf<N> extends { produces: readonly string[] } ? File : never) : File);
/** Builds the answer from the request; an Error (e.g. an ApiError) is thrown to the caller instead. */
export type FakeAnswer<N extends RouteName> = (args: CallArgs<N>) => Answered<N> | Promise<Answered<N>>;
export type FakeAnswers = { [N in RouteName]?: FakeAnswer<N> };

export interface FakeCall {
  name: RouteName;
  args: { params?: Record<string, string>; query?: Record<string, unknown>; body?: Record<string, unknown>; ifMatch?: string; file?: Blob };
}

export interface FakeApi {
  client: ApiClient;
  calls: FakeCall[];
}

/** The fake was told to answer what the endpoint's response schema rejects: the fixture, not the product, is wrong. */
export class FakeContractError extends Error {
  override name = 'FakeContractError';
}

/** The query as the server receives it: the client's URL parameters, repeated keys as arrays, single ones as strings. */
function wireQuery(query: Record<string, unknown> | undefined): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    const items = (Array.isArray(value) ? value : [value]).map(String);
    result[key] = items.length === 1 ? items[0]! : items;
  }
  return result;
}

const wire = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

function refuseInvalid(endpoint: Endpoint, args: FakeCall['args']) {
  const parts = [
    ['path', endpoint.params, args.params ?? {}],
    ['query', endpoint.query, wireQuery(args.query)],
    ['body', endpoint.body, wire(args.body)],
  ] as const;
  for (const [location, schema, value] of parts) {
    if (!schema) continue;
    const result = schema.safeParse(value);
    if (result.success) continue;
    const errors = result.error.issues.map((issue) => ({ field: issue.path.join('.') || location, in: location, reason: issue.message }));
    const detail = `The ${location === 'body' ? 'request body' : location} is not valid: ${errors.map((e) => `${e.field} ${e.reason}`).join('; ')}`;
    throw new ApiError('invalid', 400, { type: 'about:blank', title: 'Bad Request', status: 400, detail, errors });
  }
  if (endpoint.ifMatch && !args.ifMatch) {
    throw new ApiError('changed', 428, { type: 'about:blank', title: 'Precondition Required', status: 428, detail: 'If-Match is required' });
  }
}

/** Answers each endpoint from the table; an endpoint without an answer fails loudly (500), so no test passes on a missing one. */
export function fakeApi(answers: FakeAnswers): FakeApi {
  const calls: FakeCall[] = [];
  const call = async (name: RouteName, args: FakeCall['args']): Promise<ApiResult<unknown>> => {
    calls.push({ name, args });
    const endpoint = endpointByName.get(name)!;
    refuseInvalid(endpoint, args);
    const answer = answers[name] as ((args: FakeCall['args']) => unknown) | undefined;
    if (!answer) throw new ApiError('server', 500, null);
    const data = await answer(args);
    if (data instanceof Error) throw data;
    if (data instanceof File && (!endpoint.response || endpoint.produces)) return { data: undefined, status: endpoint.status, etag: null, file: { blob: data, name: data.name } };
    const body = wire(data);
    const checked = endpoint.response?.safeParse(body);
    if (checked && !checked.success) {
      const issues = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
      const error = new FakeContractError(`the fake answer of ${name} is not what the API can answer: ${issues}`);
      // Components turn a failed call into an error notice; the reason belongs in the test's output.
      console.error(error.message);
      throw error;
    }
    const etag = (body as { etag?: unknown } | undefined)?.etag;
    return { data: body, status: endpoint.status, etag: typeof etag === 'string' ? etag : null };
  };
  // The answer's type per endpoint is what the response schema just checked at run time; the compiler cannot follow that.
  const client: ApiClient = async (name, args) => (await call(name, args as FakeCall['args'])) as ApiResult<never>;
  return { client, calls };
}
