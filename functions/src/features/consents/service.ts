// Recording consent decisions and answering "may we contact this person, and why (not)?".
import type { ConsentEntryCreate, ConsentHistory } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { appendConsent, consentHistory } from './store';
import { contactById } from '../contacts';
import { inTransaction } from '../../core/db/pg-errors';
import type { Actor } from '../../core/actor';
import { consentState } from './consent-state';
import { notFound } from '../../core/errors';
import { auditChange } from '../../core/records';

export async function recordConsent(db: Db, actor: Actor, input: ConsentEntryCreate) {
  return inTransaction(db, async (tx) => {
    const { entry, created } = await appendConsent(tx, actor.tenantId, actor.userId, input);
    if (created) await auditChange(tx, actor, 'consent', 'contact', entry.contactId, [`${entry.channel}/${entry.purpose}:${entry.action}`]);
    return { value: entry, created };
  });
}

export async function contactConsents(db: Db, actor: Actor, contactId: string): Promise<ConsentHistory> {
  if (!(await contactById(db, actor.tenantId, contactId))) throw notFound('contact');
  const history = await consentHistory(db, actor.tenantId, [contactId]);
  return { contactId, state: consentState(history), history };
}

/** The ledger entries of these contacts, newest first, for features that show consent beside other data. */
export const consentHistoryOf = (db: Queryable, tenantId: string, contactIds: readonly string[]) => consentHistory(db, tenantId, contactIds);
