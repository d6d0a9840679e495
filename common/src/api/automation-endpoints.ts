// The automation part of the API catalogue (issue 15): spread into endpoints.ts.
import { z } from 'zod';
import {
  AutomationRules,
  AutomationRulesResponse,
  AutomationRun,
  AutomationRunListQuery,
  FollowUpSnooze,
  MyNotificationSwitches,
  NotificationStatus,
  SnoozedFollowUp,
} from '../contracts/automation';
import { pageOf, Uuid } from '../contracts/primitives';
import { route } from './routes';

export const automationEndpoints = [
  {
    ...route('getAutomationRules'),
    summary: 'The automation rules, each switchable (defaults until saved)',
    tag: 'insights',
    access: 'read',
    response: AutomationRulesResponse,
    status: 200,
  },
  {
    ...route('putAutomationRules'),
    summary: 'Replace the automation rules and switch the daily run on or off (If-Match required, "0" before the first save)',
    tag: 'insights',
    access: 'admin',
    body: AutomationRules,
    ifMatch: true,
    response: AutomationRulesResponse,
    status: 200,
  },
  {
    ...route('runAutomation'),
    summary: 'Run the rules now: answers what each rule created; a follow-up is never made twice for the same rule, record and period',
    tag: 'insights',
    access: 'admin',
    response: AutomationRun,
    status: 200,
  },
  {
    ...route('listAutomationRuns'),
    summary: 'The rule runs, newest first, with what each rule created',
    tag: 'insights',
    access: 'read',
    query: AutomationRunListQuery,
    response: pageOf(AutomationRun),
    status: 200,
  },
  {
    ...route('snoozeFollowUp'),
    summary: "Snooze a rule's follow-up to a later day with a reason (If-Match: the task's ETag)",
    tag: 'insights',
    access: 'write',
    params: z.object({ id: Uuid }),
    body: FollowUpSnooze,
    ifMatch: true,
    response: SnoozedFollowUp,
    status: 200,
  },
] as const;

export const notificationEndpoints = [
  {
    ...route('getMyNotifications'),
    summary: 'Whether the signed-in user gets Teams activity feed notifications of rule follow-ups (on until switched off)',
    tag: 'insights',
    access: 'read',
    response: MyNotificationSwitches,
    status: 200,
  },
  {
    ...route('putMyNotifications'),
    summary: "Switch the signed-in user's Teams activity feed notifications on or off",
    tag: 'insights',
    access: 'read',
    body: MyNotificationSwitches,
    response: MyNotificationSwitches,
    status: 200,
  },
  {
    ...route('automationNotifications'),
    summary: 'What became of the activity feed notifications: counts by status and the latest failures with their reason',
    tag: 'insights',
    access: 'manage',
    response: NotificationStatus,
    status: 200,
  },
] as const;
