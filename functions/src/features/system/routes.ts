// Health, the OpenAPI document and "who am I": the endpoints every client and monitor starts with.
import { buildOpenApi, endpoints } from '@crm/common';
import type { RouteTable } from '../../core/http/typed-routes';
import { userEmail } from '../../core/tenancy/users-store';

export const systemRoutes = (version: string): RouteTable<'health' | 'openapi' | 'me'> => {
  let openApiDocument: string | undefined;
  return {
    health: async ({ db }) => {
      await db.query('SELECT 1');
      return { body: { status: 'ok', version, database: db.kind, time: new Date().toISOString() } };
    },
    openapi: async () => {
      openApiDocument ??= JSON.stringify(buildOpenApi(endpoints, { version }));
      return { body: openApiDocument, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' } };
    },
    me: async ({ db, actor }) => {
      const email = await userEmail(db, actor.tenantId, actor.userId);
      return { body: { id: actor.userId, tenantId: actor.tenantId, displayName: actor.displayName, email, roles: actor.roles } };
    },
  };
};
