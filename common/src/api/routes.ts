// Method and path of every endpoint, free of schemas so browser bundles can use it without zod.
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const routes = {
  health: ['GET', 'health'],
  openapi: ['GET', 'openapi.json'],
  me: ['GET', 'me'],
  getSettings: ['GET', 'settings'],
  putSettings: ['PUT', 'settings'],
  listAccounts: ['GET', 'accounts'],
  createAccount: ['POST', 'accounts'],
  getAccount: ['GET', 'accounts/{id}'],
  updateAccount: ['PATCH', 'accounts/{id}'],
  deleteAccount: ['DELETE', 'accounts/{id}'],
  accountTimeline: ['GET', 'accounts/{id}/timeline'],
  listContacts: ['GET', 'contacts'],
  createContact: ['POST', 'contacts'],
  getContact: ['GET', 'contacts/{id}'],
  updateContact: ['PATCH', 'contacts/{id}'],
  deleteContact: ['DELETE', 'contacts/{id}'],
  contactConsents: ['GET', 'contacts/{id}/consents'],
  // Data subject rights
  eraseContact: ['POST', 'contacts/{id}/erase'],
  restrictContact: ['POST', 'contacts/{id}/restriction'],
  liftRestriction: ['DELETE', 'contacts/{id}/restriction'],
  contactPersonalData: ['GET', 'contacts/{id}/personal-data'],
  listPrivacyRequests: ['GET', 'privacy/requests'],
  createPrivacyRequest: ['POST', 'privacy/requests'],
  getPrivacyRequest: ['GET', 'privacy/requests/{id}'],
  updatePrivacyRequest: ['PATCH', 'privacy/requests/{id}'],
  searchAudit: ['GET', 'audit'],
  listOpportunities: ['GET', 'opportunities'],
  createOpportunity: ['POST', 'opportunities'],
  getOpportunity: ['GET', 'opportunities/{id}'],
  updateOpportunity: ['PATCH', 'opportunities/{id}'],
  deleteOpportunity: ['DELETE', 'opportunities/{id}'],
  listTasks: ['GET', 'tasks'],
  createTask: ['POST', 'tasks'],
  getTask: ['GET', 'tasks/{id}'],
  updateTask: ['PATCH', 'tasks/{id}'],
  deleteTask: ['DELETE', 'tasks/{id}'],
  logInteraction: ['POST', 'interactions'],
  findInteractions: ['GET', 'interactions'],
  getInteraction: ['GET', 'interactions/{id}'],
  updateInteraction: ['PATCH', 'interactions/{id}'],
  recordConsent: ['POST', 'consents'],
  context: ['GET', 'context'],
  composeCheck: ['POST', 'compose/check'],
  // Teams tabs
  accountOverview: ['GET', 'accounts/{id}/overview'],
  myWork: ['GET', 'me/work'],
  // Insights (analytics)
  accountInsights: ['GET', 'accounts/{id}/insights'],
  teamInsights: ['GET', 'insights'],
  listGoals: ['GET', 'goals'],
  createGoal: ['POST', 'goals'],
  getGoal: ['GET', 'goals/{id}'],
  updateGoal: ['PATCH', 'goals/{id}'],
  deleteGoal: ['DELETE', 'goals/{id}'],
  // Graph sync
  getMySync: ['GET', 'me/sync'],
  putMySync: ['PUT', 'me/sync'],
  syncStatus: ['GET', 'sync/status'],
  runSync: ['POST', 'sync/run'],
  syncConflicts: ['GET', 'sync/conflicts'],
  graphNotifications: ['POST', 'graph/notifications'],
  graphLifecycle: ['POST', 'graph/lifecycle'],
} as const satisfies Record<string, readonly [HttpMethod, string]>;

export type RouteName = keyof typeof routes;

/** Name, method and path of one route, spread into its catalogue entry. */
export const route = <N extends RouteName>(name: N) => ({ name, method: routes[name][0], path: routes[name][1] });
