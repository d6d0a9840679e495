// The pane's "Open in Teams" link and the personal tab's reading of it agree, in the format Learn gives for tab deep links.
import { describe, expect, it } from 'vitest';
import { accountOfSubEntityId, accountSubEntityId, teamsTabDeepLink } from './teams-links';

const APP = '5b1e4f3a-8c2d-4e6f-9a0b-7c3d2e1f0a9b';
const ACCOUNT = '0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a';

describe('Teams tab deep links', () => {
  it('names the app, the static tab and the account as subEntityId, with label and fallback URL', () => {
    const link = new URL(
      teamsTabDeepLink({ appId: APP, entityId: 'my-crm', subEntityId: accountSubEntityId(ACCOUNT), label: 'Müller & Söhne', webUrl: 'https://crm.example/teams/account.html?accountId=1' }),
    );
    expect(`${link.origin}${link.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${APP}/my-crm`);
    expect(link.searchParams.get('label')).toBe('Müller & Söhne');
    expect(link.searchParams.get('webUrl')).toBe('https://crm.example/teams/account.html?accountId=1');
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: `account:${ACCOUNT}` });
  });

  it('reads back only an account id from a subEntityId', () => {
    expect(accountOfSubEntityId(accountSubEntityId(ACCOUNT))).toBe(ACCOUNT);
    expect(accountOfSubEntityId(`task:${ACCOUNT}`)).toBeNull();
    expect(accountOfSubEntityId('account:not-an-id')).toBeNull();
    expect(accountOfSubEntityId(null)).toBeNull();
  });
});
