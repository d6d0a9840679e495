import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useLoad } from './use-load';

afterEach(cleanup);

describe('useLoad', () => {
  it('never reports the last key’s answer as ready for a new key, and keeps it on screen while the new one loads', async () => {
    const answers = new Map<string, (value: string) => void>();
    const seen: Array<{ key: string; status: string; data: string | null }> = [];
    const { result, rerender } = renderHook(
      ({ key }) => {
        const load = useLoad((signal) => new Promise<string>((resolve) => (signal.aborted ? undefined : answers.set(key, resolve))), key);
        seen.push({ key, status: load.status, data: load.data });
        return load;
      },
      { initialProps: { key: 'page-1' } },
    );
    await waitFor(() => expect(answers.has('page-1')).toBe(true));
    act(() => answers.get('page-1')!('first page'));
    await waitFor(() => expect(result.current.status).toBe('ready'));

    rerender({ key: 'page-2' });
    expect(seen.filter((s) => s.key === 'page-2').every((s) => s.status === 'loading' && s.data === 'first page')).toBe(true);
    await waitFor(() => expect(answers.has('page-2')).toBe(true));
    act(() => answers.get('page-2')!('second page'));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 'second page' }));
    expect(seen.some((s) => s.key === 'page-2' && s.status === 'ready' && s.data === 'first page')).toBe(false);
  });

  it('reloads the same key as a new call', async () => {
    let calls = 0;
    const { result } = renderHook(() => useLoad(async () => ++calls, 'same'));
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 1 }));
    act(() => result.current.reload());
    expect(result.current).toMatchObject({ status: 'loading', data: 1 });
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 2 }));
  });

  it('starts ready with an answer the page already has, asks only on reload, and a new key asks again', async () => {
    const calls: string[] = [];
    const seen: string[] = [];
    const { result, rerender } = renderHook(
      ({ key }) => {
        const load = useLoad(async () => (calls.push(key), `${key} fetched`), key, 'given');
        seen.push(load.status);
        return load;
      },
      { initialProps: { key: 'first' } },
    );
    expect(result.current).toMatchObject({ status: 'ready', data: 'given' });
    await act(async () => undefined);
    expect(calls).toEqual([]);
    expect(seen.every((s) => s === 'ready')).toBe(true);
    act(() => result.current.reload());
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 'first fetched' }));
    rerender({ key: 'second' });
    await waitFor(() => expect(result.current).toMatchObject({ status: 'ready', data: 'second fetched' }));
    expect(calls).toEqual(['first', 'second']);
  });
});
