// Submit state of a form: busy while saving, the error if it failed, and one client id per form so a retry never duplicates.
import { useRef, useState } from 'react';

export function useSubmit<T>(action: (clientId: string) => Promise<T>, onDone: (result: T) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The same id for every attempt of this form: the API answers a repeat with the record it already made.
  const clientId = useRef(crypto.randomUUID());
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await action(clientId.current));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
