// Who each user's manager is: the one an overdue case, or a complaint open too long, is escalated to above its assignee
// or the account's owner. An admin sets it; the CRM keeps no other hierarchy.
import { z } from 'zod';
import { Uuid } from './primitives';

export const TeamMember = z.object({
  id: Uuid,
  displayName: z.string(),
  managerId: Uuid.nullable(),
  etag: z.string(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const ManagerPut = z.object({ managerId: Uuid.nullable() }).strict();
export type ManagerPut = z.infer<typeof ManagerPut>;
