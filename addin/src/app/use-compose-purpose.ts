// The purpose of the message being composed: read from the item when it opens, saved on it when the user picks one,
// so the send check (which runs without the pane) checks what the pane shows.
import { useEffect, useState } from 'react';
import { DEFAULT_COMPOSE_PURPOSE, type ComposePurpose } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';

export function useComposePurpose(host: MailHost, itemKey: string | undefined, composing: boolean) {
  const [purpose, setPurpose] = useState<ComposePurpose>(DEFAULT_COMPOSE_PURPOSE);
  useEffect(() => {
    setPurpose(DEFAULT_COMPOSE_PURPOSE);
    if (!composing || !itemKey) return;
    let current = true;
    host.getComposePurpose().then(
      (saved) => current && saved && setPurpose(saved),
      // Nothing readable on the item: the default stands, as it does for the send check.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host, itemKey, composing]);
  const choose = (next: ComposePurpose) => {
    setPurpose(next);
    void host.setComposePurpose(next).catch(() => undefined);
  };
  return [purpose, choose] as const;
}
