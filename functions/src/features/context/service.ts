// The Outlook pane's question "who are these people?", answered for many addresses in one query.
import { normalizeEmail, type ContextResponse } from '@crm/common';
import type { Db } from '../../core/db/db';
import { lookupContext } from './store';
import { findLoggedInteractions } from '../interactions';
import { erasedAddresses } from '../privacy';
import type { Actor } from '../../core/actor';

export interface MessageKeys {
  internetMessageId?: string;
  conversationId?: string;
}

export async function customerContext(db: Db, actor: Actor, emails: readonly string[], keys: MessageKeys = {}): Promise<ContextResponse> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  // The blocklist check runs beside the lookup, so an erased address costs the pane no extra round trip in sequence.
  const [context, logged, erasedList] = await Promise.all([
    lookupContext(db, actor.tenantId, unique),
    keys.internetMessageId || keys.conversationId ? findLoggedInteractions(db, actor.tenantId, keys) : Promise.resolve([]),
    erasedAddresses(db, actor.tenantId, unique),
  ]);
  const erased = new Set(erasedList);
  const people = context.people.map((p) => (p.status === 'unknown' ? { ...p, erased: erased.has(p.email) } : p));
  return { ...context, people, logged };
}
