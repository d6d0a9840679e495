// Restriction of processing (Art. 18): set and lift with a reason; while it lasts the person is read-only for everyone and
// visible only to CRM.Privacy and CRM.Admin. Other features ask through the functions here (via index.ts).
import type { Restriction } from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { iso, isoOrNull } from '../../core/db/rows';
import { conflict, notFound } from '../../core/errors';
import {
  closeRestriction,
  contactExists,
  insertRestriction,
  latestRestriction,
  openRestrictedContactIds,
  restrictedAddresses,
  restrictedContactIds,
  type RestrictionRow,
} from './store';

/** Who may still see a restricted person: the data protection officer and admins. */
export const seesRestricted = (actor: Actor): boolean => actor.roles.includes('CRM.Privacy') || actor.roles.includes('CRM.Admin');

/** SQL condition that keeps a contact (table alias given) only while its processing is not restricted. */
export const notRestrictedSql = (alias: string): string =>
  `NOT EXISTS (SELECT 1 FROM contact_restrictions r WHERE r.tenant_id = ${alias}.tenant_id AND r.contact_id = ${alias}.id AND r.lifted_at IS NULL)`;

/**
 * SQL on interaction alias `alias`: it concerns someone not restricted, or no person at all. Processing of a restricted
 * person stops (Art. 18), so timers that act on interactions (follow-up rules, case escalation) leave the rest alone.
 */
export const notOnlyAboutRestrictedSql = (alias: string): string => `(
  NOT EXISTS (SELECT 1 FROM interaction_contacts ic WHERE ic.tenant_id = ${alias}.tenant_id AND ic.interaction_id = ${alias}.id)
  OR EXISTS (
    SELECT 1 FROM interaction_contacts ic JOIN contacts p ON p.tenant_id = ic.tenant_id AND p.id = ic.contact_id
    WHERE ic.tenant_id = ${alias}.tenant_id AND ic.interaction_id = ${alias}.id AND ${notRestrictedSql('p')}
  )
)`;

/**
 * What one actor may not see of restricted people: their ids, and whatever is only about them (a follow-up for them, an
 * interaction linked to nobody else). Someone else on the same interaction keeps it visible, without the restricted id.
 */
export interface RestrictedView {
  /** The restricted contacts hidden from this actor; empty for CRM.Privacy and CRM.Admin. */
  hidden: readonly string[];
  hidesContact(id: string): boolean;
  hidesTask(task: { contactId: string | null }): boolean;
  hidesInteraction(interaction: { contactIds: readonly string[] }): boolean;
  withoutHidden<T extends { contactIds: string[] }>(record: T): T;
}

export async function restrictedViewOf(db: Queryable, actor: Actor): Promise<RestrictedView> {
  const hidden = seesRestricted(actor) ? [] : await openRestrictedContactIds(db, actor.tenantId);
  const set = new Set(hidden);
  return {
    hidden,
    hidesContact: (id) => set.has(id),
    hidesTask: (task) => task.contactId !== null && set.has(task.contactId),
    hidesInteraction: (interaction) => interaction.contactIds.length > 0 && interaction.contactIds.every((id) => set.has(id)),
    withoutHidden: (record) => (set.size === 0 ? record : { ...record, contactIds: record.contactIds.filter((id) => !set.has(id)) }),
  };
}

export const restrictedAmong = (db: Queryable, tenantId: string, contactIds: readonly string[]) => restrictedContactIds(db, tenantId, contactIds);

export const restrictedAmongAddresses = (db: Queryable, tenantId: string, emails: readonly string[]) => restrictedAddresses(db, tenantId, emails);

const toRestriction = (contactId: string, row: RestrictionRow | null): Restriction => ({
  contactId,
  restricted: row?.open ?? false,
  reason: row?.reason ?? null,
  restrictedBy: row?.restricted_by ?? null,
  restrictedAt: row ? iso(row.restricted_at) : null,
  liftReason: row?.lift_reason ?? null,
  liftedBy: row?.lifted_by ?? null,
  liftedAt: isoOrNull(row?.lifted_at),
});

export const restrictionOf = async (db: Queryable, tenantId: string, contactId: string): Promise<Restriction> =>
  toRestriction(contactId, await latestRestriction(db, tenantId, contactId));

export const restrictContact = (db: Db, actor: Actor, contactId: string, reason: string): Promise<Restriction> =>
  inTransaction(db, async (tx) => {
    if (!(await contactExists(tx, actor.tenantId, contactId, true))) throw notFound('contact');
    const current = await latestRestriction(tx, actor.tenantId, contactId);
    if (current?.open) throw conflict(`processing of this person has been restricted since ${iso(current.restricted_at)}`, undefined, { reason: 'restricted' });
    await insertRestriction(tx, actor.tenantId, contactId, actor.userId, reason);
    await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'restrict', entity: 'contact', entityId: contactId });
    return restrictionOf(tx, actor.tenantId, contactId);
  });

export const liftRestriction = (db: Db, actor: Actor, contactId: string, reason: string): Promise<Restriction> =>
  inTransaction(db, async (tx) => {
    if (!(await contactExists(tx, actor.tenantId, contactId, true))) throw notFound('contact');
    if (!(await closeRestriction(tx, actor.tenantId, contactId, actor.userId, reason))) {
      throw conflict('processing of this person is not restricted, so there is nothing to lift', undefined, { reason: 'not_restricted' });
    }
    await writeAudit(tx, { tenantId: actor.tenantId, actorId: actor.userId, action: 'lift-restriction', entity: 'contact', entityId: contactId });
    return restrictionOf(tx, actor.tenantId, contactId);
  });
