// Entra ID tokens inside Outlook and Teams: MSAL nested app authentication, with a popup where NAA is unsupported.
import { SignInError, type TokenProvider } from './token-provider';

export interface EntraClientConfig {
  /** Application (client) id of the add-in / tab app registration. */
  clientId: string;
  /** e.g. https://login.microsoftonline.com/organizations */
  authority: string;
  /** The API's delegated scope, e.g. api://<api client id>/access_as_user */
  apiScope: string;
}

/**
 * MSAL is loaded on first use, so standalone previews never download it. When the host does not support
 * NAA, createNestablePublicClientApplication returns a standard client and acquireTokenPopup signs in.
 */
export function naaTokenProvider(config: EntraClientConfig): TokenProvider {
  let client: Promise<import('@azure/msal-browser').IPublicClientApplication> | undefined;
  const getClient = () =>
    (client ??= import('@azure/msal-browser').then((m) =>
      m.createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority }, cache: { cacheLocation: 'localStorage' } }),
    ));
  return {
    async getToken() {
      const pca = await getClient();
      const request = { scopes: [config.apiScope], account: pca.getActiveAccount() ?? pca.getAllAccounts()[0] };
      try {
        return (await pca.acquireTokenSilent(request)).accessToken;
      } catch {
        // Consent missing, no cached account or NAA unsupported: an interactive popup can fix each of these.
        try {
          const result = await pca.acquireTokenPopup({ scopes: [config.apiScope] });
          pca.setActiveAccount(result.account);
          return result.accessToken;
        } catch (popupError) {
          throw new SignInError('sign-in with Microsoft Entra ID failed or was cancelled', popupError);
        }
      }
    },
  };
}
