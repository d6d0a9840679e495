// The purpose of the message being composed: read from the item when it opens, saved on it when the user picks one,
// so the send check (which runs without the pane) checks what the pane shows.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_COMPOSE_PURPOSE, type ComposePurpose } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';

export function useComposePurpose(host: Pick<MailHost, 'getComposePurpose' | 'setComposePurpose'>, itemKey: string | undefined, composing: boolean) {
  const [purpose, setPurpose] = useState<ComposePurpose>(DEFAULT_COMPOSE_PURPOSE);
  // A choice made before the item's saved purpose was read wins over what the read brings back.
  const chosen = useRef(false);
  useEffect(() => {
    chosen.current = false;
    setPurpose(DEFAULT_COMPOSE_PURPOSE);
    if (!composing || !itemKey) return;
    let current = true;
    host.getComposePurpose().then(
      (saved) => current && !chosen.current && saved && setPurpose(saved),
      // Nothing readable on the item: the default stands, as it does for the send check.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host, itemKey, composing]);
  const choose = (next: ComposePurpose) => {
    chosen.current = true;
    setPurpose(next);
    void host.setComposePurpose(next).catch(() => undefined);
  };
  return [purpose, choose] as const;
}
