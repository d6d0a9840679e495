// Recording consent decisions and answering "may we contact this person, and why (not)?".
import type { ConsentEntryCreate, ConsentHistory } from '@crm/common';
import type { Db } from '../store/db';
import { appendConsent, consentHistory } from '../store/consents-store';
import { getContact } from '../store/contacts-store';
import { inTransaction } from '../store/pg-errors';
import type { Actor } from './actor';
import { consentState } from './consent-state';
import { notFound } from './errors';
import { auditChange } from './records';

export async function recordConsent(db: Db, actor: Actor, input: ConsentEntryCreate) {
  return inTransaction(db, async (tx) => {
    const { entry, created } = await appendConsent(tx, actor.tenantId, actor.userId, input);
    if (created) await auditChange(tx, actor, 'consent', 'contact', entry.contactId, [`${entry.channel}/${entry.purpose}:${entry.action}`]);
    return { value: entry, created };
  });
}

export async function contactConsents(db: Db, actor: Actor, contactId: string): Promise<ConsentHistory> {
  if (!(await getContact(db, actor.tenantId, contactId))) throw notFound('contact');
  const history = await consentHistory(db, actor.tenantId, [contactId]);
  return { contactId, state: consentState(history), history };
}
