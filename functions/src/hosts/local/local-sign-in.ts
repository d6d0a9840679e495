// Which sign-in the local host offers: Entra ID when configured, its own development tokens otherwise, both only on request.
import type { Config } from '../../core/config';

export interface LocalSignIn {
  entra: boolean;
  /** POST /dev/token and GET /dev/jwks are served, and the tokens they issue are accepted. */
  devTokens: boolean;
}

/** Only these names reach no other machine; "localhost" is how most people write 127.0.0.1. */
export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * A development token is any user with any role in any tenant, for whoever can reach /dev/token. So with Entra ID configured
 * (the host is then used like a deployment) they stay off unless CRM_DEV_TOKENS_INSECURE=1 asks for them, and on an address
 * other machines can reach they are refused outright: the host does not start rather than start open.
 */
export function localSignIn(config: Pick<Config, 'host' | 'entra' | 'devTokensInsecure'>): LocalSignIn {
  const entra = config.entra !== null;
  const devTokens = config.devTokensInsecure ?? !entra;
  if (devTokens && !isLoopback(config.host)) {
    throw new Error(
      `HOST=${config.host} is not a loopback address, and development tokens (POST /dev/token) would let anyone who can reach it ` +
        `sign in as any user of any tenant. Listen on 127.0.0.1, or configure Entra ID (ENTRA_CLIENT_ID, ENTRA_ALLOWED_TENANTS)` +
        `${config.devTokensInsecure ? ' and remove CRM_DEV_TOKENS_INSECURE=1' : ''}.`,
    );
  }
  return { entra, devTokens };
}
