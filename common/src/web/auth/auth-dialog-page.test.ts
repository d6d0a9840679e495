// The sign-in page inside the Office dialog with MSAL mocked: redirect out on first load, the result back to the task pane.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runAuthDialog } from './auth-dialog-page';
import { parseAuthDialogMessage } from './auth-dialog-message';

const msal = vi.hoisted(() => ({ createStandardPublicClientApplication: vi.fn() }));
vi.mock('@azure/msal-browser', () => msal);

const account = { homeAccountId: 'h1', username: 'anna.becker@seller.example' };
const expiresOn = new Date('2026-12-01T12:00:00.000Z');
const config = { clientId: 'client-1', authority: 'https://login.microsoftonline.com/organizations' };
const PAGE = 'https://crm.example/addin/auth-dialog.html';

let client: {
  handleRedirectPromise: ReturnType<typeof vi.fn>;
  getActiveAccount: ReturnType<typeof vi.fn>;
  getAllAccounts: ReturnType<typeof vi.fn>;
  setActiveAccount: ReturnType<typeof vi.fn>;
  acquireTokenSilent: ReturnType<typeof vi.fn>;
  acquireTokenRedirect: ReturnType<typeof vi.fn>;
};
beforeEach(() => {
  client = {
    handleRedirectPromise: vi.fn(async () => null),
    getActiveAccount: vi.fn(() => null),
    getAllAccounts: vi.fn(() => []),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => ({ accessToken: 'silent', account, expiresOn })),
    acquireTokenRedirect: vi.fn(async () => undefined),
  };
  msal.createStandardPublicClientApplication.mockReset();
  msal.createStandardPublicClientApplication.mockImplementation(async () => client);
});

async function run(href: string) {
  const sent: string[] = [];
  await runAuthDialog(config, { href, send: (m) => sent.push(m) });
  return sent.map(parseAuthDialogMessage);
}

describe('the sign-in page in the Office dialog', () => {
  it('redirects to Entra ID on first load, with the page itself as redirect URI and no answer yet', async () => {
    expect(await run(`${PAGE}?scope=api%3A%2F%2Fcrm%2Faccess_as_user`)).toEqual([]);
    expect(msal.createStandardPublicClientApplication).toHaveBeenCalledWith(expect.objectContaining({ auth: { ...config, redirectUri: PAGE } }));
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: ['api://crm/access_as_user'], redirectUri: PAGE });
  });

  it('sends the token to the task pane when Entra ID redirected back', async () => {
    client.handleRedirectPromise.mockResolvedValue({ accessToken: 'from-redirect', account, expiresOn });
    expect(await run(`${PAGE}#code=abc`)).toEqual([{ status: 'success', accessToken: 'from-redirect', expiresOn: expiresOn.getTime() }]);
    expect(client.handleRedirectPromise).toHaveBeenCalledWith({ navigateToLoginRequestUrl: false });
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('renews silently for an account it already knows, fresh from Entra ID when the task pane asks for it', async () => {
    client.getAllAccounts.mockReturnValue([account]);
    expect(await run(`${PAGE}?scope=api&refresh=1`)).toEqual([{ status: 'success', accessToken: 'silent', expiresOn: expiresOn.getTime() }]);
    expect(client.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['api'], account, forceRefresh: true });
    expect(client.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('redirects when the known account needs the user again', async () => {
    client.getAllAccounts.mockReturnValue([account]);
    client.acquireTokenSilent.mockRejectedValue(Object.assign(new Error('expired'), { errorCode: 'interaction_required' }));
    expect(await run(`${PAGE}?scope=api`)).toEqual([]);
    expect(client.acquireTokenRedirect).toHaveBeenCalledWith({ scopes: ['api'], redirectUri: PAGE, account });
  });

  it('tells the task pane what went wrong instead of leaving the dialog open without an answer', async () => {
    client.handleRedirectPromise.mockRejectedValue(Object.assign(new Error('The user cancelled.'), { errorCode: 'user_cancelled' }));
    expect(await run(`${PAGE}#error=access_denied`)).toEqual([{ status: 'failure', error: 'user_cancelled' }]);
    client.handleRedirectPromise.mockResolvedValue(null);
    expect(await run(PAGE)).toEqual([{ status: 'failure', error: 'the sign-in page was opened without a scope' }]);
  });
});
