// Logging interactions: new records answer "created", repeats of the same email or meeting answer "existing".
import { normalizeEmail, type Interaction, type InteractionCreate, type InteractionPatch, type TimelineQuery } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { accountById } from '../accounts';
import {
  accountTimeline,
  contactIdsOf,
  findInteractions,
  getInteraction,
  interactionsOnlyAbout,
  linkPendingToContact,
  logInteraction as storeLog,
  updateInteraction,
  type InteractionKeys,
  type LogOptions,
} from './store';
import { inTransaction } from '../../core/db/pg-errors';
import type { Actor } from '../../core/actor';
import { conflict, invalid, notFound } from '../../core/errors';
import { erasedAddresses, restrictedViewOf, retainedInteractionIds, seesRestricted } from '../privacy';
import { auditChange, readRecord, updateRecord, type Created } from '../../core/records';
import { internalPeople, isInternal, type InternalPeople } from '../settings';

/**
 * Regarding a complaint: it must be one of the tenant's complaints the actor may see, and the email goes on the timeline
 * of the complaint's accounts too.
 */
async function withComplaint(tx: Queryable, actor: Actor, input: InteractionCreate): Promise<InteractionCreate> {
  if (!input.complaintId) return input;
  const [complaint, view] = await Promise.all([getInteraction(tx, actor.tenantId, input.complaintId), restrictedViewOf(tx, actor)]);
  if (!complaint || complaint.type !== 'complaint' || view.hidesInteraction(complaint)) {
    throw invalid('complaintId', 'is not a complaint in this CRM');
  }
  return { ...input, accountIds: [...new Set([...input.accountIds, ...complaint.accountIds])] };
}

/** An address erased at its owner's request is not stored again, not even as one waiting to become a contact. */
async function refuseErasedPending(tx: Queryable, tenantId: string, emails: readonly string[]): Promise<void> {
  if (emails.length === 0) return;
  const erased = new Set(await erasedAddresses(tx, tenantId, emails));
  const index = emails.findIndex((email) => erased.has(email));
  if (index < 0) return;
  throw conflict('this address belongs to a person whose data was erased at their request (GDPR Art. 17), so it may not be stored again', `pendingEmails[${index}]`, {
    reason: 'erased',
  });
}

/**
 * Anyone can write the log-key header into an email, a key they saw on one of ours too, so the key of an email counts
 * only when a colleague sent it (the same notion of internal as the pane's): an outsider's email must not join a
 * colleague's record, nor make the pane say it is logged.
 */
export const logKeyCounts = (internal: InternalPeople, sender: string | undefined): boolean =>
  sender !== undefined && isInternal(internal, normalizeEmail(sender));

/** The caller's own outbound email keeps its key; any other keeps it only from a colleague, else it is logged as if it had none. */
async function withTrustedLogKey(tx: Queryable, tenantId: string, request: InteractionCreate): Promise<InteractionCreate> {
  if (!request.logKey || request.direction === 'outbound') return request;
  if (request.sender && logKeyCounts(await internalPeople(tx, tenantId), request.sender)) return request;
  const { logKey: _ignored, ...rest } = request;
  return rest;
}

export async function logInteraction(db: Db, actor: Actor, request: InteractionCreate, options: LogOptions = {}): Promise<Created<Interaction>> {
  return inTransaction(db, async (tx) => {
    await refuseErasedPending(tx, actor.tenantId, request.pendingEmails ?? []);
    const input = await withComplaint(tx, actor, await withTrustedLogKey(tx, actor.tenantId, request));
    const { interaction, created, noteAdded, keysAdded } = await storeLog(tx, actor.tenantId, actor.userId, input, options);
    const changed = [...(noteAdded ? ['summary'] : []), ...keysAdded];
    await auditChange(tx, actor, created ? 'log' : 'log-again', 'interaction', interaction.id, changed.length > 0 ? changed : undefined);
    return { value: interaction, created };
  });
}

/** An interaction only about a restricted person (Art. 18) is as absent as one that does not exist. */
export async function readInteraction(db: Db, actor: Actor, id: string) {
  const [view, retained] = await Promise.all([restrictedViewOf(db, actor), hiddenByRetention(db, actor, [id])]);
  return readRecord('interaction', async () => {
    const interaction = await getInteraction(db, actor.tenantId, id);
    return interaction && !view.hidesInteraction(interaction) && !retained.has(id) ? view.withoutHidden(interaction) : null;
  });
}

/** A letter an erasure kept under a retention duty is readable by CRM.Privacy and CRM.Admin only. */
export const hiddenByRetention = async (db: Queryable, actor: Actor, ids: readonly string[]): Promise<Set<string>> =>
  seesRestricted(actor) ? new Set() : retainedInteractionIds(db, actor.tenantId, ids);

export async function lookupInteractions(db: Db, actor: Actor, keys: InteractionKeys) {
  const [items, view] = await Promise.all([findInteractions(db, actor.tenantId, keys), restrictedViewOf(db, actor)]);
  const retained = await hiddenByRetention(
    db,
    actor,
    items.map((i) => i.id),
  );
  return { items: items.filter((i) => !view.hidesInteraction(i) && !retained.has(i.id)).map(view.withoutHidden) };
}

/**
 * What other features do when an interaction changes, wired by the composition root: interactions may not import the
 * features that build on them (cases resolve with their complaint), so those hand in their step instead.
 */
export interface InteractionHooks {
  /** Runs in the transaction that resolved the complaint or service request, so both commit together or neither. */
  onResolved?: (tx: Queryable, actor: Actor, interaction: Interaction) => Promise<void>;
}

export async function changeInteraction(db: Db, actor: Actor, id: string, expectedVersion: number, patch: InteractionPatch, hooks: InteractionHooks = {}) {
  const [view, retained] = await Promise.all([restrictedViewOf(db, actor), retainedInteractionIds(db, actor.tenantId, [id])]);
  if (retained.size > 0) {
    if (!seesRestricted(actor)) throw notFound('interaction');
    throw conflict('this email is kept only under a retention duty after its correspondent was erased: it is read-only until the retention run deletes it', undefined, {
      reason: 'retained',
    });
  }
  if (view.hidden.length > 0) {
    const current = await getInteraction(db, actor.tenantId, id);
    if (current && view.hidesInteraction(current)) throw notFound('interaction');
  }
  return updateRecord(db, actor, 'interaction', id, async (tx) => {
    const outcome = await updateInteraction(tx, actor.tenantId, id, expectedVersion, patch);
    if (outcome.status === 'ok' && patch.status === 'resolved' && hooks.onResolved) await hooks.onResolved(tx, actor, outcome.value);
    return outcome;
  });
}

/**
 * For the cases feature: resolves the complaint or service request of a case being resolved, inside the case's own
 * transaction, so a crash between the two writes leaves both as they were. The row is locked first, so the version
 * read is the one the update finds. No hooks run: the case is the caller.
 */
export async function resolveInteractionWith(tx: Queryable, actor: Actor, id: string, resolution: string | null): Promise<void> {
  if ((await retainedInteractionIds(tx, actor.tenantId, [id])).size > 0) {
    throw conflict('this email is kept only under a retention duty after its correspondent was erased: it is read-only until the retention run deletes it', undefined, {
      reason: 'retained',
    });
  }
  const [locked] = await tx.query<{ version: number }>(`SELECT version FROM interactions WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [actor.tenantId, id]);
  if (!locked) return;
  const outcome = await updateInteraction(tx, actor.tenantId, id, Number(locked.version), { status: 'resolved', resolution });
  if (outcome.status === 'ok') await auditChange(tx, actor, 'update', 'interaction', id, outcome.fields);
}

/** What has happened by `now`, newest first; planned meetings are the account overview's `upcoming`. */
export async function timeline(db: Db, actor: Actor, accountId: string, query: TimelineQuery, now = new Date()) {
  const [account, view] = await Promise.all([accountById(db, actor.tenantId, accountId), restrictedViewOf(db, actor)]);
  if (!account) throw notFound('account');
  const page = await accountTimeline(db, actor.tenantId, accountId, query, now, view.hidden);
  return { ...page, items: page.items.map(view.withoutHidden) };
}

/** For the contacts feature's create transaction: interactions logged while the new contact's address was unknown. */
export const linkInteractionsToNewContact = (tx: Queryable, tenantId: string, contact: { id: string; emails: readonly string[] }) =>
  linkPendingToContact(tx, tenantId, contact);

/** The people these interactions are linked to (the complainants of service cases, for the read audit). */
export const peopleOfInteractions = (db: Queryable, tenantId: string, interactionIds: readonly string[]) => contactIdsOf(db, tenantId, interactionIds);

/** Which of these interactions (account tab, context lookup) concern only people the actor may not see. */
export const interactionsOnlyAboutHidden = (db: Queryable, tenantId: string, interactionIds: readonly string[], hidden: readonly string[]) =>
  interactionsOnlyAbout(db, tenantId, interactionIds, hidden);

/** The interactions already logged for an email or meeting, for the context lookup. A letter kept only under a retention
 * duty is readable by CRM.Privacy and CRM.Admin alone, so its subject and summary must not reach others' panes this way. */
export async function findLoggedInteractions(db: Queryable, actor: Actor, keys: InteractionKeys) {
  const items = await findInteractions(db, actor.tenantId, keys);
  if (items.length === 0) return items;
  const retained = await hiddenByRetention(
    db,
    actor,
    items.map((i) => i.id),
  );
  return retained.size === 0 ? items : items.filter((i) => !retained.has(i.id));
}
