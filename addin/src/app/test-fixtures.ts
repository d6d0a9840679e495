// Builders of API answers for the pane's component tests, answered through the fake API held to the endpoint catalogue.
import type { AccountContext, ConsentEntry, ConsentState, ContextResponse, Interaction, Person, Task, TaskCreate } from '@crm/common';
import { fakeApi, nextId as id, stamp, tenantSettings, type FakeAnswers, type FakeApi } from '@crm/common/web/testing';

export { interaction, testUuid } from '@crm/common/web/testing';

export function knownPerson(email: string, name: string, accountId: string, accountName: string, consent: ConsentEntry[] = []): Person {
  const [firstName, lastName] = name.split(' ') as [string, string];
  const channels: ConsentState['channels'] = { email: 'none', phone: 'none', post: 'none', sms: 'none', messenger: 'none' };
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
    consent: { current: consent, channels },
  };
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
    upcoming: [],
    openComplaints: [],
    ...extra,
  };
}

/** The follow-up the API makes of a createTask body (as sent: the kind may be left to its default). */
export function createdTask(body: Omit<TaskCreate, 'kind'> & Partial<Pick<TaskCreate, 'kind'>>): Task {
  return {
    id: body.id ?? id(),
    ...stamp,
    kind: body.kind ?? 'follow_up',
    title: body.title,
    description: null,
    dueDate: body.dueDate,
    assigneeId: null,
    status: 'open',
    accountId: body.accountId ?? null,
    contactId: body.contactId ?? null,
    opportunityId: null,
    interactionId: null,
    completedAt: null,
    createdBy: null,
    origin: body.origin ?? null,
  };
}

/** The pane's calls: the context of the open item, whether it is logged, the tenant's stages, logging it, and any `more`. */
export function paneApi(answers: {
  context?: (emails: string[]) => Omit<ContextResponse, 'logged'> | Error;
  logged?: Interaction[];
  onLog?: (body: unknown) => Interaction;
  more?: FakeAnswers;
}): FakeApi {
  return fakeApi({
    context: (args) => {
      // The query schema takes one address or several (email=a&email=b), so its input type is open.
      const emails = ([] as unknown[]).concat(args.query?.email ?? []).map(String);
      const answer = answers.context?.(emails) ?? { people: [], accounts: [] };
      return answer instanceof Error ? answer : { ...answer, logged: answers.logged ?? [] };
    },
    findInteractions: () => ({ items: answers.logged ?? [], nextCursor: null }),
    getSettings: () => tenantSettings(),
    ...(answers.onLog ? { logInteraction: (args) => answers.onLog!(args.body) } : {}),
    ...answers.more,
  });
}
