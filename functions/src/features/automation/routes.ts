// HTTP handlers of the automation endpoints: every role reads the rules and runs, admins change and run them.
import type { RouteTable } from '../../core/http/typed-routes';
import { automationRules, automationRuns, runAutomation, snoozeRuleFollowUp, updateAutomationRules } from './service';

export const automationRoutes: RouteTable<'getAutomationRules' | 'putAutomationRules' | 'runAutomation' | 'listAutomationRuns' | 'snoozeFollowUp'> = {
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
