// My CRM opens the account a deep link names (the pane's "Open in Teams"), and only for an account.
import { expect, it } from 'vitest';
import { deepLinkedAccountPage } from './deep-link';

const ACCOUNT = '0d6f8e2a-4b1c-4d3e-9f5a-6b7c8d9e0f1a';

it('goes to the account page for an account subEntityId, keeping the language and theme', () => {
  expect(deepLinkedAccountPage(`account:${ACCOUNT}`, 'https://crm.contoso.de/teams/personal.html?lang=de&theme=dark&subPageId=x')).toBe(
    `https://crm.contoso.de/teams/account.html?lang=de&theme=dark&accountId=${ACCOUNT}`,
  );
});

it('stays on My CRM without a deep link or for one about a follow-up', () => {
  expect(deepLinkedAccountPage(null, 'https://crm.contoso.de/teams/personal.html')).toBeNull();
  expect(deepLinkedAccountPage(`task:${ACCOUNT}`, 'https://crm.contoso.de/teams/personal.html')).toBeNull();
});
