// Plans what happened with the accounts: opportunities, follow-ups, consents and a stream of interactions.
import { defaultStages } from '../domain/stage-model';
import { CONSENT_SOURCES, LOSS_REASONS, SUBJECTS, WIN_REASONS, WITHDRAWAL_SOURCES } from './catalog';
import type { PlannedAccount, PlannedContact, SeedUser } from './plan';
import type { Random } from './random';

const DAY = 86_400_000;
const isoDate = (time: number) => new Date(time).toISOString().slice(0, 10);

export interface PlannedOpportunity {
  id: string;
  accountId: string;
  name: string;
  stage: string;
  amount: number;
  probability: number;
  expectedClose: string;
  ownerId: string;
  status: 'open' | 'won' | 'lost';
  closeReason: string | null;
  closedAt: Date | null;
  createdAt: Date;
  contactIds: string[];
}

/** Accounts weighted by rating, so A customers get most of the activity as in real life. */
export function accountPicker(random: Random, accounts: readonly PlannedAccount[]) {
  const weights = accounts.map((a) => (a.rating === 'A' ? 6 : a.rating === 'B' ? 3 : 1) * Math.max(1, a.contacts.length));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return accounts[low]!;
  };
}

export function planOpportunities(random: Random, accounts: readonly PlannedAccount[], count: number, now: Date): PlannedOpportunity[] {
  const pick = accountPicker(random, accounts);
  const products = ['Ersatzteilpaket', 'Rahmenvertrag Wartung', 'Retrofit Linie', 'Neuanlage', 'Service contract', 'Automation upgrade', 'Sondermaschine'];
  return Array.from({ length: count }, (_, i) => {
    const account = pick();
    const share = i / count;
    const status = share < 0.25 ? 'won' : share < 0.42 ? 'lost' : 'open';
    const stage = status === 'open' ? random.pick(defaultStages) : defaultStages[defaultStages.length - 1]!;
    const closedAt = status === 'open' ? null : new Date(now.getTime() - random.int(5, 365) * DAY);
    const amount = Math.round(Math.exp(Math.log(5000) + random.next() * (Math.log(2_000_000) - Math.log(5000))) / 100) * 100;
    return {
      id: random.uuid(),
      accountId: account.id,
      name: `${random.pick(products)} ${account.name.split(' ')[0]}`,
      stage: stage.key,
      amount,
      probability: stage.probability,
      expectedClose: isoDate(closedAt ? closedAt.getTime() : now.getTime() + random.int(-30, 180) * DAY),
      ownerId: account.ownerId,
      status,
      closeReason: status === 'won' ? random.pick(WIN_REASONS) : status === 'lost' ? random.pick(LOSS_REASONS) : null,
      closedAt,
      createdAt: new Date((closedAt ?? now).getTime() - random.int(30, 300) * DAY),
      contactIds: account.contacts.slice(0, random.int(0, 2)).map((c) => c.id),
    };
  });
}

const TYPE_WEIGHTS: ReadonlyArray<[string, number]> = [
  ['email', 45],
  ['meeting', 12],
  ['call', 15],
  ['note', 10],
  ['chat', 6],
  ['complaint', 4],
  ['service_request', 5],
  ['web_form', 3],
];
const hex = (random: Random, digits: number) => Array.from({ length: digits }, () => random.int(0, 15).toString(16)).join('');

export interface PlannedInteraction {
  row: readonly unknown[];
  id: string;
  accountId: string;
  occurredAt: Date;
  type: string;
  isOpen: boolean;
  contactIds: string[];
  opportunityId: string | null;
  loggedBy: string;
}

/** A lazy stream, so a million interactions are generated batch by batch as they are written. */
export function* planInteractions(
  random: Random,
  options: {
    tenantId: string;
    accounts: readonly PlannedAccount[];
    opportunities: readonly PlannedOpportunity[];
    users: readonly SeedUser[];
    count: number;
    now: Date;
  },
): Generator<PlannedInteraction> {
  const pick = accountPicker(
    random,
    options.accounts.filter((a) => a.contacts.length > 0),
  );
  const openDeals = new Map<string, string[]>();
  for (const o of options.opportunities) openDeals.set(o.accountId, [...(openDeals.get(o.accountId) ?? []), o.id]);
  const writers = options.users.filter((u) => !u.roles.includes('CRM.Reader'));
  const totalWeight = TYPE_WEIGHTS.reduce((sum, [, w]) => sum + w, 0);
  const now = options.now.getTime();

  for (let i = 0; i < options.count; i++) {
    const account = pick();
    let roll = random.next() * totalWeight;
    const type = TYPE_WEIGHTS.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'email';
    // Sleeping accounts had their last contact well over 120 days ago.
    const newest = account.sleeping ? now - 130 * DAY : now - 3_600_000;
    const oldest = now - 730 * DAY;
    const occurredAt = new Date(oldest + random.next() * (newest - oldest));
    const contacts = account.contacts.length > 0 ? [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(account.contacts)))] : [];
    const logger = random.chance(0.6) ? (writers.find((u) => u.id === account.ownerId) ?? random.pick(writers)) : random.pick(writers);
    const domain = account.domains[0]!;
    const ticket = type === 'complaint' || type === 'service_request';
    const recent = now - occurredAt.getTime() < 60 * DAY;
    const open = ticket && recent && random.chance(0.6);
    const resolvedAt = ticket && !open ? new Date(occurredAt.getTime() + random.int(1, 14) * DAY) : null;
    const direction =
      type === 'note'
        ? 'internal'
        : type === 'meeting'
          ? null
          : ['complaint', 'service_request', 'web_form'].includes(type)
            ? 'inbound'
            : random.chance(0.5)
              ? 'inbound'
              : 'outbound';
    const source =
      type === 'email'
        ? random.chance(0.8)
          ? 'addin'
          : 'api'
        : type === 'meeting'
          ? random.chance(0.6)
            ? 'graph-sync'
            : 'addin'
          : type === 'web_form'
            ? 'import'
            : random.chance(0.5)
              ? 'teams'
              : 'api';
    const subject = random.pick(SUBJECTS[type]!);
    const id = random.uuid();
    const deals = openDeals.get(account.id);
    yield {
      id,
      accountId: account.id,
      occurredAt,
      type,
      isOpen: open,
      contactIds: contacts.map((c: PlannedContact) => c.id),
      opportunityId: deals && random.chance(0.3) ? random.pick(deals) : null,
      loggedBy: logger.id,
      row: [
        options.tenantId,
        id,
        type,
        direction,
        occurredAt,
        subject,
        `${subject} (${contacts.map((c) => `${c.firstName} ${c.lastName}`).join(', ')})`,
        source,
        type === 'email' ? `<${hex(random, 24)}@${direction === 'inbound' ? domain : 'mail.example.com'}>` : null,
        type === 'meeting' ? `040000008200E00074C5B7101A82E008${hex(random, 32).toUpperCase()}` : null,
        type === 'email' ? `AAQk${hex(random, 20)}` : null,
        ticket ? (open ? 'open' : 'resolved') : null,
        resolvedAt ? random.pick(['Ersatzteil geliefert', 'Techniker vor Ort, Problem behoben', 'Gutschrift erteilt', 'Resolved by replacement']) : null,
        resolvedAt,
        logger.id,
        occurredAt,
      ],
    };
  }
}

export function planTasks(
  random: Random,
  options: { tenantId: string; accounts: readonly PlannedAccount[]; opportunities: readonly PlannedOpportunity[]; count: number; now: Date },
): unknown[][] {
  const pick = accountPicker(random, options.accounts);
  const titles = [
    'Angebot nachfassen',
    'Rückruf vereinbaren',
    'Wiedervorlage: Rahmenvertrag',
    'Follow up on quotation',
    'Termin für Jahresgespräch abstimmen',
    'Referenzbesuch organisieren',
  ];
  const now = options.now.getTime();
  return Array.from({ length: options.count }, () => {
    const account = pick();
    const roll = random.next();
    const status = roll < 0.65 ? 'open' : roll < 0.92 ? 'done' : 'cancelled';
    const due = status === 'open' ? now + random.int(-20, 40) * DAY : now - random.int(1, 300) * DAY;
    const contact = account.contacts.length > 0 && random.chance(0.7) ? random.pick(account.contacts) : null;
    const deal = options.opportunities.find((o) => o.accountId === account.id && o.status === 'open');
    return [
      options.tenantId,
      random.uuid(),
      random.chance(0.8) ? 'follow_up' : 'task',
      random.pick(titles),
      null,
      isoDate(due),
      account.ownerId,
      status,
      account.id,
      contact?.id ?? null,
      deal && random.chance(0.4) ? deal.id : null,
      status === 'done' ? new Date(due) : null,
      account.ownerId,
    ];
  });
}

export type ConsentProfile = 'none' | 'granted' | 'withdrawn' | 'objected' | 'mixed';

/** Ledger entries for one contact: a withdrawal or objection always follows the grant it revokes. */
export function planConsents(
  random: Random,
  options: { tenantId: string; contact: PlannedContact; profile: ConsentProfile; capturedBy: string; now: Date; withdrawnDaysAgo?: number },
): unknown[][] {
  const now = options.now.getTime();
  const grantedAt = new Date(now - random.int(200, 700) * DAY);
  const entry = (channel: string, purpose: string, basis: string, action: string, source: string, at: Date, note: string | null = null) => [
    options.tenantId,
    random.uuid(),
    options.contact.id,
    channel,
    purpose,
    basis,
    action,
    source,
    note,
    options.capturedBy,
    at,
  ];
  const source = random.pick(CONSENT_SOURCES);
  switch (options.profile) {
    case 'none':
      return [];
    case 'granted':
      return [entry('email', 'marketing', 'consent', 'granted', source, grantedAt), entry('email', 'newsletter', 'consent', 'granted', source, grantedAt)];
    case 'withdrawn': {
      const withdrawnAt = new Date(now - (options.withdrawnDaysAgo ?? random.int(10, 150)) * DAY);
      const via = random.pick(WITHDRAWAL_SOURCES);
      return [
        entry('email', 'marketing', 'consent', 'granted', source, grantedAt),
        entry('email', 'newsletter', 'consent', 'granted', source, grantedAt),
        entry('email', 'marketing', 'consent', 'withdrawn', via, withdrawnAt, 'Möchte keine Werbung per E-Mail mehr erhalten'),
        entry('email', 'newsletter', 'consent', 'withdrawn', via, withdrawnAt),
      ];
    }
    case 'objected':
      return [
        entry(
          'email',
          'marketing',
          'legitimate_interest',
          'objected',
          'E-Mail an Vertrieb',
          new Date(now - random.int(20, 300) * DAY),
          'Widerspruch gegen Direktwerbung (Art. 21 DSGVO)',
        ),
      ];
    case 'mixed':
      return [
        entry('phone', 'events', 'consent', 'granted', 'Telefonat', grantedAt),
        entry('post', 'marketing', 'legitimate_interest', 'granted', 'Vertrag', grantedAt),
        entry('email', 'newsletter', 'consent', 'granted', source, grantedAt),
        entry('sms', 'marketing', 'consent', 'withdrawn', 'Telefonat', new Date(now - random.int(5, 90) * DAY)),
      ];
  }
}

export function consentProfileOf(random: Random): ConsentProfile {
  const roll = random.next();
  return roll < 0.3 ? 'none' : roll < 0.65 ? 'granted' : roll < 0.77 ? 'withdrawn' : roll < 0.85 ? 'objected' : 'mixed';
}
