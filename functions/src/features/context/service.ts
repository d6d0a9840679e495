// The Outlook pane's question "who are these people?", answered for many addresses in one query.
import { normalizeEmail, type ContextResponse, type Person } from '@crm/common';
import type { Db } from '../../core/db/db';
import { lookupContext } from './store';
import { findLoggedInteractions } from '../interactions';
import { erasedAddresses, restrictedAmongAddresses, seesRestricted } from '../privacy';
import { internalPeople, isInternal } from '../settings';
import type { Actor } from '../../core/actor';

export interface MessageKeys {
  internetMessageId?: string;
  conversationId?: string;
}

export async function customerContext(db: Db, actor: Actor, emails: readonly string[], keys: MessageKeys = {}): Promise<ContextResponse> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  // The privacy checks run beside the lookup, so they add no round trip in sequence to the pane's answer.
  const [context, logged, erasedList, restricted, internal] = await Promise.all([
    lookupContext(db, actor.tenantId, unique),
    keys.internetMessageId || keys.conversationId ? findLoggedInteractions(db, actor.tenantId, keys) : Promise.resolve([]),
    erasedAddresses(db, actor.tenantId, unique),
    restrictedAmongAddresses(db, actor.tenantId, unique),
    internalPeople(db, actor.tenantId),
  ]);
  const erased = new Set(erasedList);
  const privileged = seesRestricted(actor);
  const people = context.people.map((p): Person => {
    // A colleague is no customer: not offered as a contact, not even of an account that holds the own domain.
    if (p.status === 'unknown' && isInternal(internal, p.email)) return { ...p, suggestedAccount: null, erased: erased.has(p.email), internal: true };
    if (p.status === 'unknown') return { ...p, erased: erased.has(p.email) };
    if (!restricted.has(p.email)) return p;
    return privileged ? { ...p, restricted: true } : { email: p.email, status: 'restricted', restricted: true };
  });
  if (privileged || restricted.size === 0) return { ...context, people, logged };
  // A restricted person must not show through their company either: accounts only they lead to, and their follow-ups, go.
  const hiddenContacts = new Set(context.people.flatMap((p) => (p.status === 'known' && restricted.has(p.email) ? [p.contact.id] : [])));
  const visibleAccounts = new Set(people.flatMap((p) => (p.status === 'known' && p.accountId ? [p.accountId] : [])));
  const accounts = context.accounts
    .filter((a) => visibleAccounts.has(a.account.id))
    .map((a) => ({ ...a, openTasks: a.openTasks.filter((t) => !t.contactId || !hiddenContacts.has(t.contactId)) }));
  return { people, accounts, logged };
}
