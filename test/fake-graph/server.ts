// startFakeGraph: an HTTPS fake of Microsoft Graph and its token endpoint on 127.0.0.1, with latency, faults and request accounting.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { handleAuth, TokenIssuer, type ClientCredential } from './auth';
import { generateCertificate, type TlsMaterial } from './certificate';
import type { RouteContext } from './context';
import { SnapshotStore } from './delta';
import { defaultError, Faults, type FaultRule } from './faults';
import { routeUsers } from './graph-routes';
import { GraphError, sendGraphError } from './http-util';
import { FakeGraphModel } from './model';
import { notify, sendLifecycle, type NotifierContext, type NotifyOptions } from './notifier';
import { routeSubscriptions } from './subscription-routes';
import { SubscriptionStore, type Delivery, type LifecycleEvent } from './subscriptions';
import type { ChangeType, ResourceKind } from './types';

export interface FakeGraphOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  tenantId?: string;
  model?: FakeGraphModel;
  latencyMs?: number;
  /** Page size without Prefer: odata.maxpagesize (Graph's event and contact delta default is 10). */
  defaultPageSize?: number;
  maxPageSize?: number;
  tls?: TlsMaterial;
  /** Accepted client credentials; empty accepts any. */
  clients?: ClientCredential[];
  tokenLifetimeSeconds?: number;
  /** Sends change notifications to subscribers whenever the model changes, as the real service does. */
  autoNotify?: boolean;
  validationTimeoutMs?: number;
  deliveryTimeoutMs?: number;
  /** Like Exchange Online's limit of 4 concurrent requests per app and mailbox: requests beyond it get 429. Off by default. */
  mailboxConcurrencyLimit?: number;
  /** Called once per request when it is answered, reset or abandoned by the client. */
  onRequestDone?: (entry: RequestLogEntry) => void;
}

export interface RequestLogEntry {
  method: string;
  /** Path without the query string, e.g. /v1.0/users/{id}/calendarView/delta. */
  path: string;
  query: string;
  /** User id of the mailbox the request addressed, when it addressed one. */
  mailbox: string | null;
  /** 0 while in flight, and for reset or hung requests. */
  status: number;
  fault: FaultRule['kind'] | null;
  time: number;
  durationMs: number;
}

export interface FakeGraph {
  /** https://127.0.0.1:PORT */
  url: string;
  /** GRAPH_BASE_URL: url + /v1.0 */
  graphBaseUrl: string;
  /** msal-node authority: url + /tenantId */
  authority: string;
  tenantId: string;
  /** PEM of the self-signed certificate, for NODE_EXTRA_CA_CERTS or trustFakeGraphCert. */
  certPem: string;
  model: FakeGraphModel;
  requests: RequestLogEntry[];
  peakConcurrency: Map<string, number>;
  inFlight: Map<string, number>;
  faults: Faults;
  tokens: TokenIssuer;
  subscriptions: SubscriptionStore;
  setLatency(ms: number): void;
  countRequests(filter?: { mailbox?: string; pathIncludes?: string; method?: string; status?: number }): number;
  resetStats(): void;
  notify(mailbox: string, resource: ResourceKind, changeType: ChangeType, options?: NotifyOptions): Promise<Delivery[]>;
  sendLifecycle(subscriptionId: string, event: LifecycleEvent, options?: { clientState?: string }): Promise<Delivery>;
  close(): Promise<void>;
}

const API_PREFIX = /^\/(v1\.0|beta)(\/.*)?$/;

export async function startFakeGraph(options: FakeGraphOptions = {}): Promise<FakeGraph> {
  const tls = options.tls ?? generateCertificate();
  const model = options.model ?? new FakeGraphModel();
  const tenantId = options.tenantId ?? '7c1d5a3e-2f4b-4c6d-9e8f-0a1b2c3d4e5f';
  const tokens = new TokenIssuer(options.tokenLifetimeSeconds ?? 3599, model.now);
  const subscriptions = new SubscriptionStore(model.now);
  const faults = new Faults();
  const requests: RequestLogEntry[] = [];
  const peakConcurrency = new Map<string, number>();
  const inFlight = new Map<string, number>();
  let latencyMs = options.latencyMs ?? 0;
  const pendingTimers = new Set<NodeJS.Timeout>();
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        pendingTimers.delete(t);
        resolve();
      }, ms);
      pendingTimers.add(t);
    });

  const ctx: RouteContext = {
    model,
    origin: '',
    tenantId,
    snapshots: new SnapshotStore(),
    subscriptions,
    defaultPageSize: options.defaultPageSize ?? 10,
    maxPageSize: options.maxPageSize ?? 1000,
    validationTimeoutMs: options.validationTimeoutMs ?? 10_000,
  };
  const notifier: NotifierContext = { model, subscriptions, tenantId, deliveryTimeoutMs: options.deliveryTimeoutMs ?? 10_000 };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', ctx.origin);
    const method = req.method ?? 'GET';
    const api = API_PREFIX.exec(url.pathname);
    const apiPath = api ? (api[2] ?? '/') : null;
    const parts = (apiPath ?? '').split('/').filter(Boolean).map(decodeURIComponent);
    const mailbox =
      parts[0] === 'users' && parts[1]
        ? (model.findMailbox(parts[1]) ?? null)
        : parts[0] === 'subscriptions' && parts[1]
          ? (model.mailboxes.get(subscriptions.get(parts[1])?.mailboxId ?? '') ?? null)
          : null;
    const mailboxKey = mailbox?.id ?? (parts[0] === 'users' && parts[1] ? parts[1].toLowerCase() : null);

    const entry: RequestLogEntry = {
      method,
      path: url.pathname,
      query: url.search,
      mailbox: mailboxKey,
      status: 0,
      fault: null,
      time: Date.now(),
      durationMs: 0,
    };
    requests.push(entry);
    const started = performance.now();
    if (mailboxKey) {
      const now = (inFlight.get(mailboxKey) ?? 0) + 1;
      inFlight.set(mailboxKey, now);
      peakConcurrency.set(mailboxKey, Math.max(peakConcurrency.get(mailboxKey) ?? 0, now));
    }
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      entry.status = res.headersSent ? res.statusCode : 0;
      entry.durationMs = performance.now() - started;
      if (mailboxKey) inFlight.set(mailboxKey, (inFlight.get(mailboxKey) ?? 1) - 1);
      options.onRequestDone?.(entry);
    };
    // Accounted before the bytes leave, so a client that has its reply always sees the request finished in the log.
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      if (!res.headersSent) res.writeHead(res.statusCode);
      finish();
      return end(...args);
    }) as typeof res.end;
    res.on('close', finish);

    const limit = options.mailboxConcurrencyLimit;
    if (limit !== undefined && mailboxKey && (inFlight.get(mailboxKey) ?? 0) > limit)
      throw new GraphError(429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', { 'retry-after': '1' });
    if (latencyMs > 0) await sleep(latencyMs);
    const fault = faults.take({ method, path: url.pathname, mailboxKeys: mailbox ? [mailbox.id.toLowerCase(), mailbox.mail] : mailboxKey ? [mailboxKey] : [] });
    if (fault) {
      entry.fault = fault.kind ?? 'status';
      if (fault.kind === 'reset') return void req.socket.destroy();
      if (fault.kind === 'hang') return;
      const status = fault.status ?? 503;
      const [code, message] = defaultError(status, fault.code);
      const retryAfter = fault.retryAfterSeconds ?? (status === 429 ? 1 : undefined);
      throw new GraphError(status, fault.code ?? code, fault.message ?? message, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
    }

    if (!api) {
      if (await handleAuth(req, res, url.pathname, { origin: ctx.origin, tenantId, issuer: tokens, clients: options.clients ?? [] })) return;
      throw new GraphError(404, 'NotFound', `No such path on the fake: ${url.pathname}`);
    }
    const auth = tokens.check(req.headers.authorization);
    if (auth !== 'ok') {
      const message =
        auth === 'missing'
          ? 'Access token is empty.'
          : auth === 'expired'
            ? 'Lifetime validation failed, the token is expired.'
            : 'IDX14100: JWT is not well formed.';
      throw new GraphError(401, 'InvalidAuthenticationToken', message, {
        'www-authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"',
      });
    }
    const linkBase = `${ctx.origin}${url.pathname}`;
    if (parts[0] === 'users') return routeUsers(ctx, req, res, parts.slice(1), url.searchParams, linkBase);
    if (parts[0] === 'subscriptions') return routeSubscriptions(ctx, req, res, parts.slice(1), tokens.clientIdOf(req.headers.authorization));
    throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${parts[0] ?? ''}'.`);
  }

  const server = createServer({ cert: tls.cert, key: tls.key }, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      sendGraphError(res, error instanceof GraphError ? error : new GraphError(500, 'InternalServerError', String(error)));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  ctx.origin = `https://127.0.0.1:${port}`;

  const unsubscribe = options.autoNotify
    ? model.onChange((change) => {
        void notify(notifier, change.mailboxId, change.resource, change.changeType, { id: change.id });
      })
    : () => undefined;

  return {
    url: ctx.origin,
    graphBaseUrl: `${ctx.origin}/v1.0`,
    authority: `${ctx.origin}/${tenantId}`,
    tenantId,
    certPem: tls.cert,
    model,
    requests,
    peakConcurrency,
    inFlight,
    faults,
    tokens,
    subscriptions,
    setLatency: (ms) => {
      latencyMs = ms;
    },
    countRequests: (filter = {}) =>
      requests.filter((r) => {
        if (filter.method && r.method !== filter.method.toUpperCase()) return false;
        if (filter.pathIncludes && !r.path.includes(filter.pathIncludes)) return false;
        if (filter.status !== undefined && r.status !== filter.status) return false;
        if (filter.mailbox && r.mailbox !== (model.findMailbox(filter.mailbox)?.id ?? filter.mailbox.toLowerCase())) return false;
        return true;
      }).length,
    resetStats: () => {
      requests.length = 0;
      peakConcurrency.clear();
    },
    notify: (mailbox, resource, changeType, notifyOptions) => notify(notifier, mailbox, resource, changeType, notifyOptions),
    sendLifecycle: (subscriptionId, event, lifecycleOptions) => sendLifecycle(notifier, subscriptionId, event, lifecycleOptions),
    close: async () => {
      unsubscribe();
      for (const t of pendingTimers) clearTimeout(t);
      pendingTimers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export { FakeGraphModel } from './model';
export { trustFakeGraphCert } from './trust';
export type { FaultRule } from './faults';
