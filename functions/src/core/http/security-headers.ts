// The response headers every host sets: nosniff on everything, and on HTML pages the Content-Security-Policy of the front-ends.
import type { MiddlewareHandler } from 'hono';

export interface PagePolicyOptions {
  /** Origin of the API when the pages are served from elsewhere (CRM_API_BASE_URL of the front-end build); same origin otherwise. */
  apiOrigin?: string;
  /** Where MSAL signs in (the front-end build's CRM_AUTHORITY host); national clouds have their own. */
  authorityOrigin?: string;
}

/** Office add-ins must load Office.js from this CDN; it loads its host, locale and telemetry files from the same folder. */
const OFFICE_JS = 'https://appsforoffice.microsoft.com';

/** teams-js fetches the current list of Teams host origins here (validOriginsCdnEndpoint in its constants) before trusting a parent frame. */
const TEAMS_JS_VALID_ORIGINS = 'https://res.cdn.office.net/teams-js/';

/** The add-in reads a meeting's iCalUId here (office-mail-host.ts calls the global Graph endpoint). */
const GRAPH = 'https://graph.microsoft.com';

/**
 * The Outlook, Teams and Microsoft 365 web clients that frame the add-in and the tabs, as listed under "Set Content Security
 * Policy headers" in https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements (the unified manifest puts
 * the add-in in the same hosts). 'self' lets the local host's preview frame its own pages.
 */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://*.cloud.microsoft',
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
] as const;

const originOf = (url: string) => new URL(url).origin;

/**
 * Scripts only from the app and Office.js: the pages have no inline script (their JSON config blocks are data, which CSP does
 * not run). Styles allow 'unsafe-inline' because Fluent UI (Griffel's makeStyles, FluentProvider's theme variables) inserts
 * <style> elements at run time; a nonce would need a fresh one per response, which static hosting cannot give. Injected CSS
 * cannot run code, and React escapes what users type, so the script rules are what keeps injected markup inert.
 */
export function contentSecurityPolicy(options: PagePolicyOptions = {}): string {
  const authority = originOf(options.authorityOrigin ?? 'https://login.microsoftonline.com');
  const api = options.apiOrigin ? [originOf(options.apiOrigin)] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'", OFFICE_JS],
    ['style-src', "'self'", "'unsafe-inline'"],
    // The pages' favicon is a data: URL.
    ['img-src', "'self'", 'data:'],
    // MSAL fetches tokens and metadata from the authority; the add-in calls Graph for the meeting id.
    ['connect-src', "'self'", ...api, authority, GRAPH, TEAMS_JS_VALID_ORIGINS],
    // MSAL's silent renewal runs in a hidden iframe on the authority.
    ['frame-src', "'self'", authority],
    ['object-src', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['frame-ancestors', ...FRAME_ANCESTORS],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

const NOSNIFF = { 'x-content-type-options': 'nosniff' } as const;

/** The headers an HTML page of the front-ends needs; docs/SECURITY-HEADERS.md shows them for static hosting. */
function pageHeaders(options: PagePolicyOptions = {}): Record<string, string> {
  return { 'content-security-policy': contentSecurityPolicy(options), ...NOSNIFF };
}

const isHtml = (response: Response) => /^text\/html\b/i.test(response.headers.get('content-type') ?? '');

/** nosniff on every response, the page policy on HTML ones; responses whose headers are immutable are copied first. */
export function securityHeaders(options: PagePolicyOptions = {}): MiddlewareHandler {
  const page = pageHeaders(options);
  return async (c, next) => {
    await next();
    const headers = isHtml(c.res) ? page : NOSNIFF;
    try {
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    } catch {
      c.res = new Response(c.res.body, c.res);
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    }
  };
}
