// Fakes for the tabs' component tests: a Teams host that records what the tab told it, the API fake held to the endpoint
// catalogue, and records as the API answers them (UUID ids, every field the contracts require).
import type { AccountOverview, Interaction, Me, MyWork, Opportunity, Task } from '@crm/common';
import type { ThemeKind } from '@crm/common/web';
import { interaction as sharedInteraction, nextId as id, stamp, testUuid } from '@crm/common/web/testing';
import type { TabHost, TabInstance } from '../host/tab-host';

export { fakeApi, testUuid, type FakeAnswer, type FakeAnswers } from '@crm/common/web/testing';

/** The ids the tests name: the account, its contact Julia Hoffmann, the signed-in user, the second (sleeping) account. */
export const ACCOUNT_ID = testUuid('a1');
export const CONTACT_ID = testUuid('c1');
export const USER_ID = testUuid('u1');
export const SLEEPING_ACCOUNT_ID = testUuid('a2');

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
    subPageId: null,
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

export function interaction(fields: Partial<Interaction> & Pick<Interaction, 'subject'>): Interaction {
  return sharedInteraction({ loggedBy: [{ userId: USER_ID, displayName: 'Anna Becker', loggedAt: '2026-11-20T10:00:00.000Z' }], ...fields });
}

export function opportunity(fields: Partial<Opportunity> & Pick<Opportunity, 'name' | 'stage' | 'amount' | 'probability'>): Opportunity {
  return {
    id: id(),
    ...stamp,
    accountId: ACCOUNT_ID,
    accountName: 'Hoffmann Antriebstechnik GmbH',
    currency: 'EUR',
    weightedAmount: (fields.amount * fields.probability) / 100,
    expectedCloseDate: '2026-12-20',
    ownerId: null,
    status: 'open',
    productLine: null,
    externalId: null,
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
    accountId: ACCOUNT_ID,
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
      ownerId: USER_ID,
      ownerName: 'Anna Becker',
      address: null,
      customFields: {},
    },
    figures: { openPipeline: 480_000, weightedPipeline: 360_000, currency: 'EUR', lastContactAt: '2026-11-27T09:00:00.000Z', interactionCount: 3 },
    contacts: [
      {
        contact: {
          id: CONTACT_ID,
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
        id: testUuid('k1'),
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
      { id: ACCOUNT_ID, name: 'Hoffmann Antriebstechnik GmbH', industry: null, segment: null, lastContactAt: '2026-11-27T09:00:00.000Z', daysSinceContact: 2 },
    ],
    sleeping: [
      { id: SLEEPING_ACCOUNT_ID, name: 'Weser Sensorik GmbH', industry: null, segment: null, lastContactAt: '2026-06-01T09:00:00.000Z', daysSinceContact: 181 },
    ],
    ...extra,
  };
}

export function me(roles: Me['roles'] = ['CRM.User']): Me {
  return { id: USER_ID, tenantId: testUuid('t1'), displayName: 'Anna Becker', email: 'anna.becker@seller.example', roles };
}
