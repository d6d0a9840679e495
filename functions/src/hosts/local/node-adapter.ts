// Bridges Node's http server to the Azure Functions request/response types, so handlers run unchanged.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import funcs, { type HttpResponseInit } from '@azure/functions';
import { problemResponse } from '../../core/http/problem';
import { MAX_BODY_BYTES } from '../../core/http/request-input';
import type { HttpHandler } from '../../core/http/endpoint-handler';

const { HttpRequest, InvocationContext } = funcs;

/** Reads at most limit + 1 bytes so an oversized body is refused without buffering all of it. */
async function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function writeResponse(response: ServerResponse, init: HttpResponseInit): void {
  const headers = new Headers(init.headers as Record<string, string> | undefined);
  let body: string | Uint8Array | undefined;
  if (init.jsonBody !== undefined) {
    body = JSON.stringify(init.jsonBody);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json; charset=utf-8');
  } else if (typeof init.body === 'string' || init.body instanceof Uint8Array) {
    body = init.body;
  } else if (init.body !== undefined && init.body !== null) {
    throw new Error('the local host only sends string or byte bodies');
  }
  response.writeHead(init.status ?? 200, Object.fromEntries(headers));
  response.end(body);
}

export async function invoke(
  handler: HttpHandler,
  name: string,
  params: Record<string, string>,
  request: IncomingMessage,
  response: ServerResponse,
  baseUrl: string,
): Promise<void> {
  const method = request.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? Buffer.alloc(0) : await readBody(request, MAX_BODY_BYTES);
  if (body === 'too-large') {
    // Stop reading; the client gets its answer and the connection is closed rather than drained.
    response.setHeader('connection', 'close');
    writeResponse(response, problemResponse(413, `The request body is larger than ${MAX_BODY_BYTES} bytes (1 MiB).`));
    return;
  }
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const httpRequest = new HttpRequest({
    method,
    url: new URL(request.url ?? '/', baseUrl).toString(),
    headers,
    params,
    ...(body.length > 0 ? { body: { bytes: body } } : {}),
  });
  const context = new InvocationContext({ invocationId: randomUUID(), functionName: name });
  writeResponse(response, await handler(httpRequest, context));
}
