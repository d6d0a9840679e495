// Small HTTP helpers shared by the fake's routes: JSON replies, Graph error bodies, request bodies and Prefer headers.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Thrown by routes; the server turns it into Graph's {"error":{"code","message"}} body. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8', 'request-id': randomUUID(), ...headers });
  res.end(text);
}

export function sendGraphError(res: ServerResponse, error: GraphError): void {
  const innerError = { date: new Date().toISOString().slice(0, 19), 'request-id': randomUUID(), 'client-request-id': randomUUID() };
  sendJson(res, error.status, { error: { code: error.code, message: error.message, innerError } }, error.headers);
}

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // falls through to the Graph error below
  }
  throw new GraphError(400, 'BadRequest', 'Unable to read JSON request payload.');
}

/** Prefer may arrive as several headers or one comma-separated list. */
export function preferences(req: IncomingMessage): Map<string, string> {
  const raw = req.headers.prefer;
  const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).flatMap((h) => h.split(','));
  const out = new Map<string, string>();
  for (const item of list) {
    const [key, ...value] = item.trim().split('=');
    if (key) out.set(key.trim().toLowerCase(), value.join('=').trim().replace(/^"|"$/g, ''));
  }
  return out;
}
