// Data subject rights: erasure that stays erased (Art. 17) and the blocklist other features ask before storing an address.
import { normalizeEmail, type ErasureResult } from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit/audit-store';
import { auditDeletedCases } from './deleted-cases';
import { flushReadAudit } from '../../core/audit/read-audit';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { notFound, staleVersion } from '../../core/errors';
import { addressHash, newHmacKey } from './address-hash';
import { forgetAddresses } from './audit-search-store';
import {
  blockedHashes,
  blockHashes,
  deleteConsents,
  deleteContactRow,
  deleteContactSyncLinks,
  deleteOwnInteractions,
  deleteLeads,
  deleteTasks,
  ensureHmacKey,
  erasureOfContact,
  insertErasure,
  keepWithdrawalProofs,
  lockErasureSubject,
  readHmacKey,
  retainCommercialLetters,
  COMMERCIAL_LETTER_BASIS,
  saveErasureCounts,
  scrubSharedInteractions,
} from './store';

/** The given addresses that belong to an erased person of the tenant (normalised); empty when none do. */
export async function erasedAddresses(db: Queryable, tenantId: string, emails: readonly string[]): Promise<string[]> {
  if (emails.length === 0) return [];
  // Read every time (a primary-key lookup): a cache per tenant would outlive the database it was read from, as when one
  // process serves tests on PGlite and on a PostgreSQL server for the same tenant id.
  const key = await readHmacKey(db, tenantId);
  if (!key) return [];
  const normalised = [...new Set(emails.map(normalizeEmail))];
  const hashes = normalised.map((email) => addressHash(key, email));
  const blocked = await blockedHashes(db, tenantId, hashes);
  return normalised.filter((_, i) => blocked.has(hashes[i]!));
}

/** Whether the address belongs to a person whose data was erased at their request. */
export const isErasedAddress = async (db: Queryable, tenantId: string, email: string): Promise<boolean> =>
  (await erasedAddresses(db, tenantId, [email])).length > 0;

const escapeRegex = (text: string) => text.replace(/[\\^$.*+?()[\]{}|]/g, (c) => `\\${c}`);

/** The strings that identify the person in free text: every address, and the full name when there is a first name too. */
function identifyingPattern(emails: readonly string[], firstName: string, lastName: string): string | null {
  const names = firstName.trim() && lastName.trim() ? [`${firstName.trim()} ${lastName.trim()}`, `${lastName.trim()}, ${firstName.trim()}`] : [];
  const parts = [...emails, ...names].filter(Boolean).map(escapeRegex);
  return parts.length > 0 ? parts.join('|') : null;
}

export async function eraseContact(
  db: Db,
  actor: Actor,
  contactId: string,
  expectedVersion: number,
  reason: string,
  lang: 'de' | 'en' = 'en',
): Promise<ErasureResult> {
  // Buffered lookups of the person's addresses must reach the table before the transaction removes the addresses from it.
  await flushReadAudit(db);
  return inTransaction(db, async (tx) => {
    const subject = await lockErasureSubject(tx, actor.tenantId, contactId);
    if (!subject) {
      // A retry whose first answer was lost: the person is already gone, and the first erasure's account of it stands.
      const earlier = await erasureOfContact(tx, actor.tenantId, contactId);
      if (!earlier) throw notFound('contact');
      return erasureResult(earlier.id, earlier.erased_at, earlier.counts, lang);
    }
    if (subject.version !== expectedVersion) throw staleVersion('contact');
    const key = await ensureHmacKey(tx, actor.tenantId, newHmacKey());
    const erasure = await insertErasure(tx, actor.tenantId, contactId, actor.userId, reason);
    const blocked = await blockHashes(
      tx,
      actor.tenantId,
      erasure.id,
      subject.emails.map((email) => addressHash(key, email)),
    );
    const keptWithdrawalProofs = await keepWithdrawalProofs(tx, actor.tenantId, contactId, erasure.id);
    const consents = await deleteConsents(tx, actor.tenantId, contactId);
    const retained = await retainCommercialLetters(tx, actor.tenantId, contactId);
    const own = await deleteOwnInteractions(tx, actor.tenantId, contactId);
    await auditDeletedCases(tx, actor.tenantId, actor.userId, own.cases);
    const unlinkedInteractions = await scrubSharedInteractions(
      tx,
      actor.tenantId,
      contactId,
      identifyingPattern(subject.emails, subject.firstName, subject.lastName),
    );
    const tasks = await deleteTasks(tx, actor.tenantId, contactId);
    const leads = await deleteLeads(tx, actor.tenantId, contactId, subject.emails);
    // The read audit keeps who read and when, under the contact id the erasures table keeps too, but not the addresses.
    await forgetAddresses(tx, actor.tenantId, subject.emails);
    const contactLinks = await deleteContactSyncLinks(tx, actor.tenantId, contactId);
    await deleteContactRow(tx, actor.tenantId, contactId);
    const counts = {
      interactions: own.interactions,
      consents,
      tasks,
      leads,
      syncLinks: own.syncLinks + contactLinks,
      unlinkedInteractions,
      blockedAddresses: blocked,
      keptWithdrawalProofs,
      retainedLetters: retained.letters,
      ...(retained.untilYear ? { retainedUntilYear: retained.untilYear } : {}),
    };
    await saveErasureCounts(tx, actor.tenantId, erasure.id, counts);
    await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'erase', entity: 'contact', entityId: contactId });
    return erasureResult(erasure.id, erasure.erased_at, counts, lang);
  });
}

const erasureResult = (id: string, erasedAt: Date, counts: Record<string, number>, lang: 'de' | 'en'): ErasureResult => ({
  erasureId: id,
  erasedAt: new Date(erasedAt).toISOString(),
  blockedAddresses: counts.blockedAddresses ?? 0,
  deleted: { interactions: counts.interactions ?? 0, consents: counts.consents ?? 0, tasks: counts.tasks ?? 0, leads: counts.leads ?? 0, syncLinks: counts.syncLinks ?? 0 },
  unlinkedInteractions: counts.unlinkedInteractions ?? 0,
  keptWithdrawalProofs: counts.keptWithdrawalProofs ?? 0,
  retained: counts.retainedLetters
    ? { interactions: counts.retainedLetters, until: `${counts.retainedUntilYear}-12-31`, legalBasis: COMMERCIAL_LETTER_BASIS[lang] }
    : { interactions: 0, until: null, legalBasis: null },
});
