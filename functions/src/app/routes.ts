// The one registration table: every API endpoint with its handler, served alike by Azure Functions and the local host.
import { endpoints, type EndpointName, type HttpMethod } from '@crm/common';
import { endpointHandler, type HttpHandler, type Implementation } from '../core/http/endpoint-handler';
import type { RouteTable } from '../core/http/typed-routes';
import { accountRoutes } from '../features/accounts/routes';
import { consentRoutes } from '../features/consents/routes';
import { contactRoutes } from '../features/contacts/routes';
import { contextRoutes } from '../features/context/routes';
import { interactionRoutes } from '../features/interactions/routes';
import { opportunityRoutes } from '../features/opportunities/routes';
import { settingsRoutes } from '../features/settings/routes';
import { syncRoutes } from '../features/sync/routes';
import { systemRoutes } from '../features/system/routes';
import { taskRoutes } from '../features/tasks/routes';
import { teamsRoutes } from '../features/teams/routes';
import type { Services } from './services';

export interface HttpRoute {
  name: string;
  method: HttpMethod;
  /** Below /api, with {param} placeholders as Azure Functions routes write them. */
  route: string;
  handler: HttpHandler;
}

/** Every catalogue endpoint: the type fails to check when a feature forgets one. */
function implementations(services: Services): RouteTable<EndpointName> {
  return {
    ...systemRoutes(services.version),
    ...settingsRoutes,
    ...accountRoutes,
    ...contactRoutes,
    ...opportunityRoutes,
    ...taskRoutes,
    ...interactionRoutes,
    ...consentRoutes,
    ...contextRoutes,
    ...teamsRoutes,
    ...syncRoutes(services.sync),
  };
}

export const buildHttpRoutes = (services: Services): HttpRoute[] => {
  const table = implementations(services);
  return endpoints.map((endpoint) => ({
    name: endpoint.name,
    method: endpoint.method,
    route: endpoint.path,
    handler: endpointHandler(endpoint, table[endpoint.name] as unknown as Implementation, services),
  }));
};
