// The purpose of the message being composed: read from the item when it opens, saved on it when the user picks one,
// so the send check (which runs without the pane) checks what the pane shows.
import { useEffect, useState } from 'react';
import { DEFAULT_COMPOSE_PURPOSE, type ComposePurpose } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';

interface Choice {
  /** The item (and whether it is being composed) the purpose belongs to. */
  of: string;
  purpose: ComposePurpose;
  /** Picked by the user: the saved purpose read afterwards does not replace it. */
  chosen: boolean;
}

export function useComposePurpose(host: Pick<MailHost, 'getComposePurpose' | 'setComposePurpose'>, itemKey: string | undefined, composing: boolean) {
  const of = `${composing}:${itemKey ?? ''}`;
  const [choice, setChoice] = useState<Choice>({ of, purpose: DEFAULT_COMPOSE_PURPOSE, chosen: false });
  // Another item starts from the default while rendering it, not in an effect afterwards: an effect still pending when
  // the user picks a purpose on the new item (on a busy machine it ran after the pick) would undo the pick.
  if (choice.of !== of) setChoice({ of, purpose: DEFAULT_COMPOSE_PURPOSE, chosen: false });
  useEffect(() => {
    if (!composing || !itemKey) return;
    let current = true;
    host.getComposePurpose().then(
      (saved) => current && saved && setChoice((c) => (c.of === of && !c.chosen ? { ...c, purpose: saved } : c)),
      // Nothing readable on the item: the default stands, as it does for the send check.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [host, itemKey, composing, of]);
  const choose = (next: ComposePurpose) => {
    setChoice({ of, purpose: next, chosen: true });
    void host.setComposePurpose(next).catch(() => undefined);
  };
  return [choice.of === of ? choice.purpose : DEFAULT_COMPOSE_PURPOSE, choose] as const;
}
