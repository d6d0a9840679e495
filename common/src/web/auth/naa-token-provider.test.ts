// Sign-in in Outlook and Teams with MSAL mocked and the add-in's dialog host faked: NAA silently, the Office dialog as the
// add-in's fallback, a popup only without a dialog, one MSAL client per client id.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { naaTokenProvider, type AuthDialogHost } from './naa-token-provider';
import { SignInError } from './token-provider';

const msal = vi.hoisted(() => {
  class InteractionRequiredAuthError extends Error {}
  return { createNestablePublicClientApplication: vi.fn(), InteractionRequiredAuthError };
});
vi.mock('@azure/msal-browser', () => msal);

const account = { homeAccountId: 'h1', username: 'anna.becker@seller.example' };
const result = (accessToken: string) => ({ accessToken, account });

function fakeClient(accounts: unknown[] = [account]) {
  return {
    getActiveAccount: vi.fn(() => null),
    getAllAccounts: vi.fn(() => accounts),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async (request: { scopes: string[] }) => result(`silent:${request.scopes[0]}`)),
    ssoSilent: vi.fn(async (request: { scopes: string[] }) => result(`sso:${request.scopes[0]}`)),
    acquireTokenPopup: vi.fn(async () => result('popup')),
  };
}

const PAGE = 'https://crm.example/addin/auth-dialog.html';
const answer = (accessToken: string) => JSON.stringify({ status: 'success', accessToken, expiresOn: Date.now() + 3_600_000 });

function fakeDialogHost(nestedAuthSupported: boolean, open: AuthDialogHost['open'] = async () => answer('dialog-token')) {
  return { nestedAuthSupported, open: vi.fn(open) };
}

let clientIds = 0;
// Each test has its own client id: MSAL clients are kept per client id for the page's lifetime, as in production.
const config = () => ({
  clientId: `client-${++clientIds}`,
  authority: 'https://login.microsoftonline.com/organizations',
  apiScope: 'api://crm/access_as_user',
});

let client: ReturnType<typeof fakeClient>;
beforeEach(() => {
  client = fakeClient();
  msal.createNestablePublicClientApplication.mockReset();
  msal.createNestablePublicClientApplication.mockImplementation(async () => client);
});

describe('sign-in with nested app authentication', () => {
  it('gets the token silently where the host brokers it, without dialog or popup', async () => {
    const host = fakeDialogHost(true);
    const tokens = naaTokenProvider(config(), { dialog: { host, pageUrl: PAGE } });
    expect(await tokens.getToken()).toBe('silent:api://crm/access_as_user');
    expect(client.acquireTokenSilent).toHaveBeenCalledWith(expect.objectContaining({ scopes: ['api://crm/access_as_user'], account }));
    expect(host.open).not.toHaveBeenCalled();
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('asks the host (ssoSilent) when MSAL knows no account yet', async () => {
    client = fakeClient([]);
    const tokens = naaTokenProvider(config(), { dialog: { host: fakeDialogHost(true), pageUrl: PAGE } });
    expect(await tokens.getToken()).toBe('sso:api://crm/access_as_user');
    expect(client.setActiveAccount).toHaveBeenCalledWith(account);
  });

  it('opens the sign-in page in the Office dialog when silent sign-in needs interaction, and uses the token it sends', async () => {
    client.acquireTokenSilent.mockRejectedValue(new msal.InteractionRequiredAuthError('consent_required'));
    const host = fakeDialogHost(true);
    const tokens = naaTokenProvider(config(), { scope: 'https://graph.microsoft.com/Calendars.Read', dialog: { host, pageUrl: PAGE } });
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(host.open).toHaveBeenCalledWith(`${PAGE}?scope=${encodeURIComponent('https://graph.microsoft.com/Calendars.Read')}`);
    expect(client.acquireTokenPopup).not.toHaveBeenCalled();
    // The dialog's token is kept until near its expiry: no second dialog for the next request.
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(host.open).toHaveBeenCalledTimes(1);
  });

  it('goes straight to the dialog where the host lacks NestedAppAuth 1.1, without loading MSAL in the task pane', async () => {
    const host = fakeDialogHost(false);
    const tokens = naaTokenProvider(config(), { dialog: { host, pageUrl: PAGE } });
    expect(await tokens.getToken()).toBe('dialog-token');
    expect(msal.createNestablePublicClientApplication).not.toHaveBeenCalled();
  });

  it('opens one dialog for requests made together, and asks the page for a fresh token after the API refused one', async () => {
    let release!: (text: string) => void;
    const host = fakeDialogHost(false, () => new Promise<string>((resolve) => (release = resolve)));
    const tokens = naaTokenProvider(config(), { dialog: { host, pageUrl: PAGE } });
    const both = Promise.all([tokens.getToken(), tokens.getToken()]);
    await vi.waitFor(() => expect(host.open).toHaveBeenCalledTimes(1));
    release(answer('t1'));
    expect(await both).toEqual(['t1', 't1']);
    tokens.invalidate!();
    const again = tokens.getToken();
    await vi.waitFor(() => expect(host.open).toHaveBeenCalledTimes(2));
    expect(new URL(host.open.mock.calls[1]![0]).searchParams.get('refresh')).toBe('1');
    release(answer('t2'));
    expect(await again).toBe('t2');
  });

  it('passes on why the dialog gave no token: the user closed it', async () => {
    const host = fakeDialogHost(false, async () => {
      throw new SignInError('the user closed the sign-in dialog (12006)', { code: 12006 }, 'cancelled');
    });
    const error = await naaTokenProvider(config(), { dialog: { host, pageUrl: PAGE } })
      .getToken()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ reason: 'cancelled', message: expect.stringMatching(/closed the sign-in dialog/) });
  });

  it('turns a failure the sign-in page reports, or a message of another shape, into a sign-in error', async () => {
    const failing = fakeDialogHost(false, async () => JSON.stringify({ status: 'failure', error: 'user_cancelled' }));
    await expect(naaTokenProvider(config(), { dialog: { host: failing, pageUrl: PAGE } }).getToken()).rejects.toThrow(/reported: user_cancelled/);
    const odd = fakeDialogHost(false, async () => JSON.stringify({ accessToken: 42 }));
    await expect(naaTokenProvider(config(), { dialog: { host: odd, pageUrl: PAGE } }).getToken()).rejects.toBeInstanceOf(SignInError);
  });

  it('signs in with a popup in Teams or a plain browser, where there is no Office dialog', async () => {
    client.acquireTokenSilent.mockRejectedValue(new msal.InteractionRequiredAuthError('interaction_required'));
    const tokens = naaTokenProvider(config());
    expect(await tokens.getToken()).toBe('popup');
    expect(client.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['api://crm/access_as_user'] });
    // The user closing the popup, or a browser refusing it, is said in words like the dialog's.
    client.acquireTokenPopup.mockRejectedValue(Object.assign(new Error('closed'), { errorCode: 'user_cancelled' }));
    await expect(tokens.getToken()).rejects.toMatchObject({ name: 'SignInError', reason: 'cancelled' });
    client.acquireTokenPopup.mockRejectedValue(Object.assign(new Error('blocked'), { errorCode: 'popup_window_error' }));
    await expect(tokens.getToken()).rejects.toMatchObject({ name: 'SignInError', reason: 'blocked' });
    client.acquireTokenPopup.mockRejectedValue(new Error('network down'));
    await expect(tokens.getToken()).rejects.toMatchObject({ name: 'SignInError', reason: 'failed' });
  });

  it('creates one MSAL client per client id, however many scopes and providers use it', async () => {
    const shared = config();
    const host = fakeDialogHost(true);
    const api = naaTokenProvider(shared, { dialog: { host, pageUrl: PAGE } });
    const graph = naaTokenProvider(shared, { scope: 'https://graph.microsoft.com/Calendars.Read', dialog: { host, pageUrl: PAGE } });
    await Promise.all([api.getToken(), graph.getToken(), api.getToken()]);
    expect(msal.createNestablePublicClientApplication).toHaveBeenCalledTimes(1);
    expect(msal.createNestablePublicClientApplication).toHaveBeenCalledWith(
      expect.objectContaining({ auth: expect.objectContaining({ clientId: shared.clientId }) }),
    );
    await naaTokenProvider(config()).getToken();
    expect(msal.createNestablePublicClientApplication).toHaveBeenCalledTimes(2);
  });
});
