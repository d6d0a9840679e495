// The pane's progress while an item's context loads, shown only once the wait is noticeable: most answers come sooner,
// and a spinner put up and taken down within a few frames only costs the main thread work while the answer is awaited
// (its animation restyled and repainted the pane every frame; bench/src/trace-probe.ts). The cleared pane is marked
// busy (aria-busy) at once either way.
import { Spinner } from '@fluentui/react-spinner';
import { useEffect, useState } from 'react';

/** About where a wait starts to be noticed. */
export const SPINNER_DELAY_MS = 300;

export function PendingSpinner({ label }: { label: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SPINNER_DELAY_MS);
    return () => clearTimeout(timer);
  }, []);
  return shown ? <Spinner label={label} /> : null;
}
