// The configured tab's addresses, below wherever the tab pages are hosted: the account page for one account, or the
// Insights page with the team's figures only (scope=team), which a channel or chat shares.

export function accountTabInstance(pagesBase: string, account: { id: string; name: string }) {
  const contentUrl = new URL(`account.html?accountId=${encodeURIComponent(account.id)}`, pagesBase).toString();
  return { contentUrl, websiteUrl: contentUrl, entityId: `account:${account.id}`, displayName: account.name.slice(0, 100) };
}

export function insightsTabInstance(pagesBase: string, displayName: string) {
  const contentUrl = new URL('insights.html?scope=team', pagesBase).toString();
  return { contentUrl, websiteUrl: contentUrl, entityId: 'insights:team', displayName };
}
