// Change-notification subscriptions: storage, the validation handshake, and delivery of change and lifecycle notifications.
import { randomUUID } from 'node:crypto';
import type { FakeGraphModel, Mailbox } from './model';
import { GraphError } from './http-util';
import type { ResourceKind } from './types';

export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: string;
  clientState: string | null;
  applicationId: string;
  creatorId: string;
  includeResourceData: boolean;
  latestSupportedTlsVersion: string;
  mailboxId: string;
  kind: ResourceKind;
  folderId: string | null;
}

export type LifecycleEvent = 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';

export interface Delivery {
  subscriptionId: string;
  url: string;
  /** 0 when the receiver could not be reached or did not answer in time. */
  status: number;
  ms: number;
}

/** Outlook resources allow at most 10080 minutes. */
const MAX_EXPIRATION_MINUTES = 10_080;

const RESOURCE_PATTERNS: [RegExp, ResourceKind][] = [
  [/^\/?users\/([^/]+)\/(?:calendar\/)?events$/i, 'events'],
  [/^\/?users\/([^/]+)\/contacts$/i, 'contacts'],
  [/^\/?users\/([^/]+)\/contactFolders\/([^/]+)\/contacts$/i, 'contacts'],
];

export function parseResource(resource: string, model: FakeGraphModel): { mailbox: Mailbox; kind: ResourceKind; folderId: string | null } {
  for (const [pattern, kind] of RESOURCE_PATTERNS) {
    const m = pattern.exec(resource);
    if (!m) continue;
    const mailbox = model.findMailbox(decodeURIComponent(m[1]!));
    if (!mailbox) throw new GraphError(404, 'ResourceNotFound', `Resource '${resource}' does not exist.`);
    return { mailbox, kind, folderId: m[2] ? decodeURIComponent(m[2]) : null };
  }
  throw new GraphError(400, 'InvalidRequest', `Resource '${resource}' is not supported for subscriptions by this fake.`);
}

export function checkExpiration(value: unknown, now: number): string {
  const ms = typeof value === 'string' ? Date.parse(value) : NaN;
  if (Number.isNaN(ms)) throw new GraphError(400, 'InvalidRequest', 'expirationDateTime is required and must be a date.');
  if (ms <= now) throw new GraphError(400, 'InvalidRequest', 'Subscription expiration must be in the future.');
  if (ms > now + MAX_EXPIRATION_MINUTES * 60_000)
    throw new GraphError(400, 'InvalidRequest', `Subscription expiration can only be ${MAX_EXPIRATION_MINUTES} minutes in the future.`);
  return new Date(ms).toISOString();
}

async function post(url: string, body: string, contentType: string, timeoutMs: number): Promise<{ status: number; text: string; type: string; ms: number }> {
  const started = performance.now();
  try {
    const res = await fetch(url, { method: 'POST', body, headers: { 'content-type': contentType }, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    return { status: res.status, text, type: res.headers.get('content-type') ?? '', ms: performance.now() - started };
  } catch {
    return { status: 0, text: '', type: '', ms: performance.now() - started };
  }
}

/**
 * The query value as Graph writes it: form-encoded (a space is "+", other reserved characters %xx in lower case), which
 * is what a receiver must decode. Learn: "Receive change notifications through webhooks", notification endpoint validation.
 */
export const formEncode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());

/**
 * Graph's handshake: POST {url}?validationToken=... with Content-Type text/plain and no body; the endpoint must answer
 * 200, text/plain, with the decoded token, within 10 seconds. The token has spaces and colons, as Graph's own does.
 */
export async function validateEndpoint(url: string, timeoutMs: number): Promise<boolean> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  const target = `${url}${url.includes('?') ? '&' : '?'}validationToken=${formEncode(token)}`;
  const reply = await post(target, '', 'text/plain; charset=utf-8', timeoutMs);
  return reply.status === 200 && reply.type.startsWith('text/plain') && reply.text === token;
}

export async function deliver(subscriptionId: string, url: string, payload: unknown, timeoutMs: number): Promise<Delivery> {
  const reply = await post(url, JSON.stringify(payload), 'application/json; charset=utf-8', timeoutMs);
  return { subscriptionId, url, status: reply.status, ms: reply.ms };
}

export class SubscriptionStore {
  private readonly all = new Map<string, Subscription>();

  constructor(private readonly now: () => number) {}

  add(subscription: Subscription): void {
    this.all.set(subscription.id, subscription);
  }

  /** Expired subscriptions are gone, as in Graph. */
  get(id: string): Subscription | undefined {
    const s = this.all.get(id);
    return s && Date.parse(s.expirationDateTime) > this.now() ? s : undefined;
  }

  list(): Subscription[] {
    return [...this.all.keys()].map((id) => this.get(id)).filter((s): s is Subscription => s !== undefined);
  }

  remove(id: string): boolean {
    return this.all.delete(id);
  }

  /** Lets a test simulate a subscription that lapsed without the client renewing it. */
  expire(id: string): void {
    const s = this.all.get(id);
    if (s) s.expirationDateTime = new Date(this.now() - 1000).toISOString();
  }
}

export function publicView(s: Subscription): Record<string, unknown> {
  const { mailboxId: _m, kind: _k, folderId: _f, ...rest } = s;
  return { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity', ...rest };
}
