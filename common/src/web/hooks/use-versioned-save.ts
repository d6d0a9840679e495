// Saving a change on the version it was read at (If-Match). A 412 re-reads the record and keeps who changed it, so the
// form can show it and offer to reload (their version) or to overwrite (the user's change on their version's ETag).
import { useState } from 'react';
import { ApiError } from '../api/api-error';
import { lastChangeOf, type LastChange } from '../components/ChangedNotice';

export function useVersionedSave<T extends { etag: string }>(reread: () => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<{ change: LastChange | null; current: T } | null>(null);
  /** The write's answer may be another shape than the record (a lead's conversion answers what it made). */
  const save = async <R = T>(write: (base: T) => Promise<R>, base: T, onSaved: (saved: R) => void) => {
    setBusy(true);
    setError(null);
    try {
      const saved = await write(base);
      setConflict(null);
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) {
        try {
          setConflict({ change: lastChangeOf(e), current: await reread() });
        } catch (reading) {
          setError(reading);
        }
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, conflict, save, dropConflict: () => setConflict(null) };
}
