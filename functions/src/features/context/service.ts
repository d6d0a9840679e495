// The Outlook pane's question "who are these people?", answered for many addresses in one query.
import { normalizeEmail, type ContextResponse } from '@crm/common';
import type { Db } from '../../core/db/db';
import { lookupContext } from './store';
import { findLoggedInteractions } from '../interactions';
import type { Actor } from '../../core/actor';

export interface MessageKeys {
  internetMessageId?: string;
  conversationId?: string;
}

export async function customerContext(db: Db, actor: Actor, emails: readonly string[], keys: MessageKeys = {}): Promise<ContextResponse> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  const [context, logged] = await Promise.all([
    lookupContext(db, actor.tenantId, unique),
    keys.internetMessageId || keys.conversationId ? findLoggedInteractions(db, actor.tenantId, keys) : Promise.resolve([]),
  ]);
  return { ...context, logged };
}
