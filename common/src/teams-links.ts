// Deep links into the app's Teams tabs, in the format Microsoft Learn gives for a link to a tab ("Deep link to a tab":
// https://teams.microsoft.com/l/entity/<appId>/<entityId>?webUrl=&label=&context={"subEntityId": ...}). The entity
// is a personal tab of the manifest; the subEntityId says what to show in it.

/** The subEntityId that opens an account in the personal tab (the activity feed's links use it too). */
export const accountSubEntityId = (accountId: string): string => `account:${accountId}`;

/** The account a tab was opened for by a deep link, or null for any other (or no) subEntityId. */
export function accountOfSubEntityId(subEntityId: string | null | undefined): string | null {
  const id = subEntityId?.match(/^account:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i)?.[1];
  return id ?? null;
}

export interface TabDeepLink {
  /** The Teams app's id as in the manifest. */
  appId: string;
  /** The static tab's entityId in the manifest. */
  entityId: string;
  subEntityId: string;
  /** What Teams shows for the link. */
  label?: string;
  /** Where a client that cannot show the tab goes instead. */
  webUrl?: string;
}

export function teamsTabDeepLink({ appId, entityId, subEntityId, label, webUrl }: TabDeepLink): string {
  const query = new URLSearchParams();
  if (webUrl) query.set('webUrl', webUrl);
  if (label) query.set('label', label);
  query.set('context', JSON.stringify({ subEntityId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?${query.toString()}`;
}
