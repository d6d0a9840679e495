// Managers: an admin sets who is above whom, and escalations ask for the manager of an assignee or an account's owner.
import type { ManagerPut, TeamMember } from '@crm/common';
import type { Actor } from '../../core/actor';
import type { Db, Queryable } from '../../core/db/db';
import { invalid } from '../../core/errors';
import { updateRecord } from '../../core/records';
import { chainAbove, lockManagers, managerRows, setManagerRow, teamRows } from './store';

export const listTeam = (db: Db, actor: Actor): Promise<TeamMember[]> => teamRows(db, actor.tenantId);

/** A circle (A above B above A) would leave an escalation nobody above to go to, so it is refused like a user managing themselves. */
export async function setManager(db: Db, actor: Actor, id: string, expectedVersion: number, body: ManagerPut): Promise<TeamMember> {
  if (body.managerId === id) throw invalid('managerId', 'a user cannot be their own manager');
  const managerId = body.managerId;
  return updateRecord(db, actor, 'user', id, async (tx) => {
    if (managerId) {
      await lockManagers(tx, actor.tenantId);
      const above = await chainAbove(tx, actor.tenantId, managerId);
      if (above.length === 0) throw invalid('managerId', 'is no user of this tenant');
      if (above.includes(id)) throw invalid('managerId', 'this user is already above the chosen manager, which would make a circle');
    }
    return setManagerRow(tx, actor.tenantId, id, expectedVersion, managerId);
  });
}

/** For the escalations of other features: the manager of each of these users that has one. */
export const managersOf = (db: Queryable, tenantId: string, userIds: readonly (string | null)[]): Promise<Map<string, string>> =>
  managerRows(
    db,
    tenantId,
    userIds.filter((u): u is string => u !== null),
  );
