// The register of data subject requests (Art. 12, 15-21): deadlines one month from receipt, one extension with its
// reason, the actions taken with who and when, the answer sent, and for rectification the changes it led to.
import type { PrivacyRequest, PrivacyRequestCreate, PrivacyRequestListQuery, PrivacyRequestPatch, PrivacyRequestSummary } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db, Queryable } from '../../core/db/db';
import { iso, strOrNull, versionedFields, type Row } from '../../core/db/rows';
import { conflict, invalid } from '../../core/errors';
import { createRecord, readRecord, updateRecord, type Created } from '../../core/records';
import { deadlineFlags, dueDate, extendedDueDate, isOpen, todayUtc } from './request-deadlines';
import { contactExists } from './store';
import {
  actionRows,
  changeEntries,
  insertActions,
  insertRequest,
  linkChanges,
  linkedChangeRows,
  listRequestRows,
  requestRow,
  updateRequest,
  type RequestChange,
} from './requests-store';

function toSummary(row: Row, today: string): PrivacyRequestSummary {
  const status = row.status as PrivacyRequestSummary['status'];
  const dueOn = String(row.effective_due_on);
  return {
    ...versionedFields(row),
    type: row.type as PrivacyRequestSummary['type'],
    contactId: strOrNull(row, 'contact_id'),
    email: strOrNull(row, 'email'),
    receivedOn: String(row.received_on),
    dueOn,
    originalDueOn: String(row.due_on),
    extension: row.extended_due_on
      ? { dueOn: String(row.extended_due_on), reason: String(row.extension_reason), extendedBy: strOrNull(row, 'extended_by'), extendedAt: iso(row.extended_at) }
      : null,
    status,
    answer: row.answer_sent_on ? { sentOn: String(row.answer_sent_on), text: String(row.answer) } : null,
    ...deadlineFlags(dueOn, status, today),
    createdBy: strOrNull(row, 'created_by'),
  };
}

async function fullRequest(db: Queryable, tenantId: string, id: string, today: string): Promise<PrivacyRequest | null> {
  const row = await requestRow(db, tenantId, id);
  if (!row) return null;
  const [actions, changes] = await Promise.all([actionRows(db, tenantId, id), linkedChangeRows(db, tenantId, id)]);
  return {
    ...toSummary(row, today),
    actions: actions.map((a) => ({
      at: iso(a.at),
      actorId: strOrNull(a, 'actor_id'),
      actorName: strOrNull(a, 'actor_name'),
      kind: a.kind as PrivacyRequest['actions'][number]['kind'],
      detail: String(a.detail),
    })),
    changes: changes.map((c) => ({
      auditId: Number(c.id),
      at: iso(c.at),
      actorId: c.actor_id,
      actorName: c.actor_name,
      action: c.action,
      entity: c.entity,
      entityId: c.entity_id,
      changedFields: c.changed_fields,
    })),
  };
}

async function requireContact(db: Queryable, tenantId: string, contactId: string): Promise<void> {
  if (!(await contactExists(db, tenantId, contactId))) throw invalid('contactId', 'no contact of this tenant has this id');
}

export function createPrivacyRequest(db: Db, actor: Actor, input: PrivacyRequestCreate, now = new Date()): Promise<Created<PrivacyRequest>> {
  const today = todayUtc(now);
  if (input.receivedOn > today) throw invalid('receivedOn', `must not be after today (${today})`);
  return createRecord(db, actor, 'privacy_request', async (tx) => {
    if (input.contactId) await requireContact(tx, actor.tenantId, input.contactId);
    const { id, created } = await insertRequest(tx, actor.tenantId, {
      id: input.id,
      type: input.type,
      contactId: input.contactId ?? null,
      email: input.email ?? null,
      receivedOn: input.receivedOn,
      dueOn: dueDate(input.receivedOn),
      createdBy: actor.userId,
    });
    if (created) await insertActions(tx, actor.tenantId, id, actor.userId, [{ kind: 'registered', detail: input.note ?? '' }]);
    return { value: (await fullRequest(tx, actor.tenantId, id, today))!, created };
  });
}

export const readPrivacyRequest = (db: Db, actor: Actor, id: string, now = new Date()): Promise<PrivacyRequest> =>
  readRecord('privacy request', () => fullRequest(db, actor.tenantId, id, todayUtc(now)));

export async function listPrivacyRequests(db: Db, actor: Actor, query: PrivacyRequestListQuery, now = new Date()) {
  const today = todayUtc(now);
  const page = await listRequestRows(db, actor.tenantId, query);
  return { items: page.rows.map((row) => toSummary(row, today)), nextCursor: page.nextCursor };
}

export function changePrivacyRequest(
  db: Db,
  actor: Actor,
  id: string,
  expectedVersion: number,
  patch: PrivacyRequestPatch,
  now = new Date(),
): Promise<PrivacyRequest> {
  const today = todayUtc(now);
  return updateRecord(db, actor, 'privacy_request', id, async (tx) => {
    const row = await requestRow(tx, actor.tenantId, id, true);
    if (!row) return { status: 'missing' };
    if (Number(row.version) !== expectedVersion) return { status: 'stale' };
    const current = toSummary(row, today);
    const change: RequestChange = {};
    const actions: { kind: PrivacyRequest['actions'][number]['kind']; detail: string }[] = [];

    if (patch.contactId && patch.contactId !== current.contactId) {
      await requireContact(tx, actor.tenantId, patch.contactId);
      change.contactId = patch.contactId;
      actions.push({ kind: 'contact_linked', detail: patch.contactId });
    }
    if (patch.extension) {
      if (current.extension) {
        throw conflict(`this request was already extended on ${current.extension.extendedAt.slice(0, 10)}; Art. 12(3) allows one extension`, 'extension', {
          reason: 'already_extended',
        });
      }
      if (!isOpen(current.status)) throw conflict('a closed request cannot be extended', 'extension', { reason: 'closed' });
      // The person must be told of the extension within one month of receipt, so it cannot be decided after the deadline.
      if (today > current.originalDueOn) {
        throw conflict(`the extension had to be decided by ${current.originalDueOn}, one month from receipt (Art. 12(3))`, 'extension', { reason: 'too_late' });
      }
      const dueOn = extendedDueDate(current.receivedOn, patch.extension.months);
      change.extension = { dueOn, reason: patch.extension.reason, by: actor.userId };
      actions.push({ kind: 'extended', detail: dueOn });
    }
    if (patch.answer) {
      if (patch.answer.sentOn < current.receivedOn) throw invalid('answer.sentOn', `must not be before the request was received (${current.receivedOn})`);
      if (patch.answer.sentOn > today) throw invalid('answer.sentOn', `must not be after today (${today})`);
      change.answer = patch.answer;
      actions.push({ kind: 'answered', detail: patch.answer.sentOn });
    }
    if (patch.status && patch.status !== current.status) {
      if (!isOpen(patch.status) && !change.answer && !current.answer) {
        throw invalid('answer', `is required to set status ${patch.status}: record the answer sent to the person (Art. 12(3), 12(4))`);
      }
      change.status = patch.status;
      actions.push({ kind: 'status', detail: patch.status });
    }
    if (patch.linkChanges) {
      await checkChanges(tx, actor.tenantId, current, patch.linkChanges);
      actions.push({ kind: 'changes_linked', detail: patch.linkChanges.join(', ') });
    }
    if (patch.action) actions.push({ kind: 'note', detail: patch.action });

    const outcome = await updateRequest(tx, actor.tenantId, id, expectedVersion, change);
    if (outcome.status !== 'ok') return outcome;
    if (patch.linkChanges) await linkChanges(tx, actor.tenantId, id, patch.linkChanges);
    await insertActions(tx, actor.tenantId, id, actor.userId, actions);
    return { status: 'ok', value: (await fullRequest(tx, actor.tenantId, id, today))!, fields: [...outcome.fields, ...(patch.action ? ['action'] : [])] };
  });
}

/** A rectification links edits of its own person: audit log updates of the tenant, of the request's contact when it has one. */
async function checkChanges(tx: Queryable, tenantId: string, request: PrivacyRequestSummary, auditIds: readonly number[]): Promise<void> {
  if (request.type !== 'rectification') throw invalid('linkChanges', `only a rectification request links changes; this one is ${request.type}`);
  const entries = new Map((await changeEntries(tx, tenantId, auditIds)).map((e) => [Number(e.id), e]));
  auditIds.forEach((auditId, i) => {
    const entry = entries.get(auditId);
    if (!entry) throw invalid(`linkChanges[${i}]`, 'no audit log entry of this tenant has this id');
    if (entry.action !== 'update') throw invalid(`linkChanges[${i}]`, `is a ${entry.action}, not an update of a record`);
    if (request.contactId && !(entry.entity === 'contact' && entry.entity_id === request.contactId)) {
      throw invalid(`linkChanges[${i}]`, "is not a change of this request's contact");
    }
  });
}
