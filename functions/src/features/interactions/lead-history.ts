// What the leads feature asks of a lead's interactions: link them, count them for the score, list them, carry them over.
import type { Actor } from '../../core/actor';
import type { Queryable } from '../../core/db/db';
import { restrictedViewOf } from '../privacy';
import { carryLeadInteractions, engagementOfLeads, leadInteractionIds, linkPendingToLead } from './lead-links-store';
import { hiddenByRetention } from './service';
import { getInteractions } from './store';

export type { LeadEngagementTally } from './lead-links-store';

/** For the leads feature's create and change transactions: what was logged with the lead's address so far. */
export const linkLoggedToLead = (tx: Queryable, tenantId: string, lead: { id: string; email: string | null }) =>
  lead.email ? linkPendingToLead(tx, tenantId, { id: lead.id, email: lead.email }) : Promise.resolve();

export const leadEngagement = (db: Queryable, tenantId: string, leadIds: readonly string[], now = new Date()) => engagementOfLeads(db, tenantId, leadIds, now);

/** For the conversion's transaction: the lead's interactions join the contact's and the account's timelines. */
export const carryLeadHistory = (tx: Queryable, tenantId: string, leadId: string, to: { accountId: string; contactId: string | null }) =>
  carryLeadInteractions(tx, tenantId, leadId, to);

/** The lead's interactions, newest first, as the actor may see them (restricted people and retained letters as elsewhere). */
export async function leadTimeline(db: Queryable, actor: Actor, leadId: string, page: { limit: number; cursor?: string | undefined }) {
  const [{ ids, nextCursor }, view] = await Promise.all([leadInteractionIds(db, actor.tenantId, leadId, page), restrictedViewOf(db, actor)]);
  const [items, retained] = await Promise.all([getInteractions(db, actor.tenantId, ids), hiddenByRetention(db, actor, ids)]);
  return { items: items.filter((i) => !view.hidesInteraction(i) && !retained.has(i.id)).map(view.withoutHidden), nextCursor };
}
