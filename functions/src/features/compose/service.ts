// The consent check before an email is sent (Outlook's Smart Alerts handler and the compose pane ask it).
import { createHash } from 'node:crypto';
import { composeVerdict, type ComposeCheckResponse, type ComposePurpose, type ConsentEntry, type RecipientVerdict } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { ReadRecord } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import { consentState, toConsentEntry } from '../consents';
import { internalPeople, isInternal } from '../settings';
import { recipientRows } from './store';

/**
 * A digest of the whole verdict, whatever the order the recipients came in: the send check keeps it with the verdict it
 * computed when the recipients changed and asks again at Send with it, so a consent changed in between is seen while an
 * unchanged verdict costs a few bytes of answer.
 */
function verdictVersion(purpose: ComposePurpose, verdicts: readonly RecipientVerdict[]): string {
  const ordered = [...verdicts].sort((a, b) => (a.email < b.email ? -1 : a.email > b.email ? 1 : 0));
  const canonical = ordered.map((v) => [v.email, v.verdict, v.reason, v.known, v.consentPurpose, v.since, v.source]);
  return createHash('sha256')
    .update(JSON.stringify([purpose, canonical]))
    .digest('base64url')
    .slice(0, 22);
}

export interface ComposeCheck {
  response: ComposeCheckResponse;
  /** For the read audit: every address checked, with the contact it matched; never the verdict. */
  checked: ReadRecord[];
}

export async function checkRecipients(
  db: Db,
  actor: Actor,
  purpose: ComposePurpose,
  recipients: readonly string[],
  knownVersion?: string,
): Promise<ComposeCheck> {
  const emails = [...new Set(recipients)];
  // Colleagues matter only where consent does; correspondence spares the lookup.
  const [rows, internal] = await Promise.all([
    recipientRows(db, actor.tenantId, emails),
    purpose === 'correspondence' ? Promise.resolve(null) : internalPeople(db, actor.tenantId),
  ]);
  const byEmail = new Map<string, { contactId: string | null; restricted: boolean; entries: ConsentEntry[] }>();
  for (const row of rows) {
    const facts = byEmail.get(row.email) ?? { contactId: row.matched_contact_id, restricted: row.restricted, entries: [] };
    if (row.id !== null) facts.entries.push(toConsentEntry(row));
    byEmail.set(row.email, facts);
  }
  const verdicts = emails.map((email) => {
    const facts = byEmail.get(email) ?? { contactId: null, restricted: false, entries: [] };
    return composeVerdict(
      {
        email,
        known: facts.contactId !== null,
        restricted: facts.restricted,
        internal: internal ? isInternal(internal, email) : false,
        current: consentState(facts.entries).current,
      },
      purpose,
    );
  });
  const version = verdictVersion(purpose, verdicts);
  const blocked = verdicts.some((v) => v.verdict === 'block');
  // An unchanged answer read the same people again, so it is recorded like any other check.
  const checked = emails.map((email): ReadRecord => {
    const contactId = byEmail.get(email)?.contactId ?? null;
    return contactId ? { entity: 'contact', id: contactId, address: email } : { entity: 'address', address: email };
  });
  const response: ComposeCheckResponse =
    knownVersion === version
      ? { purpose, blocked, version, unchanged: true, recipients: [] }
      : { purpose, blocked, version, unchanged: false, recipients: verdicts };
  return { response, checked };
}
