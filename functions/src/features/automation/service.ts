// Automation: admins edit the rules, a run (by hand or by the daily timer) turns what the rules find into follow-ups
// through the tasks feature, each once per rule, record and period, and logs what it made.
import { randomUUID } from 'node:crypto';
import {
  AutomationRules,
  type AutomationFollowUp,
  type AutomationRuleName,
  type AutomationRulesResponse,
  type AutomationRun,
  type AutomationRunListQuery,
  type FollowUpSnooze,
  type SnoozedFollowUp,
  type TaskRule,
} from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db, Queryable } from '../../core/db/db';
import { inTransaction } from '../../core/db/pg-errors';
import { invalid, notFound, staleVersion } from '../../core/errors';
import { nameBasedId } from '../../core/name-based-id';
import { currentAnalysisAccounts } from '../insights';
import { getSettings } from '../settings';
import { managersOf } from '../managers';
import { changeTask, createSystemTask } from '../tasks';
import { queueNotification } from './notifications-store';
import {
  atRiskFollowUps,
  contactRhythmFollowUps,
  noAnswerFollowUps,
  openComplaintFollowUps,
  RULE_LABELS,
  stuckOpportunityFollowUps,
  type FollowUpCandidate,
  type RhythmFacts,
} from './rules';
import {
  accountOwners,
  claimFollowUp,
  followUpOfTask,
  insertRun,
  isTenantUser,
  listRuns,
  openOpportunities,
  overdueComplaints,
  readRules,
  saveRules,
  rulesOfTasks,
  snoozeFollowUp,
  tenantsWithDailyRun,
  unansweredInteractions,
} from './store';

/** How far back beyond its days the no-answer rule looks, so a first run does not follow up on years of history. */
export const NO_ANSWER_LOOKBACK_DAYS = 30;
/** 06:00 UTC every day: before the working day starts in Europe, after the nightly retention and snapshots. */
export const AUTOMATION_SCHEDULE = '0 0 6 * * *';

const RULE_ORDER: readonly AutomationRuleName[] = ['contactRhythm', 'noAnswer', 'stuckOpportunities', 'openComplaints', 'atRisk'];

const rulesOf = async (db: Db, tenantId: string) => {
  const stored = await readRules(db, tenantId);
  return { stored, rules: stored?.rules ?? AutomationRules.parse({}) };
};

export async function automationRules(db: Db, tenantId: string): Promise<AutomationRulesResponse> {
  const { stored, rules } = await rulesOf(db, tenantId);
  return { ...rules, saved: stored !== null, updatedAt: stored?.updatedAt ?? null, etag: `"${stored?.version ?? 0}"` };
}

/** Replaces the rules; If-Match names the version read ("0" before the first save). */
export async function updateAutomationRules(db: Db, actor: Actor, expectedVersion: number, rules: AutomationRules): Promise<AutomationRulesResponse> {
  const escalateTo = rules.openComplaints.escalateTo;
  if (escalateTo && !(await isTenantUser(db, actor.tenantId, escalateTo))) throw invalid('openComplaints.escalateTo', 'is no user of this tenant');
  if (!(await inTransaction(db, (tx) => saveRules(tx, actor.tenantId, expectedVersion, rules, actor.userId)))) throw staleVersion('automation rules');
  return automationRules(db, actor.tenantId);
}

async function candidatesOf(db: Db, tenantId: string, rules: AutomationRules, now: Date): Promise<Map<AutomationRuleName, FollowUpCandidate[]>> {
  // The stored analysis, brought up to date: a run on a current one reads it instead of gathering every account again.
  const [accounts, owners, settings] = await Promise.all([
    currentAnalysisAccounts(db, tenantId, 'last-12-months', now),
    accountOwners(db, tenantId),
    getSettings(db, tenantId),
  ]);
  const found = new Map<AutomationRuleName, FollowUpCandidate[]>();
  if (rules.contactRhythm.enabled)
    found.set(
      'contactRhythm',
      contactRhythmFollowUps(
        accounts.map((a) => ({
          id: a.id,
          name: a.name,
          ownerId: owners.get(a.id) ?? null,
          createdAt: a.createdAt,
          lastContactAt: a.lastContactAt,
          medianGapDays: a.medianGapDays,
          abcClass: a.abcClass as RhythmFacts['abcClass'],
          segment: a.segment as RhythmFacts['segment'],
        })),
        rules.contactRhythm,
        now,
      ),
    );
  if (rules.noAnswer.enabled)
    found.set('noAnswer', noAnswerFollowUps(await unansweredInteractions(db, tenantId, now, rules.noAnswer.days, NO_ANSWER_LOOKBACK_DAYS), rules.noAnswer, now));
  if (rules.stuckOpportunities.enabled)
    found.set('stuckOpportunities', stuckOpportunityFollowUps(await openOpportunities(db, tenantId), rules.stuckOpportunities, settings.stages, now));
  if (rules.openComplaints.enabled) {
    const complaints = await overdueComplaints(db, tenantId, now, rules.openComplaints.days);
    const managers = rules.openComplaints.toOwnersManager ? await managersOf(db, tenantId, complaints.map((c) => c.ownerId)) : new Map<string, string>();
    const facts = complaints.map((c) => ({ ...c, ownerManagerId: (c.ownerId && managers.get(c.ownerId)) ?? null }));
    found.set('openComplaints', openComplaintFollowUps(facts, rules.openComplaints, now));
  }
  if (rules.atRisk.enabled)
    found.set(
      'atRisk',
      atRiskFollowUps(
        accounts.flatMap((a) =>
          a.segment === 'at_risk' && a.churnRisk
            ? [{ id: a.id, name: a.name, ownerId: owners.get(a.id) ?? null, score: a.churnRisk.score, factors: a.churnRisk.factors }]
            : [],
        ),
        now,
      ),
    );
  return found;
}

/** The key row, the task and its notification in one transaction: a run that dies between them leaves none, a rerun makes all. */
async function makeFollowUp(db: Db, tenantId: string, runId: string, candidate: FollowUpCandidate, today: string): Promise<AutomationFollowUp | null> {
  const followUp: AutomationFollowUp = {
    taskId: nameBasedId(`automation:${tenantId}:${candidate.rule}:${candidate.recordId}:${candidate.period}`),
    rule: candidate.rule,
    recordId: candidate.recordId,
    period: candidate.period,
    assigneeId: candidate.assigneeId,
    accountId: candidate.accountId,
    reason: candidate.reason,
  };
  return inTransaction(db, async (tx) => {
    if (!(await claimFollowUp(tx, tenantId, runId, followUp))) return null;
    const label = RULE_LABELS[candidate.rule];
    await createSystemTask(tx, tenantId, {
      id: followUp.taskId,
      kind: 'follow_up',
      title: `${label.de} / ${label.en}: ${candidate.subject}`.slice(0, 300),
      description: `${candidate.reason.de}\n${candidate.reason.en}\n(Regel / rule: ${candidate.rule})`,
      dueDate: today,
      assigneeId: candidate.assigneeId,
      accountId: candidate.accountId,
      contactId: null,
      opportunityId: candidate.opportunityId,
      interactionId: candidate.interactionId,
      origin: null,
    });
    // The assignee hears of it in Teams; the timer sends it, so a run never waits on Graph.
    if (candidate.assigneeId)
      await queueNotification(tx, tenantId, followUp.taskId, candidate.assigneeId, candidate.rule === 'openComplaints' ? 'complaintEscalated' : 'ruleFollowUp');
    return followUp;
  });
}

export async function runAutomation(db: Db, tenantId: string, trigger: AutomationRun['trigger'], createdBy: string | null, now = new Date()): Promise<AutomationRun> {
  const startedAt = new Date().toISOString();
  const runId = randomUUID();
  const { rules } = await rulesOf(db, tenantId);
  const found = await candidatesOf(db, tenantId, rules, now);
  const today = now.toISOString().slice(0, 10);
  const outcomes: AutomationRun['rules'] = [];
  for (const rule of RULE_ORDER) {
    const created: AutomationFollowUp[] = [];
    let alreadyCreated = 0;
    for (const candidate of found.get(rule) ?? []) {
      const followUp = await makeFollowUp(db, tenantId, runId, candidate, today);
      if (followUp) created.push(followUp);
      else alreadyCreated += 1;
    }
    outcomes.push({ rule, enabled: rules[rule].enabled, created, alreadyCreated });
  }
  const run: AutomationRun = { id: runId, trigger, createdBy, startedAt, finishedAt: new Date().toISOString(), rules: outcomes };
  await insertRun(db, tenantId, run);
  return run;
}

export const automationRuns = (db: Db, actor: Actor, query: AutomationRunListQuery) => listRuns(db, actor.tenantId, query);

/** The daily timer: every tenant that switched the daily run on, until the deadline; the rest follow the next day. */
export async function runDailyAutomation(db: Db, options: { deadline: number; log: (message: string) => void }, now = new Date()): Promise<number> {
  let ran = 0;
  for (const tenantId of await tenantsWithDailyRun(db)) {
    if (Date.now() > options.deadline) {
      options.log('automation: deadline reached, the remaining tenants run tomorrow');
      break;
    }
    await runAutomation(db, tenantId, 'timer', null, now);
    ran += 1;
  }
  return ran;
}

/** Moves a rule's follow-up to a later day with a reason (If-Match: the task's version). */
export async function snoozeRuleFollowUp(db: Db, actor: Actor, taskId: string, expectedVersion: number, input: FollowUpSnooze, now = new Date()): Promise<SnoozedFollowUp> {
  const followUp = await followUpOfTask(db, actor.tenantId, taskId);
  if (!followUp) throw notFound('rule follow-up');
  if (input.until <= now.toISOString().slice(0, 10)) throw invalid('until', 'must be after today');
  // The new due date and the snooze's reason commit together: a crash between them lost the reason, and the retry met a 412.
  const task = await changeTask(db, actor, taskId, expectedVersion, { dueDate: input.until }, (tx) =>
    snoozeFollowUp(tx, actor.tenantId, taskId, input.until, input.reason, actor.userId),
  );
  return { ...followUp, snoozedUntil: input.until, snoozeReason: input.reason, snoozedBy: actor.userId, task: { ...task, rule: { name: followUp.rule } } };
}

/** Marks each task a rule made with that rule (null for the others), for the lists that offer a snooze. */
export async function withRules<T extends { id: string }>(db: Queryable, tenantId: string, tasks: readonly T[]): Promise<Array<T & { rule: TaskRule | null }>> {
  const rules = await rulesOfTasks(db, tenantId, tasks.map((t) => t.id));
  return tasks.map((task) => {
    const name = rules.get(task.id);
    return { ...task, rule: name ? { name } : null };
  });
}
