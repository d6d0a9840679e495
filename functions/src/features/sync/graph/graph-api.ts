// The one door to Microsoft Graph: @microsoft/microsoft-graph-client with app tokens, retries, a per-mailbox limit and timeouts.
import graphClient from '@microsoft/microsoft-graph-client';
import type { Client as GraphClient, Context, Middleware } from '@microsoft/microsoft-graph-client';
import type { GraphConfig } from '../../../core/config';
import { realSleep, systemClock, type Clock, type Sleep } from '../clock';
import { SyncProviderError } from '../ports';
import type { AppTokens } from './app-tokens';
import { classifyGraphError } from './graph-errors';
import { MailboxLimiter } from './mailbox-limiter';
import { RetryMiddleware } from './retry-middleware';

const { Client, HTTPMessageHandler } = graphClient;

/** The limit Microsoft documents for concurrent requests against one mailbox. */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

export interface GraphApi {
  get<T>(tenantId: string, url: string, headers?: Record<string, string>): Promise<T>;
  post<T>(tenantId: string, url: string, body: unknown): Promise<T>;
  patch<T>(tenantId: string, url: string, body: unknown): Promise<T>;
  delete(tenantId: string, url: string): Promise<void>;
  /** HTTP requests sent per mailbox (retries included) and the most in flight at once. */
  readonly stats: { requests: Map<string, number>; peak: Map<string, number> };
}

const mailboxOf = (url: string): string => /\/users\/([^/?]+)/.exec(url)?.[1]?.toLowerCase() ?? '(tenant)';
const urlOf = (request: RequestInfo): string => (typeof request === 'string' ? request : request.url);

/** Every Graph request needs the tenant's app token; the client's own providers would not know the tenant. */
class AppTokenMiddleware implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly tenantId: string,
    private readonly tokens: AppTokens,
  ) {}
  async execute(context: Context): Promise<void> {
    const token = await this.tokens.token(this.tenantId);
    const options = (context.options ??= {});
    options.headers = { ...(options.headers as Record<string, string>), Authorization: `Bearer ${token}` };
    await this.next.execute(context);
  }
  setNext(next: Middleware) {
    this.next = next;
  }
}

/** Holds a mailbox slot across the retries of one request, so waiting out Retry-After never lets more through. */
class MailboxLimitMiddleware implements Middleware {
  private next!: Middleware;
  constructor(private readonly limiter: MailboxLimiter) {}
  execute(context: Context): Promise<void> {
    return this.limiter.run(mailboxOf(urlOf(context.request)), () => this.next.execute(context));
  }
  setNext(next: Middleware) {
    this.next = next;
  }
}

/** Innermost: each attempt gets its own deadline and is counted. */
class AttemptMiddleware implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly timeoutMs: number,
    private readonly requests: Map<string, number>,
  ) {}
  async execute(context: Context): Promise<void> {
    const mailbox = mailboxOf(urlOf(context.request));
    this.requests.set(mailbox, (this.requests.get(mailbox) ?? 0) + 1);
    (context.options ??= {}).signal = AbortSignal.timeout(this.timeoutMs);
    await this.next.execute(context);
  }
  setNext(next: Middleware) {
    this.next = next;
  }
}

export interface GraphApiOptions {
  /** Retries of one request after 429/503/504; afterwards the sync records the failure and tries again later. */
  maxRetries?: number;
  /** Waits out Retry-After and back-off; tests pass one that returns at once. */
  sleep?: Sleep;
  /** Reads Retry-After given as a date. */
  clock?: Clock;
}

export function createGraphApi(config: Pick<GraphConfig, 'baseUrl' | 'requestTimeoutMs'>, tokens: AppTokens, options: GraphApiOptions = {}): GraphApi {
  const base = new URL(config.baseUrl);
  const version = base.pathname.replace(/^\/+|\/+$/g, '') || 'v1.0';
  const limiter = new MailboxLimiter(MAX_CONCURRENT_PER_MAILBOX);
  const requests = new Map<string, number>();
  const clients = new Map<string, GraphClient>();
  const clientFor = (tenantId: string) => {
    let client = clients.get(tenantId);
    if (!client) {
      const chain: Middleware[] = [
        new AppTokenMiddleware(tenantId, tokens),
        new MailboxLimitMiddleware(limiter),
        // 429, 503 and 504 are retried here, waiting as long as Retry-After says.
        new RetryMiddleware(options.maxRetries ?? 3, options.sleep ?? realSleep, options.clock ?? systemClock),
        new AttemptMiddleware(config.requestTimeoutMs, requests),
        new HTTPMessageHandler(),
      ];
      for (let i = 0; i < chain.length - 1; i++) chain[i]!.setNext!(chain[i + 1]!);
      client = Client.initWithMiddleware({ middleware: chain[0]!, baseUrl: base.origin, defaultVersion: version, customHosts: new Set([base.hostname]) });
      clients.set(tenantId, client);
    }
    return client;
  };
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw new SyncProviderError(classifyGraphError(error));
    }
  };
  return {
    get: (tenantId, url, headers = {}) => call(() => clientFor(tenantId).api(url).headers(headers).get()),
    post: (tenantId, url, body) => call(() => clientFor(tenantId).api(url).post(body)),
    patch: (tenantId, url, body) => call(() => clientFor(tenantId).api(url).patch(body)),
    delete: (tenantId, url) => call(() => clientFor(tenantId).api(url).delete()),
    stats: { requests, peak: limiter.peak },
  };
}
