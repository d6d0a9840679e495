// The API of a running local host, called as a demo user with a token from its development sign-in: how a browser test
// prepares the data it needs without depending on what another test left behind.
import { DEMO_USERS, type DemoUser } from '@crm/common/demo';

export interface LocalAnswer<T> {
  /** As the API sent it; the type is what the test expects, the API's own tests check the contract. */
  body: T;
  etag: string | null;
}

export type LocalApi = <T = unknown>(method: string, path: string, options?: { body?: unknown; ifMatch?: string }) => Promise<LocalAnswer<T>>;

export function localApi(baseUrl: string, user: DemoUser = DEMO_USERS[0]!): LocalApi {
  let token: Promise<string> | undefined;
  const signIn = async () => {
    const answer = await fetch(`${baseUrl}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: user.oid }),
    });
    return ((await answer.json()) as { access_token: string }).access_token;
  };
  return async <T>(method: string, path: string, options: { body?: unknown; ifMatch?: string } = {}) => {
    token ??= signIn();
    const headers: Record<string, string> = { authorization: `Bearer ${await token}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.ifMatch) headers['if-match'] = options.ifMatch;
    const answer = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`${method} ${path} answered ${answer.status}: ${text}`);
    return { body: (text ? JSON.parse(text) : undefined) as T, etag: answer.headers.get('etag') };
  };
}
