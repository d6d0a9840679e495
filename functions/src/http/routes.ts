// The one registration table: every API endpoint with its handler, served alike by Azure Functions and the local host.
import { endpoints, type HttpMethod } from '@crm/common';
import type { Services } from '../app/services';
import { endpointHandler, type HttpHandler } from './endpoint-handler';
import { implementationOf } from './implementations';

export interface HttpRoute {
  name: string;
  method: HttpMethod;
  /** Below /api, with {param} placeholders as Azure Functions routes write them. */
  route: string;
  handler: HttpHandler;
}

export const buildHttpRoutes = (services: Services): HttpRoute[] =>
  endpoints.map((endpoint) => ({
    name: endpoint.name,
    method: endpoint.method,
    route: endpoint.path,
    handler: endpointHandler(endpoint, implementationOf(endpoint.name), services),
  }));
