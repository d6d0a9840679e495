// The verified caller as the token describes it, and the ways authentication can fail.
import type { AppRole } from '@crm/common';

export interface Principal {
  tenantId: string;
  /** Entra object id of the user. */
  oid: string;
  displayName: string;
  email: string | null;
  roles: AppRole[];
}

/** 401: no usable token. 403: a valid token without the scope or role the call needs. 503: keys unreachable. */
export class AuthError extends Error {
  constructor(
    readonly status: 401 | 403 | 503,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

export const unauthenticated = (message: string) => new AuthError(401, message);
export const forbidden = (message: string) => new AuthError(403, message);
export const keysUnavailable = () => new AuthError(503, 'the signing keys of the identity provider cannot be fetched right now; try again shortly');
