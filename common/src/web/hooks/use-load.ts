// One screen's data from one call: loading, the answer or the error, and reload after a change (the Teams tabs and the insights blocks).
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';

export type Load<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; data: T | null; error: unknown };

/**
 * `initial` is the first call's answer when the page already has it (the account tab waits for its first requests and
 * renders its first screen once, with their answers): the hook starts "ready" and does not ask again until a reload or
 * another key.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string, initial?: T): Load<T> & { reload: () => void } {
  const [generation, setGeneration] = useState(0);
  const call = `${generation}:${key}`;
  // Each state names the call it answers: in the render right after the key changed, before the effect below ran, the
  // last answer is still "ready", and a page that appended it to what it had (the import rows' "Show more") listed it twice.
  const [state, setState] = useState<{ call: string; load: Load<T> }>(() => ({
    call,
    load: initial === undefined ? { status: 'loading', data: null } : { status: 'ready', data: initial },
  }));
  const answered = useRef(initial === undefined ? null : call);
  // load is recreated on every render; key names what it loads, so only key and reload start a new call.
  const start = useEffectEvent((signal: AbortSignal) => load(signal));
  useEffect(() => {
    if (call === answered.current) return;
    const abort = new AbortController();
    // A reload keeps the old answer on screen until the new one arrives, so sections do not flicker away.
    setState((previous) => ({ call, load: { status: 'loading', data: previous.load.data } }));
    start(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ call, load: { status: 'ready', data } }),
      (error: unknown) => !abort.signal.aborted && setState((previous) => ({ call, load: { status: 'error', data: previous.load.data, error } })),
    );
    return () => abort.abort();
  }, [call]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current: Load<T> = state.call === call ? state.load : { status: 'loading', data: state.load.data };
  return { ...current, reload };
}
