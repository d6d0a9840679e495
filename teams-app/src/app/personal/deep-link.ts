// A deep link into My CRM that names an account (subEntityId `account:<id>`: the pane's "Open in Teams", the activity
// feed's notifications) opens the account tab's page in the same frame. Going there, rather than rendering the account
// inside My CRM, keeps the account view out of My CRM's first download.
import { accountOfSubEntityId } from '@crm/common/web';

/** The account page a deep link asks for, with the page's other parameters (language, theme) carried over; null if none. */
export function deepLinkedAccountPage(subPageId: string | null, here: string): string | null {
  const accountId = accountOfSubEntityId(subPageId);
  if (!accountId) return null;
  const url = new URL('account.html', here);
  const params = new URL(here).searchParams;
  params.delete('subPageId');
  params.set('accountId', accountId);
  url.search = params.toString();
  return url.toString();
}
