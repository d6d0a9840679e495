// Retries 429, 503 and 504 the way Microsoft documents for Graph: after Retry-After when given, otherwise with growing back-off.
// Our own middleware instead of the client's RetryHandler, because that one sleeps on a private timer no test can replace.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { Clock, Sleep } from '../clock';

const RETRY_STATUSES = new Set([429, 503, 504]);
/** The client's RetryHandler caps a single wait at 180 s; the sync records a failure rather than block longer. */
const MAX_DELAY_SECONDS = 180;

/** Seconds to wait before retry number `retry` (1 for the first): Retry-After in seconds or as an HTTP date, else 1 s growing exponentially. */
export function retryDelaySeconds(retryAfter: string | null, retry: number, clock: Clock, random: () => number = Math.random): number {
  const asked = retryAfter === null || retryAfter.trim() === '' ? NaN : Number(retryAfter);
  const atDate = retryAfter !== null && Number.isNaN(asked) ? (new Date(retryAfter).getTime() - clock.now()) / 1000 : NaN;
  const delay = !Number.isNaN(asked)
    ? asked
    : !Number.isNaN(atDate)
      ? Math.round(atDate)
      : (retry >= 2 ? Math.round((2 ** retry - 1) / 2) : 0) + 1 + random();
  return Math.max(0, Math.min(delay, MAX_DELAY_SECONDS));
}

export class RetryMiddleware implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly maxRetries: number,
    private readonly sleep: Sleep,
    private readonly clock: Clock,
  ) {}

  async execute(context: Context): Promise<void> {
    for (let retry = 1; ; retry++) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRY_STATUSES.has(response.status) || retry > this.maxRetries) return;
      // The refused answer is dropped unread; releasing its body frees the connection for the retry.
      await response.body?.cancel().catch(() => undefined);
      const options = (context.options ??= {});
      options.headers = { ...(options.headers as Record<string, string>), 'Retry-Attempt': String(retry) };
      await this.sleep(retryDelaySeconds(response.headers.get('retry-after'), retry, this.clock) * 1000);
    }
  }

  setNext(next: Middleware) {
    this.next = next;
  }
}
