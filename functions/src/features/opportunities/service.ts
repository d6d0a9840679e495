// Opportunity rules: the stage comes from the tenant's model and sets the default probability.
import type { OpportunityCreate, OpportunityListQuery, OpportunityPatch } from '@crm/common';
import type { Db } from '../../core/db/db';
import { getOpportunity, insertOpportunity, listOpportunities, opportunityContactIds, updateOpportunity } from './store';
import { getSettings } from '../settings';
import type { Actor } from '../../core/actor';
import { createRecord, deleteRecord, readRecord, updateRecord } from '../../core/records';
import { stageOf } from './stage-model';

export async function createOpportunity(db: Db, actor: Actor, input: OpportunityCreate) {
  const settings = await getSettings(db, actor.tenantId);
  const stage = stageOf(settings, input.stage ?? settings.stages[0]!.key);
  return createRecord(db, actor, 'opportunity', async (tx) => {
    const { opportunity, created } = await insertOpportunity(tx, actor.tenantId, {
      id: input.id,
      accountId: input.accountId,
      name: input.name,
      stage: stage.key,
      amount: input.amount,
      currency: input.currency,
      probability: input.probability ?? stage.probability,
      expectedCloseDate: input.expectedCloseDate ?? null,
      ownerId: input.ownerId === undefined ? actor.userId : input.ownerId,
      contactIds: input.contactIds,
    });
    return { value: opportunity, created };
  });
}

export async function changeOpportunity(db: Db, actor: Actor, id: string, expectedVersion: number, patch: OpportunityPatch) {
  let effective = patch;
  if (patch.stage) {
    const stage = stageOf(await getSettings(db, actor.tenantId), patch.stage);
    // Moving a deal to another stage takes that stage's probability unless the user set one.
    effective = { ...patch, probability: patch.probability ?? stage.probability };
  }
  return updateRecord(db, actor, 'opportunity', id, (tx) => updateOpportunity(tx, actor.tenantId, id, expectedVersion, effective));
}

export const readOpportunity = (db: Db, actor: Actor, id: string) => readRecord('opportunity', () => getOpportunity(db, actor.tenantId, id));

export const namedContacts = (db: Db, actor: Actor, id: string) => opportunityContactIds(db, actor.tenantId, id);

export const searchOpportunities = (db: Db, actor: Actor, query: OpportunityListQuery) => listOpportunities(db, actor.tenantId, query);

export const removeOpportunity = (db: Db, actor: Actor, id: string, expectedVersion: number) =>
  deleteRecord(db, actor, 'opportunity', 'opportunities', id, expectedVersion);
