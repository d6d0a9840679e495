// Fakes for the tabs' component tests: a Teams host that records what the tab told it, and an API answered from a table.
import type { AccountOverview, Interaction, MyWork, Opportunity, Task } from '@crm/common';
import { ApiError, type ApiClient, type ThemeKind } from '@crm/common/web';
import type { TabHost, TabInstance } from '../host/tab-host';

export interface FakeHost extends TabHost {
  configured: Array<TabInstance | null>;
  navigated: string[];
  setTheme(theme: ThemeKind): void;
}

export function fakeHost(overrides: Partial<TabHost> = {}): FakeHost {
  const handlers = new Set<(theme: ThemeKind) => void>();
  const host: FakeHost = {
    kind: 'teams',
    locale: 'en-US',
    theme: 'light',
    frame: 'content',
    origin: { channelId: '19:abc@thread.tacv2', teamId: 'team-1', name: 'Vertrieb Süd' },
    configured: [],
    navigated: [],
    onThemeChanged(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    configure(instance) {
      host.configured.push(instance);
    },
    navigate(url) {
      host.navigated.push(url);
    },
    setTheme(theme) {
      handlers.forEach((h) => h(theme));
    },
    ...overrides,
  };
  return host;
}

export interface Call {
  name: string;
  args: { params?: Record<string, string>; query?: Record<string, unknown>; body?: Record<string, unknown>; ifMatch?: string };
}

type Answer = (args: Call['args']) => unknown;

/** Answers each endpoint from a table; anything else fails loudly so a test never passes on a missing answer. */
export function fakeApi(answers: Record<string, Answer>): { client: ApiClient; calls: Call[] } {
  const calls: Call[] = [];
  const client = (async (name: string, args: Call['args']) => {
    calls.push({ name, args });
    const answer = answers[name];
    if (!answer) throw new ApiError('server', 500, null);
    const data = answer(args);
    if (data instanceof Error) throw data;
    return { data, status: 200, etag: (data as { etag?: string } | null)?.etag ?? null };
  }) as unknown as ApiClient;
  return { client, calls };
}

let counter = 0;
export const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const stamp = { etag: '"1"', createdAt: '2026-11-01T10:00:00.000Z', updatedAt: '2026-11-01T10:00:00.000Z' };

export function interaction(fields: Partial<Interaction> & Pick<Interaction, 'subject'>): Interaction {
  return {
    id: id(),
    ...stamp,
    type: 'note',
    direction: null,
    occurredAt: '2026-11-20T10:00:00.000Z',
    summary: null,
    source: 'teams',
    internetMessageId: null,
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
    loggedBy: [{ userId: 'u1', displayName: 'Anna Becker', loggedAt: '2026-11-20T10:00:00.000Z' }],
    ...fields,
  };
}

export function opportunity(fields: Partial<Opportunity> & Pick<Opportunity, 'name' | 'stage' | 'amount' | 'probability'>): Opportunity {
  return {
    id: id(),
    ...stamp,
    accountId: 'a1',
    accountName: 'Hoffmann Antriebstechnik GmbH',
    currency: 'EUR',
    weightedAmount: (fields.amount * fields.probability) / 100,
    expectedCloseDate: '2026-12-20',
    ownerId: null,
    status: 'open',
    closeReason: null,
    closedAt: null,
    ...fields,
  };
}

export function task(fields: Partial<Task> & Pick<Task, 'title' | 'dueDate'>): Task {
  return {
    id: id(),
    ...stamp,
    kind: 'follow_up',
    description: null,
    assigneeId: null,
    status: 'open',
    accountId: 'a1',
    contactId: null,
    opportunityId: null,
    interactionId: null,
    completedAt: null,
    createdBy: null,
    ...fields,
  };
}

export function overview(accountId: string, extra: Partial<AccountOverview> = {}): AccountOverview {
  const deal = opportunity({ name: 'Rahmenvertrag 2027', stage: 'negotiation', amount: 480_000, probability: 75 });
  return {
    account: {
      id: accountId,
      ...stamp,
      name: 'Hoffmann Antriebstechnik GmbH',
      domains: ['hoffmann-antriebstechnik.de'],
      parentAccountId: null,
      industry: 'Maschinenbau',
      segment: 'Mittelstand',
      rating: 'A',
      ownerId: 'u1',
      ownerName: 'Anna Becker',
      address: null,
      customFields: {},
    },
    figures: { openPipeline: 480_000, weightedPipeline: 360_000, currency: 'EUR', lastContactAt: '2026-11-27T09:00:00.000Z', interactionCount: 3 },
    contacts: [
      {
        contact: {
          id: 'c1',
          ...stamp,
          firstName: 'Julia',
          lastName: 'Hoffmann',
          displayName: 'Julia Hoffmann',
          emails: ['julia.hoffmann@hoffmann-antriebstechnik.de'],
          phones: [],
          jobTitle: 'Einkaufsleiterin',
          buyingRole: 'decision_maker',
          accountId,
          accountName: 'Hoffmann Antriebstechnik GmbH',
          ownerId: null,
          communicationPreferences: {},
          customFields: {},
        },
        emailConsent: 'granted',
      },
    ],
    pipeline: [
      {
        stage: { key: 'negotiation', label: { de: 'Verhandlung', en: 'Negotiation' }, probability: 75 },
        count: 1,
        amount: 480_000,
        weightedAmount: 360_000,
        opportunities: [deal],
      },
    ],
    openTasks: [task({ title: 'Angebot nachfassen', dueDate: '2020-01-01' })],
    openComplaints: [
      {
        id: 'k1',
        type: 'complaint',
        direction: 'inbound',
        occurredAt: '2026-11-23T10:00:00.000Z',
        subject: 'Lagerschaden',
        status: 'open',
        source: 'addin',
        ageDays: 6,
      },
    ],
    ...extra,
  };
}

export function myWork(extra: Partial<MyWork> = {}): MyWork {
  return {
    today: '2026-11-29',
    currency: 'EUR',
    sleepingAfterDays: 90,
    tasks: [
      { ...task({ title: 'Angebot nachfassen', dueDate: '2026-11-26' }), accountName: 'Hoffmann Antriebstechnik GmbH', overdue: true },
      { ...task({ title: 'Messe vorbereiten', dueDate: '2026-12-03' }), accountName: null, overdue: false },
    ],
    openTaskCount: 2,
    pipeline: [],
    forecast: {
      thisQuarter: { quarter: '2026-Q4', from: '2026-10-01', to: '2026-12-31', count: 2, amount: 500_000, weightedAmount: 370_000 },
      nextQuarter: { quarter: '2027-Q1', from: '2027-01-01', to: '2027-03-31', count: 1, amount: 20_000, weightedAmount: 5_000 },
    },
    accounts: [
      { id: 'a1', name: 'Hoffmann Antriebstechnik GmbH', industry: null, segment: null, lastContactAt: '2026-11-27T09:00:00.000Z', daysSinceContact: 2 },
    ],
    sleeping: [{ id: 'a2', name: 'Weser Sensorik GmbH', industry: null, segment: null, lastContactAt: '2026-06-01T09:00:00.000Z', daysSinceContact: 181 }],
    ...extra,
  };
}
