// POST /dev/token and GET /dev/jwks: development sign-in for the local host only, never deployed to Azure.
import { DevTokenRequest, type DevTokenResponse } from '@crm/common';
import type { DevTokenIssuer } from '../../core/auth/dev-token-issuer';
import { readJsonBody, validate } from '../../core/http/request-input';
import { DEMO_TENANT_ID, DEMO_USERS } from '@crm/common/demo';

const TOKEN_LIFETIME_SECONDS = 8 * 3600;

const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } });

export async function issueDevToken(issuer: DevTokenIssuer, request: Request): Promise<Response> {
  const hasBody = Number(request.headers.get('content-length') ?? '0') > 0 || request.headers.has('transfer-encoding');
  const input = hasBody ? validate(DevTokenRequest, await readJsonBody(request), 'body') : {};
  const demoUser = DEMO_USERS.find((u) => u.oid === (input.userId ?? DEMO_USERS[0]!.oid));
  const userId = input.userId ?? demoUser!.oid;
  const token = await issuer.issue(
    {
      tenantId: input.tenantId ?? DEMO_TENANT_ID,
      userId,
      name: input.name ?? demoUser?.displayName ?? 'Dev User',
      email: input.email ?? demoUser?.email ?? `${userId}@dev.local`,
      roles: input.roles ?? demoUser?.roles ?? ['CRM.User'],
    },
    TOKEN_LIFETIME_SECONDS,
  );
  const body: DevTokenResponse = { access_token: token, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS };
  return json(200, body);
}

export const devJwks = (issuer: DevTokenIssuer): Response => json(200, issuer.jwks);
