// What can go wrong calling the API, in a shape the UI can turn into words.
import type { Problem } from '../../contracts/primitives';

export type ApiErrorKind = 'offline' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'changed' | 'invalid' | 'server';

export class ApiError extends Error {
  constructor(
    readonly kind: ApiErrorKind,
    readonly status: number,
    /** The server's problem document, when it sent one. */
    readonly problem: (Problem & Record<string, unknown>) | null,
  ) {
    super(problem?.detail ?? `${kind} (${status})`);
    this.name = 'ApiError';
  }

  /** The reason the server gave for one input field, if any. */
  fieldReason(field: string): string | undefined {
    return this.problem?.errors?.find((e) => e.field === field)?.reason;
  }
}

export function kindOfStatus(status: number): ApiErrorKind {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 412 || status === 428) return 'changed';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}
