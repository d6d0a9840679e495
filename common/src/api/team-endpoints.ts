// The team part of the API catalogue (who manages whom, for escalations): spread into endpoints.ts.
import { z } from 'zod';
import { ManagerPut, TeamMember } from '../contracts/managers';
import { IdParams } from '../contracts/primitives';
import { route } from './routes';

export const teamEndpoints = [
  {
    ...route('listTeam'),
    summary: "The tenant's users by name with each one's manager, whom escalations go to (managers read, admins set)",
    tag: 'settings',
    access: 'manage',
    response: z.object({ items: z.array(TeamMember) }),
    status: 200,
  },
  {
    ...route('setManager'),
    summary: "Set or clear a user's manager (admins only, If-Match); no one manages themselves, directly or in a circle",
    tag: 'settings',
    access: 'admin',
    params: IdParams,
    body: ManagerPut,
    ifMatch: true,
    response: TeamMember,
    status: 200,
  },
] as const;
