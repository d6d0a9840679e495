// Which app roles may do what: readers read, users write, managers delete, admins change tenant settings,
// the data protection officer (CRM.Privacy) and admins answer data subject requests.
// The table itself is shared with the front-ends (common/src/api/access.ts).
import { mayAccess, rolesWith, type Access, type AppRole } from '@crm/common';
import { forbidden } from './principal';

const verbs: Record<Exclude<Access, 'public'>, string> = {
  read: 'read CRM data',
  write: 'change CRM data',
  manage: 'delete records',
  admin: 'change tenant settings',
  privacy: 'handle data subject requests (erasure, restriction, access)',
};

export function requireAccess(roles: readonly AppRole[], access: Access): void {
  if (access === 'public' || mayAccess(roles, access)) return;
  throw forbidden(`your role (${roles.join(', ')}) may not ${verbs[access]}; it needs one of ${rolesWith[access].join(', ')}`);
}
