// Deterministic fault rules: each matches requests, optionally lets the first k through, then fires `times` times and is consumed.

export interface FaultMatch {
  /** User id or UPN/email of the mailbox in the request path. */
  mailbox?: string;
  pathIncludes?: string;
  method?: string;
}

export interface FaultRule {
  match?: FaultMatch;
  /** status: a Graph error reply; reset: the socket is destroyed; hang: no reply until the client gives up. */
  kind?: 'status' | 'reset' | 'hang';
  status?: number;
  code?: string;
  message?: string;
  retryAfterSeconds?: number;
  times?: number;
  afterRequests?: number;
}

export interface ArmedFault {
  readonly rule: FaultRule;
  remaining: number;
  toSkip: number;
  fired: number;
}

export interface FaultRequest {
  method: string;
  path: string;
  /** Every key the request's mailbox is known by (id, address), lower case. */
  mailboxKeys: string[];
}

const DEFAULT_ERRORS: Record<number, [string, string]> = {
  400: ['BadRequest', 'The request is malformed.'],
  401: ['InvalidAuthenticationToken', 'Access token has expired or is not yet valid.'],
  403: ['ErrorAccessDenied', 'Access is denied. Check credentials and try again.'],
  404: ['ErrorItemNotFound', 'The specified object was not found in the store.'],
  410: ['SyncStateNotFound', 'The sync state generation is invalid or expired.'],
  429: ['TooManyRequests', 'Please retry again later.'],
  500: ['InternalServerError', 'An internal server error occurred.'],
  502: ['BadGateway', 'Bad gateway.'],
  503: ['ServiceNotAvailable', 'The service is temporarily unavailable.'],
  504: ['GatewayTimeout', 'The gateway timed out.'],
};

/**
 * The two 429 codes Graph documents: TooManyRequests (Learn: "Microsoft Graph throttling guidance") and Exchange's
 * ApplicationThrottled when an app has more than four requests open against one mailbox (Learn: "Microsoft Graph service
 * limits", Outlook service limits). Both come with Retry-After.
 */
const MESSAGES_BY_CODE: Record<string, string> = {
  TooManyRequests: 'Please retry again later.',
  ApplicationThrottled: 'Application is over its MailboxConcurrency limit.',
};

/** code: the rule's own error code, whose documented message is used when the rule gives none. */
export const defaultError = (status: number, code?: string): [string, string] => {
  const [fallbackCode, fallbackMessage] = DEFAULT_ERRORS[status] ?? ['UnknownError', `Injected status ${status}.`];
  return code === undefined ? [fallbackCode, fallbackMessage] : [code, MESSAGES_BY_CODE[code] ?? fallbackMessage];
};

export class Faults {
  private readonly armed: ArmedFault[] = [];

  add(rule: FaultRule): ArmedFault {
    const fault: ArmedFault = { rule, remaining: rule.times ?? 1, toSkip: rule.afterRequests ?? 0, fired: 0 };
    this.armed.push(fault);
    return fault;
  }

  clear(): void {
    this.armed.length = 0;
  }

  /** Rules not yet used up, so a test can assert every injected fault actually fired. */
  pending(): readonly ArmedFault[] {
    return this.armed.filter((f) => f.remaining > 0);
  }

  /** First armed rule in insertion order that matches; skipping and firing are counted here, so call once per request. */
  take(req: FaultRequest): FaultRule | undefined {
    for (const fault of this.armed) {
      if (fault.remaining <= 0 || !matches(fault.rule.match, req)) continue;
      if (fault.toSkip > 0) {
        fault.toSkip -= 1;
        continue;
      }
      fault.remaining -= 1;
      fault.fired += 1;
      return fault.rule;
    }
    return undefined;
  }
}

function matches(match: FaultMatch | undefined, req: FaultRequest): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== req.method) return false;
  if (match.pathIncludes && !req.path.includes(match.pathIncludes)) return false;
  if (match.mailbox && !req.mailboxKeys.includes(match.mailbox.toLowerCase())) return false;
  return true;
}
