// The opportunities kind of the import pipeline: a list of deals (name, account, stage, amount, close date, owner,
// product line).
// Its rows find their account by the account rules' exact keys and never create one (an opportunity on a misspelt
// company would make a second account); an opportunity of that account with the same name is updated with what the
// list says, set-wise per batch and audited as the opportunities feature audits its writes, and the undo deletes what
// it created or puts back what it changed, leaving alone what was changed since.
import { randomUUID } from 'node:crypto';
import type { ImportDecision, ImportOutcomePart, ImportRowOutcome, TenantSettings } from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudits, type AuditEntry } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import type { Choices, Proposal } from './decisions';
import type { MappedRow } from './match-rules';
import {
  columnsOf,
  deleteOpportunities,
  insertOpportunities,
  lockOpportunities,
  opportunityUses,
  storedOpportunities,
  updateOpportunities,
  usersOf,
  type OpportunityColumns,
  type OpportunityInsert,
} from './opportunity-store';
import { decideOpportunityRows, readOpportunity, stageNames, type OpportunityFields, type OpportunityRowPlan } from './opportunity-rows';
import { because, whyOf, type Why } from './reasons';
import type { StoredValues } from './record-plan';
import { accountsByKey } from './revenue-import';
import { changesOf, recordChanges, type ChangeRow, type ImportRowRecord, type StoredRow } from './store';
import { detectDateOrder, detectNumberStyle } from './values';

/** Notes a record the undo leaves alone, with the reason. */
export type LeftAlone = (entity: 'opportunity', id: string, row: number, why: Why) => void;

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value).trim());

/** The plan an opportunity row stores: `account.name` as the other kinds have it (the report names the company by it). */
export interface OpportunityPlan {
  account: { name: string };
  contact: null;
  consent: null;
  opportunity: (OpportunityRowPlan & { version: number | null }) | null;
}

export async function analyseOpportunities(
  db: Db,
  actor: Actor,
  mapped: readonly MappedRow[],
  settings: Pick<TenantSettings, 'stages' | 'defaultCurrency'>,
): Promise<StoredRow[]> {
  const found = await accountsByKey(db, actor.tenantId, mapped, 'opportunity');
  const amountStyle = detectNumberStyle(mapped.map((row) => row.values['opportunity.amount'] ?? null));
  const dateOrder = detectDateOrder(mapped.map((row) => row.values['opportunity.closeDate'] ?? null));
  const styles = { amount: amountStyle === 'mixed' ? null : amountStyle, closeDate: dateOrder === 'mixed' ? null : dateOrder };
  const names = stageNames(settings.stages);
  const values = mapped.map(({ values }) => readOpportunity(values as StoredValues, styles, names, settings.stages));
  const stored = await storedOpportunities(
    db,
    actor.tenantId,
    [...new Set(found.flatMap((account) => (account.ok ? [account.id] : [])))],
    [...new Set(values.flatMap((value) => (value.ok && value.value.externalId ? [value.value.externalId] : [])))],
  );
  const emails = [...new Set(values.flatMap((value) => (value.ok && value.value.ownerEmail ? [value.value.ownerEmail] : [])))];
  const owners = [...new Set(stored.flatMap((opportunity) => (opportunity.ownerId ? [opportunity.ownerId] : [])))];
  const users = await usersOf(db, actor.tenantId, emails, owners);
  const decisions = decideOpportunityRows(
    mapped.map(({ row }, i) => ({ row, account: found[i]!, values: values[i]! })),
    stored,
    {
      stages: settings.stages,
      defaultCurrency: settings.defaultCurrency,
      importer: actor.userId,
      users: new Map(users.map((user) => [user.email, user])),
      userEmails: new Map(users.map((user) => [user.id, user.email])),
    },
  );
  const versions = new Map(stored.map((opportunity) => [opportunity.id, opportunity.version]));
  return mapped.map(({ row, values: cells }, i): StoredRow => {
    const blank = Object.values(cells).every((value) => text(value) === '');
    const decision: ImportDecision = blank ? { action: 'skip', ...because('row.empty') } : decisions[i]!.decision;
    const account = found[i]!;
    const planned = blank ? null : decisions[i]!.plan;
    const plan: OpportunityPlan = {
      account: { name: account.ok ? account.name : text(cells['account.name']) || text(cells['account.customerNumber']) },
      contact: null,
      consent: null,
      opportunity: planned && { ...planned, version: planned.existingId ? (versions.get(planned.existingId) ?? null) : null },
    };
    return {
      row,
      values: cells,
      proposal: { account: null, contact: null, record: decision },
      plan: plan as unknown as Record<string, unknown>,
      accountAction: null,
      contactAction: null,
      recordAction: decision.action,
    };
  });
}

const outcome = (action: ImportOutcomePart['action'], id: string | null, why: Why): ImportRowOutcome => ({
  account: null,
  contact: null,
  consent: null,
  record: { action, id, ...whyOf(why) },
});

/** The audit's field names of the columns an update writes, as the opportunities feature names them. */
const AUDIT_FIELDS: Record<keyof OpportunityColumns, string> = {
  name: 'name',
  external_id: 'externalId',
  stage: 'stage',
  probability: 'probability',
  status: 'status',
  amount: 'amount',
  currency: 'currency',
  expected_close: 'expectedCloseDate',
  owner_id: 'ownerId',
  product_line: 'productLine',
  closed_at: 'closedAt',
};
const auditFields = (columns: OpportunityColumns) => Object.keys(columns).map((column) => AUDIT_FIELDS[column as keyof OpportunityColumns]);

/**
 * One batch of an opportunity list in the caller's transaction: the new opportunities in one statement, the updates in
 * one (each only where the opportunity still has the version the preview saw, else the row fails and says why), their
 * audit entries and ledger lines in one statement each.
 */
export async function commitOpportunityBatch(tx: Queryable, actor: Actor, importId: string, rows: readonly ImportRowRecord[]) {
  const results = new Map<number, { outcome: ImportRowOutcome; accountId: string | null }>();
  const inserts: (OpportunityInsert & { row: number })[] = [];
  const updates: { row: number; id: string; version: number; accountId: string; fields: OpportunityFields }[] = [];
  for (const row of rows) {
    const proposed = (row.proposal as unknown as Proposal).record;
    const chosen = (row.choice as Choices).record;
    const plan = (row.plan as unknown as OpportunityPlan).opportunity;
    const action = chosen?.action ?? proposed?.action;
    if (!proposed || !plan || (action !== 'create' && action !== 'update')) {
      const why: Why = chosen || !proposed ? because(chosen ? 'decision.chosen' : 'row.empty') : (proposed as Why);
      results.set(row.row_number, { outcome: outcome('skipped', proposed?.existingId ?? null, why), accountId: null });
    } else if (plan.existingId && plan.version !== null) {
      updates.push({ row: row.row_number, id: plan.existingId, version: plan.version, accountId: plan.accountId, fields: plan.fields });
    } else inserts.push({ row: row.row_number, id: randomUUID(), accountId: plan.accountId, fields: plan.fields as Required<OpportunityFields> });
  }
  const audits: AuditEntry[] = [];
  const changes: ChangeRow[] = [];
  const entry = (action: AuditEntry['action'], entityId: string, changedFields?: string[]) =>
    audits.push({ tenantId: actor.tenantId, actorId: actor.userId, action, entity: 'opportunity', entityId, changedFields });

  const inserted = await insertOpportunities(tx, actor.tenantId, inserts);
  for (const insert of inserts) {
    if (!inserted.has(insert.id)) {
      const why = because(insert.fields.externalId ? 'outcome.accountGoneOrNumberTaken' : 'outcome.revenueAccountGone', { number: insert.fields.externalId });
      results.set(insert.row, { outcome: outcome('failed', null, why), accountId: null });
      continue;
    }
    entry('create', insert.id);
    changes.push({ entity: 'opportunity', entity_id: insert.id, change: 'created', before: null, version_after: 1, row_number: insert.row });
    results.set(insert.row, { outcome: outcome('created', insert.id, because('outcome.opportunityCreated')), accountId: insert.accountId });
  }

  const current = await lockOpportunities(
    tx,
    actor.tenantId,
    updates.map((update) => update.id),
  );
  // Two rows never name the same opportunity (the preview makes the later one an error), so each update is its own.
  const writes = updates.flatMap((update) => {
    const now = current.get(update.id);
    if (!now || now.version !== update.version) {
      results.set(update.row, { outcome: outcome('failed', update.id, because('outcome.opportunityChangedSince')), accountId: null });
      return [];
    }
    return [{ ...update, columns: columnsOf(update.fields), now }];
  });
  const updated = await updateOpportunities(tx, actor.tenantId, writes);
  for (const write of writes) {
    if (!updated.has(write.id)) {
      results.set(write.row, { outcome: outcome('failed', write.id, because('outcome.opportunityChangedSince')), accountId: null });
      continue;
    }
    // What the undo puts back: every column the update wrote, and closed_at, which a change of status moves.
    const before: OpportunityColumns = {};
    for (const column of Object.keys(write.columns) as (keyof OpportunityColumns)[]) (before as Record<string, unknown>)[column] = write.now[column];
    if (write.columns.status !== undefined) before.closed_at = write.now.closed_at;
    const fields = auditFields(write.columns);
    entry('update', write.id, fields);
    changes.push({
      entity: 'opportunity',
      entity_id: write.id,
      change: 'updated',
      before: before as Record<string, unknown>,
      version_after: write.version + 1,
      row_number: write.row,
    });
    results.set(write.row, {
      outcome: outcome('updated', write.id, because('outcome.opportunityUpdated', { fields: fields.join(', ') })),
      accountId: write.accountId,
    });
  }
  await writeAudits(tx, audits);
  await recordChanges(tx, actor.tenantId, importId, changes);
  return rows.map((row) => {
    const result = results.get(row.row_number)!;
    return { row: row.row_number, outcome: result.outcome as unknown as Record<string, unknown>, accountId: result.accountId, contactId: null };
  });
}

/**
 * The undo of the opportunities an import wrote: one it created is deleted unless it was edited since or has
 * interactions, follow-ups, contacts or a lead since; one it updated gets the values back unless edited since. A deleted
 * one is named too. Answers how many it reverted, and the audit entries it writes go in the caller's list.
 */
export async function undoOpportunities(tx: Queryable, actor: Actor, importId: string, leave: LeftAlone, audits: AuditEntry[]): Promise<number> {
  const mine = (await changesOf(tx, actor.tenantId, importId)).filter((change) => change.entity === 'opportunity');
  if (mine.length === 0) return 0;
  const current = await lockOpportunities(
    tx,
    actor.tenantId,
    mine.map((change) => change.entity_id),
  );
  const unchanged = mine.filter((change) => {
    const now = current.get(change.entity_id);
    if (!now) leave('opportunity', change.entity_id, change.row_number, because('undo.deletedSince'));
    else if (now.version !== change.version_after) leave('opportunity', change.entity_id, change.row_number, because('undo.editedSince'));
    return now?.version === change.version_after;
  });
  const created = unchanged.filter((change) => change.change === 'created');
  const uses = await opportunityUses(
    tx,
    actor.tenantId,
    created.map((change) => change.entity_id),
  );
  const deletions: string[] = [];
  for (const change of created) {
    const use = uses.get(change.entity_id);
    if (use) leave('opportunity', change.entity_id, change.row_number, because('undo.has', { use }));
    else deletions.push(change.entity_id);
  }
  const restores = unchanged
    .filter((change) => change.change === 'updated')
    .map((change) => ({ id: change.entity_id, version: change.version_after!, columns: (change.before ?? {}) as OpportunityColumns }));
  await deleteOpportunities(tx, actor.tenantId, deletions);
  const restored = await updateOpportunities(tx, actor.tenantId, restores);
  for (const id of deletions) audits.push({ tenantId: actor.tenantId, actorId: actor.userId, action: 'delete', entity: 'opportunity', entityId: id });
  for (const restore of restores) {
    if (!restored.has(restore.id)) continue;
    audits.push({
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'update',
      entity: 'opportunity',
      entityId: restore.id,
      changedFields: auditFields(restore.columns),
    });
  }
  return deletions.length + restored.size;
}
