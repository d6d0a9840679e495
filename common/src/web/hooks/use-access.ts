// What the signed-in user's roles let them do, so a form they could not save is never offered as if they could.
import { useMemo } from 'react';
import { mayAccess } from '../../api/access';
import type { Access } from '../../api/endpoints';
import type { Me } from '../../contracts/tenant';
import type { ApiClient } from '../api/api-client';
import { useSessionValue } from './use-session-value';

const loadMe = async (api: ApiClient): Promise<Me> => (await api('me', {})).data;

/** The signed-in user, fetched once per session; null until it is known. */
export const useMe = (api: ApiClient, enabled = true): Me | null => useSessionValue(api, 'me', loadMe, enabled);

/** An endpoint's access level, as the catalogue (common/src/api/endpoints.ts) declares it; the pages name it rather
 * than import the catalogue, whose schemas would triple their bundles. */
export type ActionAccess = Exclude<Access, 'public' | 'read'>;

export interface UserAccess {
  /** Whether the user's roles admit the level; true while the roles are unknown, since the API checks anyway. */
  may: (access: ActionAccess) => boolean;
  /** The user's roles once known. */
  roles: Me['roles'] | null;
  /**
   * Button props for an action of that level: nothing when allowed, else disabled but focusable (it stays visible, so
   * the user learns it exists) and described by the notice naming the roles it needs.
   */
  gate: (access: ActionAccess, noticeId: string) => { disabledFocusable?: true; 'aria-describedby'?: string };
}

/** Stable while the roles are, so memoised sections that take it do not re-render. */
export function useAccess(api: ApiClient): UserAccess {
  const me = useMe(api);
  return useMemo(() => {
    const may = (access: ActionAccess) => me === null || mayAccess(me.roles, access);
    return {
      may,
      roles: me?.roles ?? null,
      gate: (access, noticeId) => (may(access) ? {} : { disabledFocusable: true, 'aria-describedby': noticeId }),
    };
  }, [me]);
}
