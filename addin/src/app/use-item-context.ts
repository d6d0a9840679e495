// Loads the customer context of the selected item, again whenever Outlook selects another item or recipients change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContextResponse, Interaction } from '@crm/common';
import { addressesOf, type MailItem, type Participant } from '../host/mail-host';
import { useServices } from './services';

export interface ItemContext {
  status: 'loading' | 'ready' | 'error';
  item: MailItem | null;
  people: Participant[];
  context: ContextResponse | null;
  /** Interactions already logged for this email (same message) or its conversation. */
  logged: Interaction[];
  error: unknown;
  reload(): void;
  setLogged(logged: Interaction[]): void;
}

const EMPTY: ContextResponse = { people: [], accounts: [] };

export function useItemContext(): ItemContext {
  const { api, host } = useServices();
  const [state, setState] = useState<Omit<ItemContext, 'reload' | 'setLogged'>>({
    status: 'loading',
    item: null,
    people: [],
    context: null,
    logged: [],
    error: null,
  });
  const generation = useRef(0);
  const inflight = useRef<AbortController | null>(null);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    inflight.current?.abort();
    const abort = new AbortController();
    inflight.current = abort;
    setState((s) => ({ ...s, status: 'loading', error: null }));
    try {
      const item = await host.getItem();
      const people = item ? addressesOf(item, host.userEmail) : [];
      const [context, logged] = await Promise.all([
        people.length > 0 ? api('context', { query: { email: people.map((p) => p.email) }, signal: abort.signal }).then((r) => r.data) : Promise.resolve(EMPTY),
        item?.mode === 'read' && item.internetMessageId
          ? api('findInteractions', {
              query: { internetMessageId: item.internetMessageId, ...(item.conversationId ? { conversationId: item.conversationId } : {}) },
              signal: abort.signal,
            }).then((r) => r.data.items)
          : Promise.resolve([]),
      ]);
      if (mine === generation.current) setState({ status: 'ready', item, people, context, logged, error: null });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (mine === generation.current) setState((s) => ({ ...s, status: 'error', error }));
    }
  }, [api, host]);

  useEffect(() => {
    void load();
    return host.onItemChanged(() => void load());
  }, [host, load]);

  // Recipient events belong to the item, so they are subscribed again for every item shown.
  const itemKey = state.item?.key;
  const composing = state.item?.mode === 'compose' || state.item?.mode === 'appointment-organizer';
  useEffect(() => (composing ? host.onRecipientsChanged(() => void load()) : undefined), [host, load, itemKey, composing]);

  return { ...state, reload: () => void load(), setLogged: (logged) => setState((s) => ({ ...s, logged })) };
}
