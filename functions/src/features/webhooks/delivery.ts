// The outbox worker: sends due deliveries, signed, retried with exponential back-off for up to 24 hours, at least once.
import type { Queryable } from '../../core/db/db';
import { claimDue, markDelivered, markFailed, type ClaimedDelivery } from './store';
import { signatureHeaders } from './signature';

export type Sender = (url: string, init: { headers: Record<string, string>; body: string; timeoutMs: number }) => Promise<{ status: number }>;

/** Global fetch without following redirects: a receiver that moved is a failure the admin should see, not a hop. */
export const httpSender: Sender = async (url, init) => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'outlook-teams-crm-webhooks', ...init.headers },
    body: init.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(init.timeoutMs),
  });
  await response.body?.cancel();
  return { status: response.status };
};

export interface DeliveryOptions {
  now?: () => Date;
  send?: Sender;
  /** Deliveries claimed and sent side by side. */
  batch?: number;
  /** Longer than a send can take, so a live worker never loses its claim. */
  leaseMs?: number;
  timeoutMs?: number;
  /** Stop claiming after this wall-clock time (ms since epoch); what is left waits for the next tick. */
  deadline?: number;
}

const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 3_600_000;

/** 30 s, 1, 2, 4 ... minutes, at most an hour apart: about 30 attempts in the 24 hours. */
export const retryDelayMs = (attempts: number): number => Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);

/** The event as the receiver gets it: which record changed, never its content (read it through the API). */
export const eventBody = (d: Pick<ClaimedDelivery, 'type' | 'occurredAt' | 'tenantId' | 'entity' | 'entityId' | 'changedFields'>): string =>
  JSON.stringify({
    type: d.type,
    timestamp: d.occurredAt.toISOString(),
    data: { tenantId: d.tenantId, entity: d.entity, id: d.entityId, changedFields: d.changedFields },
  });

function failureOf(error: unknown, timeoutMs: number): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs / 1000} s`;
  const code = (error as { cause?: { code?: unknown } })?.cause?.code;
  return typeof code === 'string' ? `connection failed (${code})` : 'connection failed';
}

async function attempt(db: Queryable, d: ClaimedDelivery, options: Required<Omit<DeliveryOptions, 'deadline'>>): Promise<boolean> {
  const body = eventBody(d);
  let failure: { status: number | null; error: string };
  try {
    const { status } = await options.send(d.url, { headers: signatureHeaders(d.secret, d.eventId, options.now(), body), body, timeoutMs: options.timeoutMs });
    if (status >= 200 && status < 300) {
      await markDelivered(db, d, status, options.now());
      return true;
    }
    failure = { status, error: `HTTP ${status}` };
  } catch (error) {
    failure = { status: null, error: failureOf(error, options.timeoutMs) };
  }
  const now = options.now();
  const retryAt = now >= d.deadlineAt ? null : new Date(Math.min(now.getTime() + retryDelayMs(d.attempts), d.deadlineAt.getTime()));
  await markFailed(db, d, failure, now, retryAt);
  return false;
}

export async function deliverDue(db: Queryable, options: DeliveryOptions = {}): Promise<{ delivered: number; failed: number }> {
  const settings = {
    now: options.now ?? (() => new Date()),
    send: options.send ?? httpSender,
    batch: options.batch ?? 16,
    leaseMs: options.leaseMs ?? 60_000,
    timeoutMs: options.timeoutMs ?? 10_000,
  };
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  let delivered = 0;
  let failed = 0;
  while (Date.now() < deadline) {
    const claimed = await claimDue(db, settings.now(), settings.leaseMs, settings.batch);
    if (claimed.length === 0) break;
    const outcomes = await Promise.all(claimed.map((d) => attempt(db, d, settings)));
    delivered += outcomes.filter(Boolean).length;
    failed += outcomes.filter((ok) => !ok).length;
  }
  return { delivered, failed };
}
