// One screen's data from one call: loading, the answer or the error, and reload after a change (the Teams tabs and the insights blocks).
import { useCallback, useEffect, useEffectEvent, useState } from 'react';

export type Load<T> = { status: 'loading'; data: T | null } | { status: 'ready'; data: T } | { status: 'error'; data: T | null; error: unknown };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, key: string): Load<T> & { reload: () => void } {
  const [state, setState] = useState<Load<T>>({ status: 'loading', data: null });
  const [generation, setGeneration] = useState(0);
  // load is recreated on every render; key names what it loads, so only key and reload start a new call.
  const start = useEffectEvent((signal: AbortSignal) => load(signal));
  useEffect(() => {
    const abort = new AbortController();
    // A reload keeps the old answer on screen until the new one arrives, so sections do not flicker away.
    setState((previous) => ({ status: 'loading', data: previous.data }));
    start(abort.signal).then(
      (data) => !abort.signal.aborted && setState({ status: 'ready', data }),
      (error: unknown) => !abort.signal.aborted && setState((previous) => ({ status: 'error', data: previous.data, error })),
    );
    return () => abort.abort();
  }, [key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { ...state, reload };
}
