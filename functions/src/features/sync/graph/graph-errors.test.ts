import { describe, expect, it } from 'vitest';
import { SyncProviderError } from '../ports';
import { classifyGraphError, ignoreNotFound } from './graph-errors';

const graphError = (statusCode: number, code: string, headers?: Record<string, string>) =>
  Object.assign(new Error(`${code} happened`), { statusCode, code, headers: new Headers(headers) });

describe('Graph error mapping', () => {
  it('maps permission, lost sync state, throttling, missing items and everything else', () => {
    expect(classifyGraphError(graphError(403, 'ErrorAccessDenied'))).toMatchObject({ kind: 'permission', status: 403 });
    expect(classifyGraphError(graphError(401, 'InvalidAuthenticationToken'))).toMatchObject({ kind: 'permission', status: 401 });
    expect(classifyGraphError(graphError(410, 'SyncStateNotFound'))).toMatchObject({ kind: 'reset' });
    expect(classifyGraphError(graphError(400, 'resyncRequired'))).toMatchObject({ kind: 'reset' });
    expect(classifyGraphError(graphError(429, 'TooManyRequests', { 'retry-after': '7' }))).toMatchObject({ kind: 'temporary', retryAfterSeconds: 7 });
    expect(classifyGraphError(graphError(503, 'ServiceUnavailable'))).toMatchObject({ kind: 'temporary', status: 503 });
    expect(classifyGraphError(graphError(404, 'ErrorItemNotFound'))).toMatchObject({ kind: 'not_found', status: 404 });
    expect(classifyGraphError(graphError(400, 'BadRequest'))).toMatchObject({ kind: 'fatal', status: 400 });
  });

  it('recognises the lost sync state whatever the case of the code', () => {
    for (const code of ['syncStateNotFound', 'SYNCSTATENOTFOUND', 'ResyncRequired', 'syncStateInvalid'])
      expect(classifyGraphError(graphError(400, code))).toMatchObject({ kind: 'reset', status: 400 });
  });

  it('treats errors without a status (connection reset, timeout) as temporary', () => {
    expect(classifyGraphError(Object.assign(new Error('The operation was aborted due to timeout'), { statusCode: -1 }))).toMatchObject({
      kind: 'temporary',
      status: null,
    });
    expect(classifyGraphError(new TypeError('fetch failed'))).toMatchObject({ kind: 'temporary', status: null });
  });

  it('lets a delete of something already gone succeed, and nothing else', async () => {
    await expect(ignoreNotFound(() => Promise.reject(new SyncProviderError({ kind: 'not_found', status: 404, message: 'gone' })))).resolves.toBeUndefined();
    await expect(ignoreNotFound(() => Promise.reject(new SyncProviderError({ kind: 'fatal', status: 400, message: 'bad' })))).rejects.toThrow('bad');
  });
});
