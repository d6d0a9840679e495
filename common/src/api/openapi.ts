// Generates the OpenAPI 3.1 document from the endpoint catalogue, so docs never drift from code.
import { z } from 'zod';
import { Problem } from '../contracts/primitives';
import type { Endpoint } from './endpoints';

type JsonSchema = Record<string, unknown>;

const schemaOf = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
};

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const parametersOf = (endpoint: Endpoint): JsonSchema[] => {
  const result: JsonSchema[] = [];
  const add = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
    if (!schema) return;
    const json = schemaOf(schema, 'input');
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      result.push({ name, in: where, required: where === 'path' || required.has(name), schema: property });
    }
  };
  add('path', endpoint.params);
  add('query', endpoint.query);
  if (endpoint.ifMatch) {
    result.push({ name: 'If-Match', in: 'header', required: true, schema: { type: 'string' }, description: 'ETag from the last read' });
  }
  return result;
};

export function buildOpenApi(endpoints: readonly Endpoint[], info: { version: string; serverUrl?: string }): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of endpoints) {
    const path = `/api/${endpoint.path}`;
    const responses: Record<string, JsonSchema> = {
      [String(endpoint.status)]: endpoint.response
        ? {
            description: 'Success',
            content: {
              'application/json': { schema: schemaOf(endpoint.response, 'output') },
              ...Object.fromEntries((endpoint.produces ?? []).slice(1).map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
            },
          }
        : { description: 'Success' },
      '400': problemResponse('Invalid input; `errors` names each field and reason'),
    };
    if (endpoint.access !== 'public') {
      responses['401'] = problemResponse('Missing or invalid bearer token');
      responses['403'] = problemResponse('The token lacks the scope or app role');
    }
    if (endpoint.params) responses['404'] = problemResponse('Not found in this tenant');
    if (endpoint.produces) responses['406'] = problemResponse(`Accept allows none of ${endpoint.produces.join(', ')}`);
    if (endpoint.ifMatch) {
      responses['412'] = problemResponse('The record changed since it was read (stale ETag)');
      responses['428'] = problemResponse('If-Match header missing');
    }
    if (endpoint.body) {
      responses['409'] = problemResponse('Conflicts with an existing record');
      responses['413'] = problemResponse('Body larger than 1 MiB');
      responses['415'] = problemResponse('Body is not application/json');
    }
    const operation: JsonSchema = {
      operationId: endpoint.name,
      summary: endpoint.summary,
      tags: [endpoint.tag],
      parameters: parametersOf(endpoint),
      responses,
      ...(endpoint.access === 'public' ? { security: [] } : {}),
      ...(endpoint.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(endpoint.body, 'input') } } } } : {}),
    };
    paths[path] = { ...(paths[path] ?? {}), [endpoint.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CRM for Outlook and Teams API',
      version: info.version,
      description:
        'Bearer tokens from Entra ID (scope access_as_user; app roles CRM.Admin, CRM.Manager, CRM.User, CRM.Reader, CRM.Privacy). Errors are RFC 9457 problem documents.',
    },
    servers: info.serverUrl ? [{ url: info.serverUrl }] : [],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Problem: schemaOf(Problem, 'output') },
    },
  };
}
