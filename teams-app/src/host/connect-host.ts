// Inside Teams or not? Decided fast: a top-level page is standalone at once; in an iframe Teams must answer within a few seconds.
import type { TabHost } from './tab-host';

/** teams-js waits 60 s for a parent that never answers (any foreign iframe); nobody should stare at a blank tab that long. */
export const TEAMS_HANDSHAKE_MS = 3_000;

export interface ConnectOptions {
  isTopLevel: boolean;
  /** The teams-js handshake (app.initialize); the only step that can hang. */
  initialize: () => Promise<void>;
  /** Builds the host from the Teams context once the handshake succeeded. */
  teams: () => Promise<TabHost>;
  standalone: () => TabHost;
  timeoutMs?: number;
}

export async function connectHost(options: ConnectOptions): Promise<TabHost> {
  if (options.isTopLevel) return options.standalone();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), options.timeoutMs ?? TEAMS_HANDSHAKE_MS)));
  try {
    const connected = await Promise.race([
      options.initialize().then(
        () => true,
        () => false,
      ),
      timeout,
    ]);
    return connected ? await options.teams() : options.standalone();
  } finally {
    clearTimeout(timer);
  }
}
