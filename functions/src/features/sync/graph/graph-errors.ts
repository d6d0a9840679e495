// Graph failures in the terms the sync acts on: missing permission, sync state lost, try later, or broken.
export type GraphFailure =
  | { kind: 'permission'; status: number; message: string }
  | { kind: 'reset'; status: number; message: string }
  | { kind: 'transient'; status: number | null; message: string; retryAfterSeconds?: number }
  | { kind: 'fatal'; status: number; message: string };

export class GraphRequestError extends Error {
  constructor(readonly failure: GraphFailure) {
    super(failure.message);
    this.name = 'GraphRequestError';
  }
}

const RESET_CODES = new Set(['SyncStateNotFound', 'resyncRequired', 'SyncStateInvalid']);

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  headers?: Headers;
}

/** Classifies what @microsoft/microsoft-graph-client threw (GraphError) or fetch threw (network, timeout). */
export function classifyGraphError(error: unknown): GraphFailure {
  if (error instanceof GraphRequestError) return error.failure;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : null;
  const code = e.code ?? '';
  const text = `${code ? `${code}: ` : ''}${e.message ?? String(error)}`;
  if (status === null) return { kind: 'transient', status: null, message: `network error or timeout (${text})` };
  if (status === 401 || status === 403) return { kind: 'permission', status, message: text };
  if (status === 410 || RESET_CODES.has(code)) return { kind: 'reset', status, message: text };
  if (status === 429 || status === 500 || status === 502 || status === 503 || status === 504) {
    const retryAfter = Number(e.headers?.get?.('retry-after'));
    return { kind: 'transient', status, message: text, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  }
  return { kind: 'fatal', status, message: text };
}
