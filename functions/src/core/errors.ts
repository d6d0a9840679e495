// Domain failures that the transport turns into problem documents; nothing here knows HTTP.

export type DomainErrorKind = 'invalid' | 'not_found' | 'conflict' | 'precondition_failed' | 'forbidden';

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the error is about, e.g. "accountId" or "domains[0]". */
    readonly field?: string,
    /** Extra machine-readable facts, e.g. the id of the existing duplicate. */
    readonly details?: Record<string, unknown>,
    /** Where the field came from: the request body unless said otherwise. */
    readonly location: 'body' | 'query' | 'path' = 'body',
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const notFound = (entity: string) => new DomainError('not_found', `${entity} not found`);
export const invalid = (field: string, reason: string, location: 'body' | 'query' | 'path' = 'body') =>
  new DomainError('invalid', `${field}: ${reason}`, field, undefined, location);
export const conflict = (message: string, field?: string, details?: Record<string, unknown>) => new DomainError('conflict', message, field, details);
/** `lastChange` (who changed it, when, which fields) lets the writer decide between reloading and overwriting knowingly. */
export const staleVersion = (entity: string, lastChange?: unknown) =>
  new DomainError(
    'precondition_failed',
    `${entity} was changed by someone else since you read it; reload and try again`,
    undefined,
    lastChange ? { lastChange } : undefined,
  );
