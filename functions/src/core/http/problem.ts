// RFC 9457 problem documents: every failure the API returns says what went wrong and, for input, where.
import type { Problem } from '@crm/common';
import { AuthError } from '../auth/principal';
import { DomainError, type DomainErrorKind } from '../errors';

export type FieldError = NonNullable<Problem['errors']>[number];

const titles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Not allowed',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Changed by someone else',
  413: 'Request body too large',
  415: 'Unsupported media type',
  428: 'If-Match required',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** Thrown by request parsing; carries the finished problem. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problemResponse(
  status: number,
  detail: string,
  extra: { errors?: FieldError[]; instance?: string; headers?: Record<string, string>; details?: Record<string, unknown> } = {},
): Response {
  const body: Problem & Record<string, unknown> = {
    type: `https://httpstatuses.io/${status}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    ...(extra.instance ? { instance: `urn:invocation:${extra.instance}` } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.details ?? {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', ...extra.headers },
  });
}

const domainStatus: Record<DomainErrorKind, number> = {
  invalid: 400,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  forbidden: 403,
};

/** Known failures become their 4xx; anything else is a bug and gets a 500 that names the invocation to look up. */
export function problemFromError(error: unknown, instance: string, log: (message: string, error: unknown) => void): Response {
  if (error instanceof HttpProblem) return problemResponse(error.status, error.detail, { errors: error.errors, headers: error.headers, instance });
  if (error instanceof AuthError) {
    const headers: Record<string, string> =
      error.status === 401 ? { 'www-authenticate': `Bearer error="invalid_token", error_description="${error.message.replace(/"/g, "'")}"` } : {};
    return problemResponse(error.status, error.message, { headers, instance });
  }
  if (error instanceof DomainError) {
    const status = domainStatus[error.kind];
    const errors = error.field
      ? [{ field: error.field, in: error.location, reason: error.kind === 'invalid' ? error.message.replace(`${error.field}: `, '') : error.message }]
      : undefined;
    return problemResponse(status, error.message, { errors, instance, details: error.details });
  }
  log('unhandled error', error);
  return problemResponse(500, 'Something went wrong on our side. It has been logged; please try again.', { instance });
}
