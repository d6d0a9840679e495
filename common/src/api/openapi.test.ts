// The OpenAPI document describes every catalogue endpoint with its parameters, body and problem responses.
import { describe, expect, it } from 'vitest';
import { endpoints } from './endpoints';
import { buildOpenApi } from './openapi';

describe('OpenAPI document', () => {
  const doc = buildOpenApi(endpoints, { version: '1.2.3' }) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };

  it('has one operation per endpoint, with unique operation ids', () => {
    const operations = Object.values(doc.paths).flatMap((methods) => Object.values(methods));
    expect(operations).toHaveLength(endpoints.length);
    expect(new Set(operations.map((o) => o.operationId)).size).toBe(endpoints.length);
  });

  it('documents If-Match, problem responses and public access where they apply', () => {
    const patch = doc.paths['/api/accounts/{id}']!.patch!;
    expect(patch.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'If-Match', in: 'header', required: true }),
        expect.objectContaining({ name: 'id', in: 'path' }),
      ]),
    );
    expect(Object.keys(patch.responses as object)).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '412', '428', '413', '415']));
    expect(doc.paths['/api/health']!.get!.security).toEqual([]);
  });

  it('describes repeated query parameters as arrays', () => {
    const params = doc.paths['/api/context']!.get!.parameters as Array<{ name: string; schema: { type?: string } }>;
    expect(params.find((p) => p.name === 'email')?.schema.type).toBe('array');
  });
});
