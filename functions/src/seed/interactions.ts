// Interactions derived from their index: type, time, people, texts, natural keys, ticket status, deal links.
import type { InteractionType } from '@crm/common';
import { INTERACTION_TEXTS, PRODUCTS, RESOLUTIONS } from './catalog-activity';
import { contactCount, personAt } from './contacts';
import type { PlannedOpportunity } from './opportunities';
import { weightedChoice, weightedIndex } from './picker';
import { entityRandom, hashInts, type Random } from './random';
import { businessHours, DAY, fill, HOUR } from './text';
import type { TenantPlan } from './tenant-plan';
import { writersOf } from './tenant-spec';

export interface PlannedInteraction {
  id: string;
  type: InteractionType;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  occurredAt: Date;
  subject: string;
  summary: string;
  source: 'addin' | 'teams' | 'graph-sync' | 'api' | 'import';
  internetMessageId: string | null;
  iCalUId: string | null;
  teamsMessageId: string | null;
  conversationId: string | null;
  status: 'open' | 'resolved' | null;
  resolution: string | null;
  resolvedAt: Date | null;
  createdBy: string;
  accountId: string;
  contactIds: string[];
  opportunityIds: string[];
}

/** Emails dominate, as in every CRM that logs from the inbox. */
const pickType = weightedChoice<InteractionType>([
  ['email', 46],
  ['meeting', 12],
  ['call', 15],
  ['note', 9],
  ['chat', 7],
  ['complaint', 3],
  ['service_request', 5],
  ['web_form', 3],
]);

type Source = PlannedInteraction['source'];
const SOURCES: Record<InteractionType, (uniform: number) => Source> = {
  email: weightedChoice<Source>([
    ['addin', 85],
    ['api', 15],
  ]),
  meeting: weightedChoice<Source>([
    ['graph-sync', 60],
    ['addin', 25],
    ['teams', 15],
  ]),
  call: weightedChoice<Source>([
    ['teams', 50],
    ['api', 30],
    ['addin', 20],
  ]),
  note: weightedChoice<Source>([
    ['teams', 50],
    ['addin', 30],
    ['api', 20],
  ]),
  chat: weightedChoice<Source>([['teams', 1]]),
  complaint: weightedChoice<Source>([
    ['addin', 50],
    ['teams', 30],
    ['api', 20],
  ]),
  service_request: weightedChoice<Source>([
    ['api', 50],
    ['addin', 30],
    ['teams', 20],
  ]),
  web_form: weightedChoice<Source>([['api', 1]]),
};

const ACTIVITY_WEIGHT = { A: 10, B: 4, C: 1 } as const;
/** Two years back, less a week: weekend dates move up to six days back onto weekdays. */
const HISTORY_DAYS = 723;
/** Before go-live the history lived in spreadsheets; half of it came in through the import. */
const GO_LIVE_DAYS = 540;
const SLEEPING_DAYS = 130;
const hex8 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');

function direction(random: Random, type: InteractionType): PlannedInteraction['direction'] {
  if (type === 'note') return 'internal';
  if (type === 'meeting') return null;
  if (type === 'complaint' || type === 'service_request' || type === 'web_form') return 'inbound';
  return random.chance(0.5) ? 'inbound' : 'outbound';
}

export function interactionGenerator(plan: TenantPlan): (index: number) => PlannedInteraction {
  const { spec, ids, accounts, layout } = plan;
  const random = entityRandom(spec.seed, 'interaction');
  const pickAccount = weightedIndex(accounts.map((a) => ACTIVITY_WEIGHT[a.rating]));
  const writers = writersOf(spec.users);
  const dealsByAccount = new Map<string, PlannedOpportunity[]>();
  for (const deal of plan.opportunities) {
    const list = dealsByAccount.get(deal.accountId);
    if (list) list.push(deal);
    else dealsByAccount.set(deal.accountId, [deal]);
  }
  const now = spec.now.getTime();

  return (k) => {
    const r = random(k);
    const account = accounts[pickAccount(r.next())]!;
    const type = pickType(r.next());
    const newest = account.sleeping ? SLEEPING_DAYS * DAY : 2 * HOUR;
    // Half uniform, half leaning towards recent dates (1 - sqrt(u)): more was logged as the CRM caught on.
    const age = newest + (HISTORY_DAYS * DAY - newest) * (r.chance(0.5) ? r.next() : 1 - Math.sqrt(r.next()));
    const occurredAt = businessHours(r, now - age, now - newest);
    const occurred = occurredAt.getTime();

    const available = contactCount(layout, account.index);
    const wanted = Math.min(available, type === 'meeting' ? r.int(1, 3) : r.chance(0.8) ? 1 : 2);
    const people = new Set<number>();
    while (people.size < wanted) people.add(r.int(0, available - 1));
    const positions = [...people];
    const first = positions[0] === undefined ? null : personAt(account, positions[0]);

    const language = account.country.language === 'de' && r.chance(0.85) ? 'de' : 'en';
    const [subjectTemplate, summaryTemplate] = r.pick(INTERACTION_TEXTS[type][language]);
    const values = {
      product: r.pick(PRODUCTS),
      week: r.int(1, 52),
      year: occurredAt.getUTCFullYear() + (r.chance(0.5) ? 1 : 0),
      number: r.int(100_000, 999_999),
      contact: first ? `${first.firstName} ${first.lastName}` : account.name,
    };
    const dir = direction(r, type);
    const source: Source = age > GO_LIVE_DAYS * DAY && r.chance(0.5) ? 'import' : SOURCES[type](r.next());
    const uniqueNumber = ids.number('interaction', k);
    const unique = uniqueNumber.toString(16).padStart(12, '0');
    const ticket = type === 'complaint' || type === 'service_request';
    const open = ticket && ((age < 45 * DAY && r.chance(0.65)) || r.chance(0.02));
    const resolvedAt = ticket && !open ? new Date(Math.min(occurred + r.int(4, 20 * 24) * HOUR, now - HOUR)) : null;
    const deals = (dealsByAccount.get(account.id) ?? []).filter((d) => d.createdAt.getTime() <= occurred && occurred <= (d.closedAt?.getTime() ?? now));
    const logger = source === 'graph-sync' || r.chance(0.6) ? (writers.find((u) => u.id === account.ownerId) ?? r.pick(writers)) : r.pick(writers);

    return {
      id: ids.uuid('interaction', k),
      type,
      direction: dir,
      occurredAt,
      subject: fill(subjectTemplate, values),
      summary: fill(summaryTemplate, values),
      source,
      internetMessageId:
        type === 'email'
          ? `<${unique}.${hex8(r.int(0, 2 ** 32 - 1))}@${dir === 'inbound' ? `mail.${account.domains[0]}` : `mail.${spec.sellerDomain}`}>`
          : null,
      iCalUId: type === 'meeting' ? `040000008200E00074C5B7101A82E00800000000${unique}${hex8(r.int(0, 2 ** 32 - 1))}0000`.toUpperCase() : null,
      teamsMessageId: type === 'chat' ? String(uniqueNumber) : null,
      // Emails with the same account in the same month and one of three threads share a conversation.
      conversationId:
        type === 'email'
          ? `AAQkA${hex8(hashInts(spec.seed ^ account.index, Math.floor(occurred / (30 * DAY)), r.int(0, 2)))}${hex8(hashInts(spec.seed, account.index))}=`
          : null,
      status: ticket ? (open ? 'open' : 'resolved') : null,
      resolution: resolvedAt ? r.pick(RESOLUTIONS) : null,
      resolvedAt,
      createdBy: logger.id,
      accountId: account.id,
      contactIds: positions.map((m) => ids.uuid('contact', layout.start[account.index]! + m)),
      opportunityIds: deals.length > 0 && r.chance(0.35) ? [r.pick(deals).id] : [],
    };
  };
}

export function* interactionStream(plan: TenantPlan, count: number): Generator<PlannedInteraction> {
  const interactionAt = interactionGenerator(plan);
  for (let k = 0; k < count; k++) yield interactionAt(k);
}
