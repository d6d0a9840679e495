// Starts a tab page: finds out whether Teams is there, picks the matching sign-in, and renders the page in the shell.
import { createRoot } from 'react-dom/client';
import type { ReactNode } from 'react';
import { createApiClient, devTokenProvider, languageOf, naaTokenProvider, readPageConfig, takingEarlyResponses, type ApiClient } from '@crm/common/web';
import { TabShell } from './app/TabShell';
import type { TabServices } from './app/services';
import { answeredWithin, earlyRequests } from './app/early-requests';
import { connectHost } from './host/connect-host';
import { standaloneHost } from './host/standalone-host';
import type { FrameKind } from './host/tab-host';
import { loadTeamsJs, teamsJsHost } from './host/teams-js-host';

/**
 * How long a page waits for its first screen's answers before it renders its loading state instead: within about a
 * tenth of a second a page still appears at once. The account tab's trace (docs/BENCHMARKS.md) had the main thread busy
 * for nearly all of its wait rendering the shell, then the overview, then the timeline; with the answers in time it
 * renders once.
 */
export const FIRST_SCREEN_WAIT_MS = 100;

/**
 * `early` starts the requests the page makes first, before React renders it (see early-requests.ts); when it returns
 * their answers and they arrive within FIRST_SCREEN_WAIT_MS, the page is rendered with them (`first`).
 */
export async function startTab<F>(
  page: (services: TabServices, first: F | undefined) => ReactNode,
  frame?: FrameKind,
  early?: (start: ApiClient) => Promise<F> | void,
): Promise<void> {
  const isTopLevel = window.parent === window;
  // Loaded only inside an iframe, so the standalone pages never download teams-js; the download is not part of the handshake timeout.
  const teams = isTopLevel ? null : await loadTeamsJs();
  const host = await connectHost({
    isTopLevel,
    initialize: () => teams!.app.initialize(),
    teams: async () => {
      const connected = await teamsJsHost(teams!);
      teams!.app.notifySuccess();
      return connected;
    },
    standalone: () => standaloneHost(new URL(location.href), { language: navigator.language, navigate: (url) => location.assign(url), frame }),
  });
  const config = host.kind === 'teams' ? readPageConfig(document) : null;
  // The language TabShell shows the page in, so what the API words matches it.
  const language = languageOf(host.locale);
  const client = config
    ? createApiClient({ baseUrl: config.apiBaseUrl || location.origin, tokens: naaTokenProvider(config), language })
    : createApiClient({
        baseUrl: location.origin,
        tokens: devTokenProvider(location.origin),
        language,
        fetch: takingEarlyResponses((input, init) => fetch(input, init)),
      });
  const { api, start, forget } = earlyRequests(client);
  const answers = early?.(start);
  const first = answers ? await answeredWithin(answers, FIRST_SCREEN_WAIT_MS) : undefined;
  if (first !== undefined) forget();
  const services = { api, host };
  createRoot(document.getElementById('root')!).render(<TabShell services={services}>{page(services, first)}</TabShell>);
}
