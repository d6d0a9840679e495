// The Teams account tab in one call: header figures, contacts with email consent, pipeline by stage, open work.
import type { AccountOverview } from '@crm/common';
import type { Db } from '../../core/db/db';
import { openCasesOf } from '../cases';
import { accountById } from '../accounts';
import {
  activityOfAccount,
  contactsOfAccount,
  openComplaintsOfAccount,
  openOpportunitiesOfAccount,
  openTasksOfAccount,
  upcomingOfAccount,
} from './account-overview-store';
import { getSettings } from '../settings';
import type { Actor } from '../../core/actor';
import { consentState } from '../consents';
import { notFound } from '../../core/errors';
import { groupByStage } from '../opportunities';
import { interactionsOnlyAboutHidden } from '../interactions';
import { restrictedViewOf } from '../privacy';
import { withRules } from '../automation';

const DAY = 86_400_000;

export async function accountOverview(db: Db, actor: Actor, accountId: string, now = new Date()): Promise<AccountOverview> {
  const account = await accountById(db, actor.tenantId, accountId);
  if (!account) throw notFound('account');
  const [settings, opportunities, people, openTasks, complaints, activity, upcoming, view] = await Promise.all([
    getSettings(db, actor.tenantId),
    openOpportunitiesOfAccount(db, actor.tenantId, accountId),
    contactsOfAccount(db, actor.tenantId, accountId),
    openTasksOfAccount(db, actor.tenantId, accountId),
    openComplaintsOfAccount(db, actor.tenantId, accountId),
    activityOfAccount(db, actor.tenantId, accountId, now),
    upcomingOfAccount(db, actor.tenantId, accountId, now),
    restrictedViewOf(db, actor),
  ]);
  // A restricted person (Art. 18) leaves no trace in the tab: not as a contact, nor through their follow-ups or interactions.
  const hiddenInteractions = await interactionsOnlyAboutHidden(
    db,
    actor.tenantId,
    [...complaints, ...upcoming].map((i) => i.id),
    view.hidden,
  );
  const shownComplaints = complaints.filter((c) => !hiddenInteractions.has(c.id));
  // A follow-up a rule made says so, and can be snoozed with a reason.
  const [cases, shownTasks] = await Promise.all([
    openCasesOf(db, actor.tenantId, shownComplaints.map((c) => c.id), now),
    withRules(db, actor.tenantId, openTasks.filter((t) => !view.hidesTask(t))),
  ]);
  const contacts = people.contacts.filter((c) => !view.hidesContact(c.id));
  const pipeline = groupByStage(opportunities, settings.stages);
  return {
    account,
    figures: {
      openPipeline: pipeline.reduce((s, g) => s + g.amount, 0),
      weightedPipeline: Math.round(pipeline.reduce((s, g) => s + g.weightedAmount, 0) * 100) / 100,
      currency: settings.defaultCurrency,
      lastContactAt: activity.lastContactAt,
      interactionCount: activity.interactionCount,
    },
    contacts: contacts.map((contact) => ({
      contact,
      emailConsent: consentState(people.consents.filter((e) => e.contactId === contact.id)).channels.email,
    })),
    pipeline,
    openTasks: shownTasks,
    openComplaints: shownComplaints.map((c) => ({
      ...c,
      ...(cases.has(c.id) ? { case: cases.get(c.id)! } : {}),
      ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(c.occurredAt)) / DAY)),
    })),
    upcoming: upcoming.filter((i) => !hiddenInteractions.has(i.id)),
  };
}
