// Maps what Microsoft Graph (or the network under it) threw to sync's failure categories.
import { SyncProviderError, type SyncFailure } from '../ports';

// Graph does not keep one spelling of a code across services (`SyncStateNotFound`, `syncStateNotFound`), so codes are
// compared in lower case.
const RESET_CODES = new Set(['syncstatenotfound', 'resyncrequired', 'syncstateinvalid']);

interface ErrorLike {
  statusCode?: number;
  code?: string;
  message?: string;
  headers?: Headers;
}

/** Classifies what @microsoft/microsoft-graph-client threw (GraphError) or fetch threw (network, timeout). */
export function classifyGraphError(error: unknown): SyncFailure {
  if (error instanceof SyncProviderError) return error.failure;
  const e = (typeof error === 'object' && error !== null ? error : {}) as ErrorLike;
  const status = typeof e.statusCode === 'number' && e.statusCode > 0 ? e.statusCode : null;
  const code = e.code ?? '';
  const text = `${code ? `${code}: ` : ''}${e.message ?? String(error)}`;
  if (status === null) return { kind: 'temporary', status: null, message: `network error or timeout (${text})` };
  if (status === 401 || status === 403) return { kind: 'permission', status, message: text };
  if (status === 410 || RESET_CODES.has(code.toLowerCase())) return { kind: 'reset', status, message: text };
  if (status === 429 || status === 500 || status === 502 || status === 503 || status === 504) {
    const retryAfter = Number(e.headers?.get?.('retry-after'));
    return { kind: 'temporary', status, message: text, ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  }
  if (status === 404) return { kind: 'not_found', status, message: text };
  return { kind: 'fatal', status, message: text };
}

/** Deleting something already gone reaches the goal; any other failure goes on. */
export async function ignoreNotFound(work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (classifyGraphError(error).kind !== 'not_found') throw error;
  }
}
