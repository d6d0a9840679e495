// Records as the API answers them, for fixtures of both front-ends: every field the contracts require, ids that are UUIDs.
import type { Interaction } from '../../contracts/interactions';

let counter = 0;
/** A fresh UUID for records a test does not refer to by name. */
export const nextId = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

export const stamp = { etag: '"1"', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };

export function interaction(fields: Partial<Interaction> & Pick<Interaction, 'subject'>): Interaction {
  return {
    id: nextId(),
    ...stamp,
    type: 'note',
    direction: null,
    occurredAt: '2026-11-20T10:00:00.000Z',
    summary: null,
    source: 'teams',
    internetMessageId: null,
    logKey: null,
    iCalUId: null,
    teamsMessageId: null,
    conversationId: null,
    status: null,
    resolution: null,
    resolvedAt: null,
    accountIds: [],
    contactIds: [],
    opportunityIds: [],
    teamsOrigin: null,
    createdBy: null,
    loggedBy: [],
    ...fields,
  };
}
