// Inside Teams or not? Decided fast: a top-level page is standalone at once; in an iframe Teams must answer within a few seconds.
import type { TabHost } from './tab-host';

/** teams-js waits 60 s for a parent that never answers (any foreign iframe); nobody should stare at a blank tab that long. */
export const TEAMS_HANDSHAKE_MS = 3_000;

export interface ConnectOptions {
  isTopLevel: boolean;
  /** Loads and initialises teams-js and builds the host from its context. */
  teams: () => Promise<TabHost>;
  standalone: () => TabHost;
  timeoutMs?: number;
}

export async function connectHost(options: ConnectOptions): Promise<TabHost> {
  if (options.isTopLevel) return options.standalone();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), options.timeoutMs ?? TEAMS_HANDSHAKE_MS)));
  try {
    const host = await Promise.race([options.teams().catch(() => null), timeout]);
    return host ?? options.standalone();
  } finally {
    clearTimeout(timer);
  }
}
