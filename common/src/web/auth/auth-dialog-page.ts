// The add-in's sign-in page inside the Office dialog: MSAL redirect sign-in in the dialog's own browser instance, and the
// result sent to the task pane, as Microsoft documents for add-ins whose host cannot broker tokens (NAA) or needs interaction.
import type { AuthenticationResult } from '@azure/msal-browser';
import type { AuthDialogMessage } from './auth-dialog-message';

export interface AuthDialogPage {
  /** The page's own address: the redirect URI registered for the app (type single-page application). */
  href: string;
  /** Office.context.ui.messageParent, through the add-in's host module. */
  send(message: string): void;
}

const send = (page: AuthDialogPage, message: AuthDialogMessage) => page.send(JSON.stringify(message));
const success = (result: AuthenticationResult): AuthDialogMessage => ({
  status: 'success',
  accessToken: result.accessToken,
  expiresOn: (result.expiresOn ?? new Date(Date.now() + 3_600_000)).getTime(),
});
const failureOf = (error: unknown): AuthDialogMessage => {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  const text = typeof code === 'string' && code ? code : error instanceof Error ? error.message : String(error);
  return { status: 'failure', error: text.slice(0, 500) || 'unknown error' };
};

/**
 * First load (?scope=...): a cached account is renewed silently, otherwise MSAL redirects to Entra ID. Back from Entra ID
 * (same page, response in the URL): the result goes to the task pane. MSAL never navigates on from here, so the response
 * is handled on this page and the dialog never leaves the add-in's domain before messageParent.
 */
export async function runAuthDialog(config: { clientId: string; authority: string }, page: AuthDialogPage): Promise<void> {
  const url = new URL(page.href);
  const redirectUri = `${url.origin}${url.pathname}`;
  try {
    const msal = await import('@azure/msal-browser');
    const pca = await msal.createStandardPublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, redirectUri },
      cache: { cacheLocation: 'localStorage' },
    });
    const returned = await pca.handleRedirectPromise({ navigateToLoginRequestUrl: false });
    if (returned) {
      pca.setActiveAccount(returned.account);
      return send(page, success(returned));
    }
    const scope = url.searchParams.get('scope');
    if (!scope) return send(page, { status: 'failure', error: 'the sign-in page was opened without a scope' });
    const account = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
    if (account) {
      try {
        return send(page, success(await pca.acquireTokenSilent({ scopes: [scope], account, forceRefresh: url.searchParams.has('refresh') })));
      } catch {
        // The cached account needs the user again (expired session, new consent): the redirect below asks.
      }
    }
    await pca.acquireTokenRedirect({ scopes: [scope], redirectUri, ...(account ? { account } : {}) });
  } catch (error) {
    send(page, failureOf(error));
  }
}
