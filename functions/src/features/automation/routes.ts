// HTTP handlers of the automation endpoints: every role reads the rules and runs, admins change and run them.
import type { RouteTable } from '../../core/http/typed-routes';
import { automationRules, automationRuns, runAutomation, snoozeRuleFollowUp, updateAutomationRules } from './service';
import { myNotifications, notificationStatus, setMyNotifications } from './notifications';

type Names = 'getAutomationRules' | 'putAutomationRules' | 'runAutomation' | 'listAutomationRuns' | 'snoozeFollowUp';
type NotificationNames = 'getMyNotifications' | 'putMyNotifications' | 'automationNotifications';

export const automationRoutes: RouteTable<Names> = {
  getAutomationRules: async ({ db, actor }) => {
    const rules = await automationRules(db, actor.tenantId);
    return { body: rules, etag: rules.etag };
  },
  putAutomationRules: async ({ db, actor, body, version }) => {
    const rules = await updateAutomationRules(db, actor, version, body);
    return { body: rules, etag: rules.etag };
  },
  runAutomation: async ({ db, actor }) => ({ body: await runAutomation(db, actor.tenantId, 'manual', actor.userId) }),
  listAutomationRuns: async ({ db, actor, query }) => ({ body: await automationRuns(db, actor, query) }),
  snoozeFollowUp: async ({ db, actor, params, body, version }) => {
    const snoozed = await snoozeRuleFollowUp(db, actor, params.id, version, body);
    return { body: snoozed, etag: snoozed.task.etag };
  },
};

/** `sending`: whether this host has an activity feed to send through (Graph and the Teams app id configured). */
export const notificationRoutes = (sending: boolean): RouteTable<NotificationNames> => ({
  getMyNotifications: async ({ db, actor }) => ({ body: await myNotifications(db, actor) }),
  putMyNotifications: async ({ db, actor, body }) => ({ body: await setMyNotifications(db, actor, body) }),
  automationNotifications: async ({ db, actor }) => ({ body: await notificationStatus(db, actor, sending) }),
});
