// The one API app: every catalogue endpoint with its handler, served alike by Azure Functions and the local host.
import { endpoints, type EndpointName } from '@crm/common';
import type { Hono } from 'hono';
import { createApiApp, type ApiAppOptions } from '../core/http/api-app';
import type { Implementation } from '../core/http/endpoint-handler';
import type { RouteTable } from '../core/http/typed-routes';
import { accountRoutes } from '../features/accounts/routes';
import { consentRoutes } from '../features/consents/routes';
import { contactRoutes } from '../features/contacts/routes';
import { importRoutes } from '../features/imports/routes';
import { contextRoutes } from '../features/context/routes';
import { composeRoutes } from '../features/compose/routes';
import { insightsRoutes } from '../features/insights/routes';
import { automationRoutes, notificationRoutes } from '../features/automation/routes';
import { duplicateRoutes } from '../features/duplicates/routes';
import { exportRoutes } from '../features/exports/routes';
import { interactionRoutes } from '../features/interactions/routes';
import { opportunityRoutes } from '../features/opportunities/routes';
import { privacyRoutes } from '../features/privacy/routes';
import { retentionRoutes } from '../features/privacy/retention-routes';
import { privacyRequestRoutes } from '../features/privacy/requests-routes';
import { settingsRoutes } from '../features/settings/routes';
import { syncRoutes } from '../features/sync/routes';
import { webhookRoutes } from '../features/webhooks/routes';
import { leadRoutes } from '../features/leads/routes';
import { managerRoutes } from '../features/managers/routes';
import { caseRoutes } from '../features/cases/routes';
import { resolveCaseOfInteraction } from '../features/cases';
import { systemRoutes } from '../features/system/routes';
import { taskRoutes } from '../features/tasks/routes';
import { teamsRoutes } from '../features/teams/routes';
import { botMessagesRoute } from '../features/teams-bot/routes';
import type { Services } from './services';

/** Every catalogue endpoint: the type fails to check when a feature forgets one. */
function implementations(services: Services): RouteTable<EndpointName> {
  return {
    ...systemRoutes(services.version),
    ...settingsRoutes,
    ...accountRoutes,
    ...contactRoutes,
    ...opportunityRoutes,
    ...taskRoutes,
    // Interactions may not import cases (cases build on them), so the case's resolution with its complaint is wired here.
    ...interactionRoutes({ onResolved: resolveCaseOfInteraction }),
    ...consentRoutes,
    ...importRoutes,
    ...contextRoutes,
    ...composeRoutes,
    ...privacyRoutes,
    ...retentionRoutes,
    ...privacyRequestRoutes,
    ...teamsRoutes,
    ...webhookRoutes,
    ...leadRoutes,
    ...managerRoutes,
    ...caseRoutes,
    ...insightsRoutes,
    ...automationRoutes,
    ...notificationRoutes(Boolean(services.activityFeed)),
    ...syncRoutes(services.sync),
    ...exportRoutes,
    ...duplicateRoutes,
  };
}

export const buildApiApp = (services: Services, options: ApiAppOptions = {}): Hono => {
  const table = implementations(services);
  const routes = endpoints.map((endpoint) => ({ endpoint, implementation: table[endpoint.name] as unknown as Implementation }));
  return createApiApp(services, routes, { ...options, rawRoutes: [...(options.rawRoutes ?? []), botMessagesRoute(services, services.bot)] });
};
