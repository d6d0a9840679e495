// Maps a verified principal to the CRM user row, creating it on first call and caching it afterwards.
import type { Actor } from '../actor';
import type { Db } from '../db/db';
import { upsertUser } from '../tenancy/users-store';
import type { Principal } from './principal';

export type ActorResolver = (db: Db, principal: Principal) => Promise<Actor>;

/** The upsert runs once per distinct set of claims, so a renamed user or changed roles are picked up. */
export function createActorResolver(cacheSize = 10_000): ActorResolver {
  const known = new Map<string, string>();
  return async (db, principal) => {
    const key = [principal.tenantId, principal.oid, principal.displayName, principal.email ?? '', principal.roles.join(',')].join('|');
    let userId = known.get(key);
    if (!userId) {
      userId = await upsertUser(db, {
        tenantId: principal.tenantId,
        oid: principal.oid,
        displayName: principal.displayName,
        email: principal.email,
        roles: principal.roles,
      });
      if (known.size >= cacheSize) known.delete(known.keys().next().value!);
      known.set(key, userId);
    }
    return { tenantId: principal.tenantId, userId, displayName: principal.displayName, roles: principal.roles };
  };
}
