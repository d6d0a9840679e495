// The configured tab's addresses: the account page for one account, below wherever the tab pages are hosted.

export function accountTabInstance(pagesBase: string, account: { id: string; name: string }) {
  const contentUrl = new URL(`account.html?accountId=${encodeURIComponent(account.id)}`, pagesBase).toString();
  return { contentUrl, websiteUrl: contentUrl, entityId: `account:${account.id}`, displayName: account.name.slice(0, 100) };
}
