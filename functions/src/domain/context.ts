// The Outlook pane's question "who are these people?", answered for many addresses in one query.
import { normalizeEmail, type ContextResponse } from '@crm/common';
import type { Db } from '../store/db';
import { lookupContext } from '../store/context-store';
import type { Actor } from './actor';

export function customerContext(db: Db, actor: Actor, emails: readonly string[]): Promise<ContextResponse> {
  const unique = [...new Set(emails.map(normalizeEmail))];
  return lookupContext(db, actor.tenantId, unique);
}
