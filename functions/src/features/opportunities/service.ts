// Opportunity rules: the stage comes from the tenant's model and sets the default probability.
import type { Opportunity, OpportunityCreate, OpportunityListQuery, OpportunityPatch } from '@crm/common';
import type { ReadRecord } from '../../core/audit/read-audit';
import type { Db } from '../../core/db/db';
import { getOpportunity, insertOpportunity, listOpportunities, opportunitiesContactIds, updateOpportunity } from './store';
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
      productLine: input.productLine ?? null,
      externalId: input.externalId ?? null,
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

/**
 * What reading these opportunities concerns, for the read audit: each opportunity, its account and the people it names.
 * The people are not in the answer, so they are looked up here, in one query for the page; callers skip it while the
 * audit is off.
 */
export async function readRecordsOfOpportunities(db: Db, tenantId: string, opportunities: readonly Opportunity[]): Promise<ReadRecord[]> {
  const people = await opportunitiesContactIds(
    db,
    tenantId,
    opportunities.map((o) => o.id),
  );
  const accounts = [...new Set(opportunities.map((o) => o.accountId))];
  return [
    ...opportunities.map((o) => ({ entity: 'opportunity' as const, id: o.id })),
    ...accounts.map((id) => ({ entity: 'account' as const, id })),
    ...people.map((id) => ({ entity: 'contact' as const, id })),
  ];
}

export const searchOpportunities = (db: Db, actor: Actor, query: OpportunityListQuery) => listOpportunities(db, actor.tenantId, query);

export const removeOpportunity = (db: Db, actor: Actor, id: string, expectedVersion: number) =>
  deleteRecord(db, actor, 'opportunity', 'opportunities', id, expectedVersion);
