// Builders of API answers for the pane's component tests (a fake API client, not a fake of the product).
import type { AccountContext, ConsentEntry, ContextResponse, Interaction, Person } from '@crm/common';
import { ApiError, type ApiClient } from '@crm/common/web';

let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const stamp = { etag: '"1"', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };

export function knownPerson(email: string, name: string, accountId: string, accountName: string, consent: ConsentEntry[] = []): Person {
  const [firstName, lastName] = name.split(' ') as [string, string];
  const channels = { email: 'none', phone: 'none', post: 'none', sms: 'none', messenger: 'none' } as Record<string, string>;
  for (const entry of consent) channels[entry.channel] = entry.action;
  return {
    email,
    status: 'known',
    accountId,
    contact: {
      id: id(),
      ...stamp,
      firstName,
      lastName,
      displayName: name,
      emails: [email],
      phones: [],
      jobTitle: 'Einkaufsleiterin',
      buyingRole: 'decision_maker',
      accountId,
      accountName,
      ownerId: null,
      communicationPreferences: {},
      customFields: {},
    },
    consent: { current: consent, channels: channels as Person extends { consent: infer C } ? (C extends { channels: infer X } ? X : never) : never },
  } as Person;
}

export function consentEntry(action: ConsentEntry['action'], purpose: ConsentEntry['purpose'], capturedAt: string, source: string): ConsentEntry {
  return {
    id: id(),
    contactId: id(),
    channel: 'email',
    purpose,
    legalBasis: 'consent',
    action,
    source,
    note: null,
    capturedBy: null,
    capturedByName: null,
    capturedAt,
    recordedAt: capturedAt,
  };
}

export function accountContext(accountId: string, name: string, extra: Partial<AccountContext> = {}): AccountContext {
  return {
    account: {
      id: accountId,
      ...stamp,
      name,
      domains: [],
      parentAccountId: null,
      industry: null,
      segment: 'Mittelstand',
      rating: 'A',
      ownerId: null,
      ownerName: 'Anna Becker',
      address: null,
      customFields: {},
    },
    openOpportunities: [],
    openTasks: [],
    recentInteractions: [],
    openComplaints: [],
    ...extra,
  };
}

export interface FakeApi {
  client: ApiClient;
  calls: Array<{ name: string; args: unknown }>;
}

/** Answers each endpoint from a table; anything else fails loudly so a test never passes on a missing answer. */
export function fakeApi(answers: {
  context?: (emails: string[]) => Omit<ContextResponse, 'logged'> | Error;
  logged?: Interaction[];
  onLog?: (body: unknown) => Interaction;
}): FakeApi {
  const calls: FakeApi['calls'] = [];
  const client = (async (name: string, args: { query?: { email?: string[] }; body?: unknown }) => {
    calls.push({ name, args });
    if (name === 'context') {
      const answer = answers.context?.(args.query?.email ?? []) ?? { people: [], accounts: [] };
      if (answer instanceof Error) throw answer;
      return { data: { ...answer, logged: answers.logged ?? [] }, status: 200, etag: null };
    }
    if (name === 'findInteractions') return { data: { items: answers.logged ?? [] }, status: 200, etag: null };
    if (name === 'getSettings')
      return {
        data: {
          stages: [{ key: 'proposal', label: { de: 'Angebot', en: 'Proposal' }, probability: 50 }],
          sleepingAfterDays: 90,
          defaultCurrency: 'EUR',
          etag: '"1"',
        },
        status: 200,
        etag: '"1"',
      };
    if (name === 'logInteraction' && answers.onLog) return { data: answers.onLog(args.body), status: 201, etag: '"1"' };
    throw new ApiError('server', 500, null);
  }) as unknown as ApiClient;
  return { client, calls };
}
