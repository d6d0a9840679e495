// Records as the API answers them, for fixtures of both front-ends: every field the contracts require, ids that are UUIDs.
import type { Case } from '../../contracts/cases';
import type { Interaction } from '../../contracts/interactions';
import type { Lead } from '../../contracts/leads';
import type { AnswerOf } from './fake-api';

let counter = 0;
/** A fresh UUID for records a test does not refer to by name. */
export const nextId = () => `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;

export const stamp = { etag: '"1"', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };

/** The tenant's settings as GET /api/settings answers them: one stage (proposal, "Angebot" in German) and the defaults. */
export const tenantSettings = (extra: Partial<AnswerOf<'getSettings'>> = {}): AnswerOf<'getSettings'> => ({
  stages: [{ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 }],
  sleepingAfterDays: 90,
  defaultCurrency: 'EUR',
  graphSync: { connected: false, contactCreation: 'known_domains', calendarDaysBack: 90, calendarDaysAhead: 365 },
  etag: '"1"',
  ...extra,
});

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
    complaintId: null,
    teamsOrigin: null,
    createdBy: null,
    loggedBy: [],
    ...fields,
  };
}

/** A lead with the default weights' score of a lead nobody knows anything about yet (0), unless the test gives one. */
export function lead(fields: Partial<Lead> = {}): Lead {
  return {
    id: nextId(),
    ...stamp,
    source: 'email',
    status: 'new',
    disqualifyReason: null,
    firstName: '',
    lastName: null,
    email: null,
    company: null,
    phone: null,
    industry: null,
    employees: null,
    budget: 'unknown',
    timing: 'unknown',
    engagement: 'none',
    ownerId: null,
    notes: null,
    score: {
      total: 0,
      criteria: [
        { key: 'fit', points: 0, weight: 20, reason: 'industry unknown', code: 'unknown' },
        { key: 'size', points: 0, weight: 15, reason: 'company size unknown', code: 'unknown', range: { min: 50, max: 500 } },
        { key: 'budget', points: 0, weight: 25, reason: 'budget: unknown', code: 'unknown' },
        { key: 'timing', points: 0, weight: 25, reason: 'timing: unknown', code: 'unknown' },
        { key: 'engagement', points: 0, weight: 15, reason: 'engagement: none', code: 'none' },
      ],
    },
    convertedAt: null,
    accountId: null,
    contactId: null,
    opportunityId: null,
    ...fields,
  };
}

/** An open service case of normal priority opened on 20 November 2026, due times from the default service levels. */
export function serviceCase(fields: Partial<Case> = {}): Case {
  return {
    id: nextId(),
    ...stamp,
    interactionId: nextId(),
    subject: 'Complaint',
    type: 'complaint',
    accountId: null,
    priority: 'normal',
    assigneeId: null,
    status: 'open',
    openedAt: '2026-11-20T10:00:00.000Z',
    firstResponseDue: '2026-11-21T10:00:00.000Z',
    resolutionDue: '2026-11-25T10:00:00.000Z',
    firstResponseAt: null,
    resolvedAt: null,
    resolution: null,
    escalationLevel: 0,
    overdue: false,
    history: [],
    ...fields,
  };
}
