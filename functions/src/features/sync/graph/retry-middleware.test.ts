import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { RetryMiddleware, retryDelaySeconds } from './retry-middleware';

const clock = { now: () => Date.parse('2026-12-01T10:00:00Z') };

/** A next middleware answering the given statuses in turn, recording the Retry-Attempt header it saw. */
function answering(statuses: number[], headers: Record<string, string> = {}) {
  const seen: (string | undefined)[] = [];
  const next: Middleware = {
    execute: async (context: Context) => {
      seen.push((context.options?.headers as Record<string, string> | undefined)?.['Retry-Attempt']);
      context.response = new Response('{}', { status: statuses.shift() ?? 200, headers });
    },
  };
  return { next, seen };
}

describe('Graph retries', () => {
  it('waits as long as Retry-After says, in seconds or as an HTTP date, and caps the wait', () => {
    expect(retryDelaySeconds('7', 1, clock)).toBe(7);
    expect(retryDelaySeconds('Tue, 01 Dec 2026 10:00:30 GMT', 1, clock)).toBe(30);
    expect(retryDelaySeconds('Tue, 01 Dec 2026 09:59:00 GMT', 1, clock)).toBe(0);
    expect(retryDelaySeconds('3600', 1, clock)).toBe(180);
  });

  it('backs off 1 s, then exponentially, without Retry-After', () => {
    const noJitter = () => 0;
    expect([1, 2, 3, 4].map((retry) => retryDelaySeconds(null, retry, clock, noJitter))).toEqual([1, 3, 5, 9]);
    expect(retryDelaySeconds('soon', 1, clock, noJitter)).toBe(1);
  });

  it('retries 429, 503 and 504 with the waits asked for, numbering the attempts, and stops after the last retry', async () => {
    const waits: number[] = [];
    const middleware = new RetryMiddleware(3, async (ms) => void waits.push(ms), clock);
    const { next, seen } = answering([429, 503, 504], { 'retry-after': '2' });
    middleware.setNext(next);
    const context: Context = { request: 'https://graph.example/v1.0/users/a/events', options: {} };
    await middleware.execute(context);
    expect(context.response?.status).toBe(200);
    expect(waits).toEqual([2000, 2000, 2000]);
    expect(seen).toEqual([undefined, '1', '2', '3']);

    const giveUp = new RetryMiddleware(1, async (ms) => void waits.push(ms), clock);
    giveUp.setNext(answering([503, 503, 503], { 'retry-after': '1' }).next);
    const last: Context = { request: 'https://graph.example/v1.0/users/a/events', options: {} };
    await giveUp.execute(last);
    expect(last.response?.status).toBe(503);
  });

  it('passes other answers through at once', async () => {
    const waits: number[] = [];
    const middleware = new RetryMiddleware(3, async (ms) => void waits.push(ms), clock);
    middleware.setNext(answering([404]).next);
    const context: Context = { request: 'https://graph.example/v1.0/users/a/events', options: {} };
    await middleware.execute(context);
    expect(context.response?.status).toBe(404);
    expect(waits).toEqual([]);
  });
});
