// The consent check before an email is sent (Outlook's Smart Alerts handler and the compose pane ask it).
import { composeVerdict, type ComposeCheckResponse, type ComposePurpose, type ConsentEntry } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db } from '../../core/db/db';
import { consentState, toConsentEntry } from '../consents';
import { internalPeople, isInternal } from '../settings';
import { recipientRows } from './store';

export async function checkRecipients(db: Db, actor: Actor, purpose: ComposePurpose, recipients: readonly string[]): Promise<ComposeCheckResponse> {
  const emails = [...new Set(recipients)];
  // Colleagues matter only where consent does; correspondence spares the lookup.
  const [rows, internal] = await Promise.all([
    recipientRows(db, actor.tenantId, emails),
    purpose === 'correspondence' ? Promise.resolve(null) : internalPeople(db, actor.tenantId),
  ]);
  const byEmail = new Map<string, { known: boolean; restricted: boolean; entries: ConsentEntry[] }>();
  for (const row of rows) {
    const facts = byEmail.get(row.email) ?? { known: row.matched_contact_id !== null, restricted: row.restricted, entries: [] };
    if (row.id !== null) facts.entries.push(toConsentEntry(row));
    byEmail.set(row.email, facts);
  }
  const verdicts = emails.map((email) => {
    const facts = byEmail.get(email) ?? { known: false, restricted: false, entries: [] };
    return composeVerdict(
      { email, known: facts.known, restricted: facts.restricted, internal: internal ? isInternal(internal, email) : false, current: consentState(facts.entries).current },
      purpose,
    );
  });
  return { purpose, blocked: verdicts.some((v) => v.verdict === 'block'), recipients: verdicts };
}
