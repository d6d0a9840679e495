// Service cases: opened from a complaint or service request, due times from the service levels, every change in the
// case's history, and an escalation once per case and level when a due time passes.
import { ServiceLevelSettings, type Case, type CaseBrief, type CaseCreate, type CaseListQuery, type CasePatch, type Interaction } from '@crm/common';
import type { Actor } from '../../core/actor';
import { nameBasedId } from '../../core/name-based-id';
import { lastChange, writeAudit } from '../../core/audit/audit-store';
import type { ReadRecord } from '../../core/audit/read-audit';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { invalid, notFound, staleVersion } from '../../core/errors';
import { createRecord, readRecord } from '../../core/records';
import { notifyEscalation, notifyHandover } from '../automation';
import { interactionsOnlyAboutHidden, peopleOfInteractions, resolveInteractionWith } from '../interactions';
import { managersOf } from '../managers';
import { restrictedViewOf } from '../privacy';
import { getSettings } from '../settings';
import { levelsForAccount } from './contracts';
import { dueLevel, dueTimes } from './service-levels';
import {
  addEvent,
  caseInteraction,
  casesToEscalate,
  getCaseRow,
  insertCase,
  insertEscalationTask,
  lockComplaint,
  listCaseRows,
  openCaseRowsOf,
  raiseLevel,
  saveCase,
  toCase,
} from './store';

const levelsOf = async (db: Queryable, tenantId: string): Promise<ServiceLevelSettings> =>
  (await getSettings(db, tenantId)).serviceLevels ?? ServiceLevelSettings.parse({});

/** The cases about complaints that concern only restricted people (Art. 18), which other roles may not see. */
async function hiddenCases(db: Db, actor: Actor, cases: readonly Case[]): Promise<Set<string>> {
  const view = await restrictedViewOf(db, actor);
  const hidden = await interactionsOnlyAboutHidden(
    db,
    actor.tenantId,
    cases.map((c) => c.interactionId),
    view.hidden,
  );
  return new Set(cases.filter((c) => hidden.has(c.interactionId)).map((c) => c.id));
}

export async function readCase(db: Db, actor: Actor, id: string, now = new Date()): Promise<Case> {
  return readRecord('case', async () => {
    const row = await getCaseRow(db, actor.tenantId, id);
    if (!row) return null;
    const found = toCase(row, now);
    return (await hiddenCases(db, actor, [found])).size > 0 ? null : found;
  });
}

/** What reading these cases concerns, for the read audit: their accounts and the people their complaints are linked to. */
export async function readRecordsOfCases(db: Db, tenantId: string, cases: readonly Case[]): Promise<ReadRecord[]> {
  const people = await peopleOfInteractions(
    db,
    tenantId,
    cases.map((c) => c.interactionId),
  );
  const accounts = [...new Set(cases.flatMap((c) => (c.accountId ? [c.accountId] : [])))];
  return [...people.map((id) => ({ entity: 'contact' as const, id })), ...accounts.map((id) => ({ entity: 'account' as const, id }))];
}

export async function searchCases(db: Db, actor: Actor, query: CaseListQuery, now = new Date()) {
  const page = await listCaseRows(db, actor.tenantId, { ...query, assigneeId: query.assigneeId === 'me' ? actor.userId : query.assigneeId }, now);
  const items = page.rows.map((row) => toCase(row, now));
  const hidden = await hiddenCases(db, actor, items);
  return { items: items.filter((c) => !hidden.has(c.id)), nextCursor: page.nextCursor };
}

/**
 * The open case of each of these complaints, by complaint, for the pane's banner. The caller shows only complaints the
 * actor may see, so a case about a hidden complaint is never asked for.
 */
export async function openCasesOf(db: Db, tenantId: string, interactionIds: readonly string[], now = new Date()): Promise<Map<string, CaseBrief>> {
  if (interactionIds.length === 0) return new Map();
  const rows = await openCaseRowsOf(db, tenantId, interactionIds);
  return new Map(
    rows.map((row) => {
      const c = toCase(row, now);
      const brief: CaseBrief = {
        id: c.id,
        priority: c.priority,
        status: c.status,
        firstResponseDue: c.firstResponseDue,
        resolutionDue: c.resolutionDue,
        firstResponseAt: c.firstResponseAt,
        escalationLevel: c.escalationLevel,
        overdue: c.overdue,
      };
      return [c.interactionId, brief];
    }),
  );
}

/** One case per interaction: opening it again answers the case there is. */
export async function openCase(db: Db, actor: Actor, input: CaseCreate, now = new Date()) {
  const interaction = await caseInteraction(db, actor.tenantId, input.interactionId);
  if (!interaction) throw invalid('interactionId', 'does not exist in this tenant');
  if (interaction.type !== 'complaint' && interaction.type !== 'service_request') throw invalid('interactionId', 'is no complaint or service request');
  const openedAt = new Date(interaction.occurred_at);
  const levels = await levelsForAccount(db, actor.tenantId, interaction.account_id, openedAt, await levelsOf(db, actor.tenantId));
  const due = dueTimes(openedAt, input.priority, levels);
  return createRecord(db, actor, 'case', async (tx) => {
    const { id, created } = await insertCase(
      tx,
      actor.tenantId,
      {
        interactionId: input.interactionId,
        accountId: interaction.account_id,
        priority: input.priority,
        assigneeId: input.assigneeId === undefined ? actor.userId : input.assigneeId,
        openedAt,
        ...due,
      },
      actor.userId,
    );
    return { value: toCase((await getCaseRow(tx, actor.tenantId, id))!, now), created };
  });
}

/**
 * A new priority moves the due times (from when the case opened); resolving it resolves the complaint too, in the same
 * transaction, so no crash leaves a resolved case with an open complaint.
 */
export async function changeCase(db: Db, actor: Actor, id: string, expectedVersion: number, patch: CasePatch, now = new Date()): Promise<Case> {
  const seen = await readCase(db, actor, id, now);
  const tenantLevels = await levelsOf(db, actor.tenantId);
  await inTransaction(db, async (tx) => {
    if (patch.status === 'resolved') await lockComplaint(tx, actor.tenantId, seen.interactionId);
    const row = await getCaseRow(tx, actor.tenantId, id, true);
    if (!row) throw notFound('case');
    if (Number(row.version) !== expectedVersion) throw staleVersion('case', await lastChange(tx, actor.tenantId, 'case', id));
    const current = toCase(row, now);
    const priority = patch.priority ?? current.priority;
    const openedAt = new Date(current.openedAt);
    const due =
      priority === current.priority
        ? { firstResponseDue: new Date(current.firstResponseDue), resolutionDue: new Date(current.resolutionDue) }
        : dueTimes(openedAt, priority, await levelsForAccount(tx, actor.tenantId, current.accountId, openedAt, tenantLevels));
    const next = {
      priority,
      assigneeId: patch.assigneeId === undefined ? current.assigneeId : patch.assigneeId,
      status: patch.status ?? current.status,
      resolution: patch.resolution === undefined ? current.resolution : patch.resolution,
      ...due,
    };
    await saveCase(tx, actor.tenantId, id, expectedVersion, next);
    const changed: string[] = [];
    for (const [kind, from, to] of [
      ['status', current.status, next.status],
      ['priority', current.priority, next.priority],
      ['assignee', current.assigneeId, next.assigneeId],
    ] as const) {
      if (from === to) continue;
      changed.push(kind);
      await addEvent(tx, actor.tenantId, id, actor.userId, kind, from, to);
    }
    if (next.assigneeId && next.assigneeId !== current.assigneeId) {
      await notifyHandover(tx, actor, {
        entity: 'case',
        entityId: id,
        version: expectedVersion + 1,
        assigneeId: next.assigneeId,
        title: `Übergabe / Handover: ${current.type === 'complaint' ? 'Reklamation / complaint' : 'Serviceanfrage / service request'} ${current.subject}`,
        accountId: current.accountId,
        interactionId: current.interactionId,
      });
    }
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorId: actor.userId,
      action: 'update',
      entity: 'case',
      entityId: id,
      changedFields: Object.keys(patch),
    });
    if (next.status === 'resolved' && current.status !== 'resolved') await resolveInteractionWith(tx, actor, current.interactionId, next.resolution);
  });
  return readCase(db, actor, id, now);
}

/**
 * The interactions feature's resolution hook (wired in functions/src/app): a complaint or service request resolved on its
 * own, as the Teams account tab does, resolves its open case with the same resolution, in the same transaction. A case
 * resolved or closed before stays as it is.
 */
export async function resolveCaseOfInteraction(tx: Queryable, actor: Actor, interaction: Interaction, now = new Date()): Promise<void> {
  const [open] = await openCaseRowsOf(tx, actor.tenantId, [interaction.id]);
  if (!open) return;
  const row = await getCaseRow(tx, actor.tenantId, String(open.id), true);
  if (!row) return;
  const current = toCase(row, now);
  if (current.status === 'resolved' || current.status === 'closed') return;
  const version = Number(row.version);
  await saveCase(tx, actor.tenantId, current.id, version, {
    priority: current.priority,
    assigneeId: current.assigneeId,
    status: 'resolved',
    resolution: interaction.resolution ?? current.resolution,
    firstResponseDue: new Date(current.firstResponseDue),
    resolutionDue: new Date(current.resolutionDue),
  });
  await addEvent(tx, actor.tenantId, current.id, actor.userId, 'status', current.status, 'resolved');
  await writeAudit(tx, {
    tenantId: actor.tenantId,
    actorId: actor.userId,
    action: 'update',
    entity: 'case',
    entityId: current.id,
    changedFields: ['status', 'resolution'],
  });
}

/** One follow-up per case and level, whoever runs the escalation and however often. */
const derived = (caseId: string, level: number) => nameBasedId(`${caseId}:escalation:${level}`);

/**
 * Escalates every open case of every tenant whose due time passed: a follow-up for the assignee's manager, else the
 * tenant's escalation contact, else the account owner, else the assignee, saying which due time passed, announced in their Teams activity feed. Once per case and level, also when two
 * runs overlap (the level is raised only from below, in the same transaction as the follow-up).
 */
export async function escalateDue(db: Db, now = new Date(), limit = 500): Promise<{ escalated: number }> {
  let escalated = 0;
  for (const row of await casesToEscalate(db, now, limit)) {
    const respondedAt = row.responded_at ? new Date(row.responded_at) : null;
    const level = dueLevel(
      { firstResponseDue: new Date(row.first_response_due), resolutionDue: new Date(row.resolution_due), firstResponseAt: respondedAt, closed: false },
      now,
    );
    if (level <= row.escalation_level) continue;
    const levels = await levelsOf(db, row.tenant_id);
    const due = level === 2 ? row.resolution_due : row.first_response_due;
    const manager = row.assignee_id ? (await managersOf(db, row.tenant_id, [row.assignee_id])).get(row.assignee_id) : undefined;
    const escalateTo = manager ?? levels.escalateTo ?? row.owner_id ?? row.assignee_id;
    const taskId = derived(row.id, level);
    await inTransaction(db, async (tx) => {
      if (!(await raiseLevel(tx, row.tenant_id, row.id, level, respondedAt))) return;
      await insertEscalationTask(tx, row.tenant_id, {
        id: taskId,
        title:
          `${level === 2 ? 'Resolution' : 'First response'} overdue since ${new Date(due).toISOString().slice(0, 16).replace('T', ' ')} UTC: ${row.subject}`.slice(
            0,
            300,
          ),
        assigneeId: escalateTo,
        accountId: row.account_id,
        interactionId: row.interaction_id,
        dueDate: now.toISOString().slice(0, 10),
      });
      await notifyEscalation(tx, row.tenant_id, taskId, escalateTo);
      await addEvent(tx, row.tenant_id, row.id, null, 'escalated', String(level - 1), String(level));
      escalated += 1;
    });
  }
  return { escalated };
}
