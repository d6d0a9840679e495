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

const EMPTY: ContextResponse = { people: [], accounts: [], logged: [] };

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
    // No re-render before the request is on its way: the previous item stays on screen for the few milliseconds
    // a lookup takes, and only a slow one turns the pane into its loading state.
    const slow = setTimeout(() => mine === generation.current && setState((s) => ({ ...s, status: 'loading', error: null })), 150);
    try {
      const item = await host.getItem();
      const people = item ? addressesOf(item, host.userEmail) : [];
      // One request per item: the context answer also says whether this email or its conversation is logged.
      const keys =
        item?.mode === 'read'
          ? {
              ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
              ...(item.conversationId ? { conversationId: item.conversationId } : {}),
            }
          : {};
      const context =
        people.length > 0
          ? (await api('context', { query: { email: people.map((p) => p.email), ...keys }, signal: abort.signal })).data
          : item?.mode === 'read' && item.internetMessageId
            ? { ...EMPTY, logged: (await api('findInteractions', { query: keys, signal: abort.signal })).data.items }
            : EMPTY;
      if (mine === generation.current) setState({ status: 'ready', item, people, context, logged: context.logged, error: null });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      if (mine === generation.current) setState((s) => ({ ...s, status: 'error', error }));
    } finally {
      clearTimeout(slow);
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
