// Loads the customer context of the selected item, again whenever Outlook selects another item or recipients change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ContextResponse, Interaction } from '@crm/common';
import { addressesOf, type MailHost, type MailItem, type Participant } from '../host/mail-host';
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

/**
 * Without the iCalUId the pane cannot tell whether the meeting is logged, but it can still show who is on it and log it
 * (the log form asks again), so a failed Graph request does not hide the customer context.
 */
async function meetingUid(host: MailHost, item: MailItem): Promise<string | null> {
  try {
    return await host.getMeetingUid(item);
  } catch {
    return null;
  }
}

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

  /**
   * `fresh` is another item: what is on screen belongs to the previous one, so it goes at once, before any request.
   * A reload of the same item (retry, changed recipients, after a write) keeps the card until the answer replaces it.
   */
  const load = useCallback(
    async (fresh: boolean) => {
      const mine = ++generation.current;
      inflight.current?.abort();
      const abort = new AbortController();
      inflight.current = abort;
      if (fresh) setState({ status: 'loading', item: null, people: [], context: null, logged: [], error: null });
      else setState((s) => ({ ...s, status: 'loading', error: null }));
      try {
        const shown = await host.getItem();
        const people = shown ? addressesOf(shown, host.userEmail) : [];
        if (mine === generation.current && fresh) setState((s) => ({ ...s, item: shown, people }));
        // One request per item: the context answer also says whether this email or its conversation is logged.
        const keys =
          shown?.mode === 'read'
            ? {
                ...(shown.internetMessageId ? { internetMessageId: shown.internetMessageId } : {}),
                // The server weighs the key by who sent the email: anyone can write the header.
                ...(shown.logKey ? { logKey: shown.logKey, ...(shown.from ? { sender: shown.from.email } : {}) } : {}),
                ...(shown.conversationId ? { conversationId: shown.conversationId } : {}),
              }
            : {};
        // A meeting is logged under its iCalUId, which the context lookup does not take: it is asked for beside that lookup.
        const uid = shown?.mode === 'appointment-attendee' ? meetingUid(host, shown) : Promise.resolve(null);
        const [context, iCalUId, meetingLogged] = await Promise.all([
          people.length > 0
            ? api('context', { query: { email: people.map((p) => p.email), ...keys }, signal: abort.signal }).then((r) => r.data)
            : shown?.mode === 'read' && shown.internetMessageId
              ? api('findInteractions', { query: keys, signal: abort.signal }).then((r) => ({ ...EMPTY, logged: r.data.items }))
              : EMPTY,
          uid,
          uid.then(async (id) => (id ? (await api('findInteractions', { query: { iCalUId: id }, signal: abort.signal })).data.items : [])),
        ]);
        const item = shown && iCalUId ? { ...shown, iCalUId } : shown;
        const logged = [...context.logged, ...meetingLogged.filter((m) => !context.logged.some((l) => l.id === m.id))];
        if (mine === generation.current) setState({ status: 'ready', item, people, context, logged, error: null });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        // The error stands alone: a card under it would invite logging to a context that may no longer be true.
        if (mine === generation.current) setState((s) => ({ ...s, status: 'error', context: null, logged: [], error }));
      }
    },
    [api, host],
  );

  useEffect(() => {
    void load(true);
    return host.onItemChanged(() => void load(true));
  }, [host, load]);

  // Recipient events belong to the item, so they are subscribed again for every item shown.
  const itemKey = state.item?.key;
  const composing = state.item?.mode === 'compose' || state.item?.mode === 'appointment-organizer';
  useEffect(() => (composing ? host.onRecipientsChanged(() => void load(false)) : undefined), [host, load, itemKey, composing]);

  return { ...state, reload: () => void load(false), setLogged: (logged) => setState((s) => ({ ...s, logged })) };
}
