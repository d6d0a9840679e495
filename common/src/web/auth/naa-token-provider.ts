// Entra ID tokens inside Outlook and Teams: MSAL nested app authentication, one MSAL client per client id, with the
// Office dialog as the add-in's interactive fallback and a popup only in Teams or a plain browser.
import type { IPublicClientApplication } from '@azure/msal-browser';
import { SignInError, type SignInReason, type TokenProvider } from './token-provider';

export interface EntraClientConfig {
  /** Application (client) id of the add-in / tab app registration. */
  clientId: string;
  /** e.g. https://login.microsoftonline.com/organizations */
  authority: string;
  /** The API's delegated scope, e.g. api://<api client id>/access_as_user */
  apiScope: string;
}

/** The add-in host's sign-in dialog (Office.context.ui.displayDialogAsync), passed in so this module never touches Office. */
export interface AuthDialogHost {
  /** Whether the host brokers tokens (requirement set NestedAppAuth 1.1); without it the dialog is the only way to sign in. */
  readonly nestedAuthSupported: boolean;
  /** Opens url in the dialog and resolves with the first message the page sends; rejects with a SignInError that says why not. */
  open(url: string): Promise<string>;
}

export interface NaaTokenOptions {
  /** Defaults to the API scope; the add-in also asks for a Microsoft Graph scope with the same client. */
  scope?: string;
  /** The add-in's fallback: its sign-in page opened in the Office dialog. Without it (Teams, a plain browser) a popup signs in. */
  dialog?: { host: AuthDialogHost; pageUrl: string };
}

// Two MSAL clients for one client id would keep two caches and race over the same storage keys, so a page has one per client id.
const clients = new Map<string, Promise<IPublicClientApplication>>();

/** MSAL is loaded on first use, so standalone previews and the NAA-less dialog path never download it. */
function msalClient(config: EntraClientConfig): Promise<IPublicClientApplication> {
  let client = clients.get(config.clientId);
  if (!client) {
    client = import('@azure/msal-browser').then((m) =>
      m.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority }, cache: { cacheLocation: 'localStorage' } }),
    );
    // A failed load (offline) is not remembered, so the next call tries again.
    client.catch(() => clients.delete(config.clientId));
    clients.set(config.clientId, client);
  }
  return client;
}

// MSAL's codes for a popup the user closed or the browser would not open.
const popupReasons: Record<string, SignInReason> = { user_cancelled: 'cancelled', popup_window_error: 'blocked', empty_window_error: 'blocked' };

// MSAL renews tokens five minutes before expiry; a token from the dialog is renewed the same way.
const RENEW_BEFORE_MS = 5 * 60_000;

export function naaTokenProvider(config: EntraClientConfig, options: NaaTokenOptions = {}): TokenProvider {
  const scopes = [options.scope ?? config.apiScope];
  const dialog = options.dialog;
  let fromDialog: { token: string; expiresOn: number } | null = null;
  // Calls made together share one dialog: a task pane can show only one at a time (Office answers 12007 to a second).
  let pendingDialog: Promise<string> | null = null;
  let forceRefresh = false;

  const viaDialog = async (host: AuthDialogHost, pageUrl: string): Promise<string> => {
    const url = new URL(pageUrl);
    url.searchParams.set('scope', scopes[0]!);
    // The page's own MSAL cache would hand back the token the API just refused.
    if (forceRefresh) url.searchParams.set('refresh', '1');
    forceRefresh = false;
    const text = await host.open(url.toString());
    // The schema is loaded with the dialog path only, keeping zod out of the task pane's first download.
    const { parseAuthDialogMessage } = await import('./auth-dialog-message');
    const message = parseAuthDialogMessage(text);
    if (message.status === 'failure') throw new SignInError(`the sign-in page reported: ${message.error}`);
    fromDialog = { token: message.accessToken, expiresOn: message.expiresOn };
    return message.accessToken;
  };
  const signInWithDialog = (host: AuthDialogHost, pageUrl: string) => (pendingDialog ??= viaDialog(host, pageUrl).finally(() => (pendingDialog = null)));

  const interactive = async (pca: IPublicClientApplication): Promise<string> => {
    if (dialog) return signInWithDialog(dialog.host, dialog.pageUrl);
    try {
      const result = await pca.acquireTokenPopup({ scopes });
      forceRefresh = false;
      pca.setActiveAccount(result.account);
      return result.accessToken;
    } catch (popupError) {
      const code = (popupError as { errorCode?: unknown } | null)?.errorCode;
      throw new SignInError(
        `sign-in with Microsoft Entra ID did not complete (${String(code ?? popupError)})`,
        popupError,
        popupReasons[String(code)] ?? 'failed',
      );
    }
  };

  return {
    async getToken() {
      if (fromDialog && fromDialog.expiresOn - RENEW_BEFORE_MS > Date.now()) return fromDialog.token;
      if (dialog && !dialog.host.nestedAuthSupported) return signInWithDialog(dialog.host, dialog.pageUrl);
      const pca = await msalClient(config);
      const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      try {
        // Without a known account MSAL's silent call has nothing to renew; ssoSilent asks the host (NAA) or the session instead.
        const result = account ? await pca.acquireTokenSilent({ scopes, account, forceRefresh }) : await pca.ssoSilent({ scopes });
        forceRefresh = false;
        pca.setActiveAccount(result.account);
        return result.accessToken;
      } catch {
        // Consent missing, no session, interaction required or third-party cookies blocked: each needs the user once.
        return interactive(pca);
      }
    },
    invalidate() {
      fromDialog = null;
      forceRefresh = true;
    },
  };
}
