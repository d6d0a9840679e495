// What the signed-in user's roles let them do, so a form they could not save is never offered as if they could.
import { useMemo } from 'react';
import { mayAccess, rolesWith } from '../../api/access';
import { endpointByName } from '../../api/endpoints';
import type { RouteName } from '../../api/routes';
import type { Me } from '../../contracts/tenant';
import type { ApiClient } from '../api/api-client';
import { useSessionValue } from './use-session-value';

const loadMe = async (api: ApiClient): Promise<Me> => (await api('me', {})).data;

/** The signed-in user, fetched once per session; null until it is known. */
export const useMe = (api: ApiClient, enabled = true): Me | null => useSessionValue(api, 'me', loadMe, enabled);

export interface UserAccess {
  /** Whether the user's roles admit the endpoint; true while the roles are unknown, since the API checks anyway. */
  may: (endpoint: RouteName) => boolean;
  /** The user's roles once known. */
  roles: Me['roles'] | null;
  /** The roles that admit the endpoint. */
  rolesFor: (endpoint: RouteName) => readonly string[];
  /**
   * Button props for an action calling the endpoint: nothing when allowed, else disabled but focusable (it stays
   * visible, so the user learns it exists) and described by the notice naming the role it needs.
   */
  gate: (endpoint: RouteName, noticeId: string) => { disabledFocusable?: true; 'aria-describedby'?: string };
}

const accessOf = (endpoint: RouteName) => endpointByName.get(endpoint)!.access;

/** Stable while the roles are, so memoised sections that take it do not re-render. */
export function useAccess(api: ApiClient): UserAccess {
  const me = useMe(api);
  return useMemo(() => accessFor(me), [me]);
}

function accessFor(me: Me | null): UserAccess {
  const may = (endpoint: RouteName) => me === null || mayAccess(me.roles, accessOf(endpoint));
  return {
    may,
    gate: (endpoint, noticeId) => (may(endpoint) ? {} : { disabledFocusable: true, 'aria-describedby': noticeId }),
    roles: me?.roles ?? null,
    rolesFor: (endpoint) => {
      const access = accessOf(endpoint);
      return access === 'public' ? [] : rolesWith[access];
    },
  };
}
