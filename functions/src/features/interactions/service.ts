// Logging interactions: new records answer "created", repeats of the same email or meeting answer "existing".
import type { Interaction, InteractionCreate, InteractionPatch, TimelineQuery } from '@crm/common';
import type { Db, Queryable } from '../../core/db/db';
import { accountById } from '../accounts';
import { accountTimeline, findInteractions, getInteraction, logInteraction as storeLog, updateInteraction } from './store';
import { inTransaction } from '../../core/db/pg-errors';
import type { Actor } from '../../core/actor';
import { notFound } from '../../core/errors';
import { auditChange, readRecord, updateRecord, type Created } from '../../core/records';

export async function logInteraction(db: Db, actor: Actor, input: InteractionCreate): Promise<Created<Interaction>> {
  return inTransaction(db, async (tx) => {
    const { interaction, created, noteAdded } = await storeLog(tx, actor.tenantId, actor.userId, input);
    await auditChange(tx, actor, created ? 'log' : 'log-again', 'interaction', interaction.id, noteAdded ? ['summary'] : undefined);
    return { value: interaction, created };
  });
}

export const readInteraction = (db: Db, actor: Actor, id: string) => readRecord('interaction', () => getInteraction(db, actor.tenantId, id));

export const lookupInteractions = async (db: Db, actor: Actor, keys: { internetMessageId?: string; iCalUId?: string; conversationId?: string }) => ({
  items: await findInteractions(db, actor.tenantId, keys),
});

export const changeInteraction = (db: Db, actor: Actor, id: string, expectedVersion: number, patch: InteractionPatch) =>
  updateRecord(db, actor, 'interaction', id, (tx) => updateInteraction(tx, actor.tenantId, id, expectedVersion, patch));

/** What has happened by `now`, newest first; planned meetings are the account overview's `upcoming`. */
export async function timeline(db: Db, actor: Actor, accountId: string, query: TimelineQuery, now = new Date()) {
  if (!(await accountById(db, actor.tenantId, accountId))) throw notFound('account');
  return accountTimeline(db, actor.tenantId, accountId, query, now);
}

/** The interactions already logged for an email or meeting, for the context lookup. */
export const findLoggedInteractions = (db: Queryable, tenantId: string, keys: { internetMessageId?: string; iCalUId?: string; conversationId?: string }) =>
  findInteractions(db, tenantId, keys);
