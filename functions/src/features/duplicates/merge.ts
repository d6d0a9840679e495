// Merging two contacts or two accounts with all their history, in one transaction, recorded in the audit log and
// undoable: the merge row keeps both records as they were and every link it moved.
import type { AccountMergeRequest, ContactMergeRequest, Merge } from '@crm/common';
import type { Actor } from '../../core/actor';
import { writeAudit } from '../../core/audit/audit-store';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { etagOf, iso, isoOrNull } from '../../core/db/rows';
import { conflict, DomainError, invalid, notFound, staleVersion } from '../../core/errors';
import { consentHistoryOf } from '../consents';
import { restrictedAmong } from '../privacy';
import { mergedColumns, mergedCustomFields, restrictiveEntries, union } from './merge-rules';
import {
  appendConsents,
  claimKeys,
  deleteConsents,
  deleteRow,
  insertMerge,
  interactionAccounts,
  interactionContacts,
  lockMerge,
  lockRows,
  markUndone,
  moveConsents,
  moveLinks,
  moveLinksBack,
  moveSyncedContacts,
  opportunityContacts,
  repoint,
  repointPlain,
  resetRow,
  restoreRow,
  restoreSharedLinks,
  revenueOverlap,
  versionOf,
  type GraphItemKey,
  type MergeRow,
  type MovedLinks,
  type Row,
} from './merge-store';

const CONTACT_FIELDS = {
  firstName: 'first_name',
  lastName: 'last_name',
  jobTitle: 'job_title',
  buyingRole: 'buying_role',
  ownerId: 'owner_id',
  accountId: 'account_id',
  communicationPreferences: 'communication_preferences',
} as const;
const CONTACT_COLUMNS = [...Object.values(CONTACT_FIELDS), 'emails', 'phones', 'custom_fields'];

const ACCOUNT_FIELDS = {
  name: 'name',
  industry: 'industry',
  segment: 'segment',
  rating: 'rating',
  ownerId: 'owner_id',
  parentAccountId: 'parent_account_id',
  address: 'address',
} as const;
const ACCOUNT_COLUMNS = [...Object.values(ACCOUNT_FIELDS), 'domains', 'custom_fields'];

/** The API names of the survivor's fields the merge changed, for the audit log (names, never values). */
function changedFields(before: Row, after: Row, fields: Readonly<Record<string, string>>): string[] {
  const names: Record<string, string> = {
    ...Object.fromEntries(Object.entries(fields).map(([f, c]) => [c, f])),
    emails: 'emails',
    phones: 'phones',
    domains: 'domains',
    custom_fields: 'customFields',
  };
  return Object.entries(names)
    .filter(([column]) => JSON.stringify(before[column] ?? null) !== JSON.stringify(after[column] ?? null))
    .map(([, field]) => field);
}

function versionOfEtag(etag: string): number {
  const match = /^(?:W\/)?"(\d{1,9})"$/.exec(etag.trim());
  if (!match) throw invalid('mergedEtag', 'is not an ETag this API returned (such as "3")');
  return Number(match[1]);
}

const toMerge = (row: MergeRow, survivorVersion: number): Merge => ({
  id: row.id,
  entity: row.entity,
  survivorId: row.survivor_id,
  mergedId: row.merged_id,
  moved: row.moved,
  mergedAt: iso(row.merged_at),
  mergedBy: row.merged_by,
  undoneAt: isoOrNull(row.undone_at),
  survivorEtag: etagOf(survivorVersion),
});

/** Both records, locked, with both versions checked: the path's by If-Match, the merged one by the body's ETag. */
async function lockPair(
  tx: Queryable,
  table: 'contacts' | 'accounts',
  entity: string,
  tenantId: string,
  survivorId: string,
  survivorVersion: number,
  request: { mergedId: string; mergedEtag: string },
) {
  if (request.mergedId === survivorId) throw invalid('mergedId', `is the ${entity} in the path; a record cannot be merged into itself`);
  const mergedVersion = versionOfEtag(request.mergedEtag);
  const rows = await lockRows(tx, table, tenantId, [survivorId, request.mergedId]);
  const survivor = rows.get(survivorId);
  const merged = rows.get(request.mergedId);
  if (!survivor) throw notFound(entity);
  if (!merged) throw new DomainError('not_found', `the ${entity} to merge (mergedId) was not found`, 'mergedId');
  if (survivor.version !== survivorVersion) throw staleVersion(entity);
  if (merged.version !== mergedVersion) {
    throw new DomainError('precondition_failed', `the ${entity} to merge was changed by someone else since you read it; reload and try again`, 'mergedEtag');
  }
  return { survivor, merged };
}

const refuseRestricted = async (tx: Queryable, tenantId: string, contactIds: readonly string[]) => {
  if ((await restrictedAmong(tx, tenantId, contactIds)).size > 0) {
    throw conflict('processing of a person involved is restricted (GDPR Art. 18): the record is read-only until the restriction is lifted', undefined, {
      reason: 'restricted',
    });
  }
};

const count = (links: MovedLinks) => links.moved.length + links.shared.length;

async function finish(
  tx: Queryable,
  actor: Actor,
  entity: 'contact' | 'account',
  table: 'contacts' | 'accounts',
  survivor: Row,
  next: Row,
  merged: Row,
  undo: Record<string, unknown>,
  moved: Record<string, number>,
  fields: Readonly<Record<string, string>>,
) {
  const version = (await versionOf(tx, table, actor.tenantId, survivor.id))!;
  const row = await insertMerge(tx, actor.tenantId, {
    entity,
    survivorId: survivor.id,
    mergedId: merged.id,
    undo,
    moved,
    survivorVersion: version,
    by: actor.userId,
  });
  const audit = { tenantId: actor.tenantId, actorId: actor.userId, action: 'merge' as const, entity };
  await writeAudit(tx, { ...audit, entityId: survivor.id, changedFields: changedFields(survivor, next, fields) });
  await writeAudit(tx, { ...audit, entityId: merged.id });
  return toMerge(row, version);
}

const samePhone = (p: unknown) => String((p as { number?: string }).number ?? '').replace(/[^+0-9]/g, '');

export const mergeContacts = (db: Db, actor: Actor, survivorId: string, survivorVersion: number, request: ContactMergeRequest): Promise<Merge> =>
  inTransaction(db, async (tx) => {
    const tenantId = actor.tenantId;
    const { survivor, merged } = await lockPair(tx, 'contacts', 'contact', tenantId, survivorId, survivorVersion, request);
    await refuseRestricted(tx, tenantId, [survivor.id, merged.id]);
    const next: Row = {
      ...survivor,
      ...mergedColumns(CONTACT_FIELDS, survivor, merged, request.fields),
      emails: union(survivor.emails as string[], merged.emails as string[]),
      phones: union(survivor.phones as unknown[], merged.phones as unknown[], samePhone),
      custom_fields: mergedCustomFields(
        survivor.custom_fields as Record<string, unknown>,
        merged.custom_fields as Record<string, unknown>,
        request.customFields,
      ),
    };
    const ownConsents = await consentHistoryOf(tx, tenantId, [survivor.id]);
    const otherConsents = await consentHistoryOf(tx, tenantId, [merged.id]);
    const undo = {
      survivor,
      merged,
      interactions: await moveLinks(tx, interactionContacts, tenantId, merged.id, survivor.id),
      opportunities: await moveLinks(tx, opportunityContacts, tenantId, merged.id, survivor.id),
      tasks: await repoint(tx, 'tasks', 'contact_id', tenantId, merged.id, survivor.id),
      consents: await moveConsents(tx, tenantId, merged.id, survivor.id),
      appendedConsents: await appendConsents(tx, tenantId, survivor.id, actor.userId, restrictiveEntries(ownConsents, otherConsents)),
      syncedContacts: await moveSyncedContacts(tx, tenantId, merged.id, survivor.id),
      syncConflicts: await repointPlain(tx, 'sync_conflicts', 'contact_id', tenantId, merged.id, survivor.id),
      restrictions: await repointPlain(tx, 'contact_restrictions', 'contact_id', tenantId, merged.id, survivor.id),
    };
    await deleteRow(tx, 'contacts', tenantId, merged.id);
    await resetRow(tx, 'contacts', tenantId, next, CONTACT_COLUMNS);
    await claimKeys(tx, 'contact_emails', tenantId, survivor.id, next.emails as string[]);
    const moved = {
      interactions: count(undo.interactions),
      opportunities: count(undo.opportunities),
      tasks: undo.tasks.length,
      consents: undo.consents.length,
      appendedConsents: undo.appendedConsents.length,
      syncedContacts: undo.syncedContacts.length,
      syncConflicts: undo.syncConflicts.length,
      restrictions: undo.restrictions.length,
    };
    return finish(tx, actor, 'contact', 'contacts', survivor, next, merged, undo, moved, CONTACT_FIELDS);
  });

/** Accounts whose parent is the merged one, except the survivor itself. */
async function childrenOf(tx: Queryable, tenantId: string, parentId: string, except: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM accounts WHERE tenant_id = $1 AND parent_account_id = $2 AND id <> $3`, [
    tenantId,
    parentId,
    except,
  ]);
  return rows.map((r) => r.id);
}

async function contactsOf(tx: Queryable, tenantId: string, accountId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM contacts WHERE tenant_id = $1 AND account_id = $2`, [tenantId, accountId]);
  return rows.map((r) => r.id);
}

export const mergeAccounts = (db: Db, actor: Actor, survivorId: string, survivorVersion: number, request: AccountMergeRequest): Promise<Merge> =>
  inTransaction(db, async (tx) => {
    const tenantId = actor.tenantId;
    const { survivor, merged } = await lockPair(tx, 'accounts', 'account', tenantId, survivorId, survivorVersion, request);
    await refuseRestricted(tx, tenantId, await contactsOf(tx, tenantId, merged.id));
    const overlap = await revenueOverlap(tx, tenantId, survivor.id, merged.id);
    if (overlap.length > 0) {
      throw conflict(
        `both accounts have revenue for the same period (${overlap.join(', ')}); delete one of the two figures first, the merge does not add them up`,
        undefined,
        {
          reason: 'revenue_overlap',
        },
      );
    }
    const next: Row = {
      ...survivor,
      ...mergedColumns(ACCOUNT_FIELDS, survivor, merged, request.fields),
      domains: union(survivor.domains as string[], merged.domains as string[]),
      custom_fields: mergedCustomFields(
        survivor.custom_fields as Record<string, unknown>,
        merged.custom_fields as Record<string, unknown>,
        request.customFields,
      ),
    };
    // The merged account cannot stay the survivor's parent, nor become its own grandparent.
    if (next.parent_account_id === merged.id) next.parent_account_id = merged.parent_account_id === survivor.id ? null : merged.parent_account_id;
    if (next.parent_account_id === survivor.id) next.parent_account_id = null;
    const children = await childrenOf(tx, tenantId, merged.id, survivor.id);
    const undo = {
      survivor,
      merged,
      contacts: await repoint(tx, 'contacts', 'account_id', tenantId, merged.id, survivor.id),
      opportunities: await repoint(tx, 'opportunities', 'account_id', tenantId, merged.id, survivor.id),
      tasks: await repoint(tx, 'tasks', 'account_id', tenantId, merged.id, survivor.id),
      children: await repoint(tx, 'accounts', 'parent_account_id', tenantId, merged.id, survivor.id, children),
      revenue: await repointPlain(tx, 'account_revenue', 'account_id', tenantId, merged.id, survivor.id),
      interactions: await moveLinks(tx, interactionAccounts, tenantId, merged.id, survivor.id),
    };
    await deleteRow(tx, 'accounts', tenantId, merged.id);
    await resetRow(tx, 'accounts', tenantId, next, ACCOUNT_COLUMNS);
    await claimKeys(tx, 'account_domains', tenantId, survivor.id, next.domains as string[]);
    const moved = {
      contacts: undo.contacts.length,
      opportunities: undo.opportunities.length,
      tasks: undo.tasks.length,
      childAccounts: undo.children.length,
      revenue: undo.revenue.length,
      interactions: count(undo.interactions),
    };
    return finish(tx, actor, 'account', 'accounts', survivor, next, merged, undo, moved, ACCOUNT_FIELDS);
  });

interface ContactUndo {
  survivor: Row;
  merged: Row;
  interactions: MovedLinks;
  opportunities: MovedLinks;
  tasks: string[];
  consents: string[];
  appendedConsents: string[];
  syncedContacts: GraphItemKey[];
  syncConflicts: string[];
  restrictions: string[];
}

interface AccountUndo {
  survivor: Row;
  merged: Row;
  contacts: string[];
  opportunities: string[];
  tasks: string[];
  children: string[];
  revenue: string[];
  interactions: MovedLinks;
}

async function undoContact(tx: Queryable, tenantId: string, undo: ContactUndo): Promise<void> {
  const { survivor, merged } = undo;
  await restoreRow(tx, 'contacts', merged);
  await resetRow(tx, 'contacts', tenantId, survivor, CONTACT_COLUMNS);
  await claimKeys(tx, 'contact_emails', tenantId, survivor.id, survivor.emails as string[]);
  await claimKeys(tx, 'contact_emails', tenantId, merged.id, merged.emails as string[]);
  for (const [link, moved] of [
    [interactionContacts, undo.interactions],
    [opportunityContacts, undo.opportunities],
  ] as const) {
    await moveLinksBack(tx, link, tenantId, survivor.id, merged.id, moved.moved);
    await restoreSharedLinks(tx, link, tenantId, merged.id, moved.shared);
  }
  await repoint(tx, 'tasks', 'contact_id', tenantId, survivor.id, merged.id, undo.tasks);
  await moveConsents(tx, tenantId, survivor.id, merged.id, undo.consents);
  await deleteConsents(tx, tenantId, undo.appendedConsents);
  await moveSyncedContacts(tx, tenantId, survivor.id, merged.id, undo.syncedContacts);
  await repointPlain(tx, 'sync_conflicts', 'contact_id', tenantId, survivor.id, merged.id, undo.syncConflicts);
  await repointPlain(tx, 'contact_restrictions', 'contact_id', tenantId, survivor.id, merged.id, undo.restrictions);
}

async function undoAccount(tx: Queryable, tenantId: string, undo: AccountUndo): Promise<void> {
  const { survivor, merged } = undo;
  await resetRow(tx, 'accounts', tenantId, survivor, ACCOUNT_COLUMNS);
  await restoreRow(tx, 'accounts', merged);
  await claimKeys(tx, 'account_domains', tenantId, survivor.id, survivor.domains as string[]);
  await claimKeys(tx, 'account_domains', tenantId, merged.id, merged.domains as string[]);
  await repoint(tx, 'contacts', 'account_id', tenantId, survivor.id, merged.id, undo.contacts);
  await repoint(tx, 'opportunities', 'account_id', tenantId, survivor.id, merged.id, undo.opportunities);
  await repoint(tx, 'tasks', 'account_id', tenantId, survivor.id, merged.id, undo.tasks);
  await repoint(tx, 'accounts', 'parent_account_id', tenantId, survivor.id, merged.id, undo.children);
  await repointPlain(tx, 'account_revenue', 'account_id', tenantId, survivor.id, merged.id, undo.revenue);
  await moveLinksBack(tx, interactionAccounts, tenantId, survivor.id, merged.id, undo.interactions.moved);
  await restoreSharedLinks(tx, interactionAccounts, tenantId, merged.id, undo.interactions.shared);
}

/**
 * Splits the two records again as they were before the merge, with the links the merge moved (as far as they still
 * point at the survivor). Refused once the survivor was changed since, because the undo would overwrite that change.
 */
export const undoMerge = (db: Db, actor: Actor, id: string): Promise<Merge> =>
  inTransaction(db, async (tx) => {
    const tenantId = actor.tenantId;
    const merge = await lockMerge(tx, tenantId, id);
    if (!merge) throw notFound('merge');
    if (merge.undone_at) throw conflict(`this merge was undone at ${iso(merge.undone_at)}`, undefined, { reason: 'undone' });
    const table = merge.entity === 'contact' ? 'contacts' : 'accounts';
    const rows = await lockRows(tx, table, tenantId, [merge.survivor_id]);
    const current = rows.get(merge.survivor_id);
    if (!current)
      throw conflict(`the surviving ${merge.entity} was deleted after the merge, so there is nothing to split`, undefined, { reason: 'survivor_deleted' });
    if (current.version !== merge.survivor_version) {
      throw conflict(`the surviving ${merge.entity} was changed after the merge; undoing would overwrite that change`, undefined, { reason: 'changed_since' });
    }
    if (merge.entity === 'contact') await undoContact(tx, tenantId, merge.undo as unknown as ContactUndo);
    else await undoAccount(tx, tenantId, merge.undo as unknown as AccountUndo);
    const version = (await versionOf(tx, table, tenantId, merge.survivor_id))!;
    const audit = { tenantId, actorId: actor.userId, action: 'undo-merge' as const, entity: merge.entity };
    await writeAudit(tx, { ...audit, entityId: merge.survivor_id });
    await writeAudit(tx, { ...audit, entityId: merge.merged_id });
    return toMerge(await markUndone(tx, tenantId, id, actor.userId, version), version);
  });
