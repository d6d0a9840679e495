// The hand-made part of the demo: the fixed accounts and people behind DEMO_FEATURED, and Hoffmann's open complaint, deal and overdue follow-up.
import { DEMO_FEATURED } from '@crm/common/demo';
import { defaultStages } from '../features/settings';
import type { PlannedInteraction } from './interactions';
import type { PlannedOpportunity } from './opportunities';
import type { PlannedTask } from './tasks';
import { DAY, HOUR, isoDate } from './text';
import type { FixedAccount } from './tenant-spec';
import type { TenantPlan } from './tenant-plan';

const f = DEMO_FEATURED;
const domainOf = (email: string) => email.split('@')[1]!;

/** Account 0 is the default user's key account; the user is DEMO_USERS[0] (ownerIndex 0). */
export const DEMO_FIXED_ACCOUNTS: readonly FixedAccount[] = [
  {
    name: f.knownContact.accountName,
    domain: domainOf(f.knownContact.email),
    country: 'DE',
    city: 'Stuttgart',
    industry: 'Maschinenbau',
    ownerIndex: 0,
    revenueLastYear: 2_850_000,
    contacts: [
      {
        firstName: 'Julia',
        lastName: 'Hoffmann',
        gender: 'f',
        email: f.knownContact.email,
        jobTitle: 'Einkaufsleiterin',
        buyingRole: 'decision_maker',
        ledger: [
          { channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'Visitenkarte Messe', daysAgo: 380 },
          { channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action: 'granted', source: 'Visitenkarte Messe', daysAgo: 380 },
          { channel: 'phone', purpose: 'events', legalBasis: 'consent', action: 'granted', source: 'Telefonat', daysAgo: 200 },
        ],
      },
      {
        firstName: 'Stefan',
        lastName: 'Krüger',
        gender: 'm',
        email: `stefan.krueger@${domainOf(f.knownContact.email)}`,
        jobTitle: 'Technischer Leiter',
        buyingRole: 'influencer',
      },
    ],
  },
  {
    name: f.withdrawnEmailContact.accountName,
    domain: domainOf(f.withdrawnEmailContact.email),
    country: 'DE',
    city: 'Hamburg',
    industry: 'Kunststoffverarbeitung',
    ownerIndex: 0,
    revenueLastYear: 1_240_000,
    contacts: [
      {
        firstName: 'Thomas',
        lastName: 'Berger',
        gender: 'm',
        email: f.withdrawnEmailContact.email,
        jobTitle: 'Head of Procurement',
        buyingRole: 'decision_maker',
        ledger: [
          { channel: 'email', purpose: 'marketing', legalBasis: 'consent', action: 'granted', source: 'Newsletter-Anmeldung (Double-Opt-in)', daysAgo: 420 },
          { channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action: 'granted', source: 'Newsletter-Anmeldung (Double-Opt-in)', daysAgo: 420 },
          {
            channel: 'email',
            purpose: 'marketing',
            legalBasis: 'consent',
            action: 'withdrawn',
            source: f.withdrawnEmailContact.withdrawnVia,
            daysAgo: f.withdrawnEmailContact.withdrawnDaysAgo,
            note: 'Möchte keine Werbung per E-Mail mehr erhalten',
          },
          {
            channel: 'email',
            purpose: 'newsletter',
            legalBasis: 'consent',
            action: 'withdrawn',
            source: f.withdrawnEmailContact.withdrawnVia,
            daysAgo: f.withdrawnEmailContact.withdrawnDaysAgo,
          },
        ],
      },
    ],
  },
  {
    name: f.objectedContact.accountName,
    domain: domainOf(f.objectedContact.email),
    country: 'FR',
    city: 'Lyon',
    industry: 'Automatisierung',
    ownerIndex: 3,
    revenueLastYear: 960_000,
    contacts: [
      {
        firstName: 'Claire',
        lastName: 'Dubois',
        gender: 'f',
        email: f.objectedContact.email,
        jobTitle: 'Purchasing Director',
        buyingRole: 'decision_maker',
        ledger: [
          {
            channel: 'email',
            purpose: 'marketing',
            legalBasis: 'legitimate_interest',
            action: 'objected',
            source: 'E-Mail an Vertrieb',
            daysAgo: 75,
            note: 'Widerspruch gegen Direktwerbung (Art. 21 DSGVO)',
          },
        ],
      },
    ],
  },
  {
    name: f.sleepingAccountNames[0],
    domain: 'weser-sensorik.de',
    country: 'DE',
    city: 'Bremen',
    industry: 'Elektrotechnik',
    ownerIndex: 0,
    revenueLastYear: 180_000,
    sleeping: true,
  },
  {
    name: f.sleepingAccountNames[1],
    domain: 'eifel-metallbau.de',
    country: 'DE',
    city: 'Aachen',
    industry: 'Metallverarbeitung',
    ownerIndex: 0,
    revenueLastYear: 95_000,
    sleeping: true,
  },
];

export interface DemoHandMade {
  opportunities: PlannedOpportunity[];
  interactions: PlannedInteraction[];
  tasks: PlannedTask[];
}

/** Hoffmann (account 0): an open complaint, a deal in negotiation, Julia's latest email and the default user's overdue follow-up. */
export function demoHandMade(plan: TenantPlan): DemoHandMade {
  const { ids, spec } = plan;
  const now = spec.now.getTime();
  const hoffmann = plan.accounts[0]!;
  const anna = spec.users[0]!.id;
  const [julia, stefan] = [ids.uuid('contact', plan.layout.start[0]!), ids.uuid('contact', plan.layout.start[0]! + 1)];
  const negotiation = defaultStages.find((s) => s.key === 'negotiation')!;
  const deal: PlannedOpportunity = {
    id: ids.uuid('featured', 0),
    accountId: hoffmann.id,
    name: 'Rahmenvertrag 2027: Planetengetriebe PG-120',
    stage: negotiation.key,
    amount: 480_000,
    probability: negotiation.probability,
    expectedClose: isoDate(now + 21 * DAY),
    ownerId: anna,
    status: 'open',
    closeReason: null,
    closedAt: null,
    createdAt: new Date(now - 95 * DAY),
    contactIds: [julia, stefan],
  };
  const interaction = (
    n: number,
    fields: Partial<PlannedInteraction> & Pick<PlannedInteraction, 'type' | 'occurredAt' | 'subject' | 'summary'>,
  ): PlannedInteraction => ({
    id: ids.uuid('featured', n),
    direction: 'inbound',
    source: 'addin',
    internetMessageId: null,
    iCalUId: null,
    teamsMessageId: null,
    conversationId: null,
    status: null,
    resolution: null,
    resolvedAt: null,
    createdBy: anna,
    accountId: hoffmann.id,
    contactIds: [julia],
    opportunityIds: [],
    ...fields,
  });
  const complaint = interaction(1, {
    type: 'complaint',
    occurredAt: new Date(now - 6 * DAY),
    subject: 'Reklamation: Getriebe mit Lagerschaden',
    summary: 'Julia Hoffmann meldet Lagerschaden an zwei Planetengetrieben aus Lieferung 4711.',
    status: 'open',
  });
  const email = interaction(2, {
    type: 'email',
    occurredAt: new Date(now - 2 * DAY - 3 * HOUR),
    subject: 'Re: Rahmenvertrag 2027',
    summary: 'Julia Hoffmann bittet um eine überarbeitete Mengenstaffel bis Ende des Monats.',
    internetMessageId: `<rahmenvertrag-2027.featured@mail.${hoffmann.domains[0]}>`,
    conversationId: 'AAQkAFeaturedRahmenvertrag2027=',
    opportunityIds: [deal.id],
  });
  const followUp: PlannedTask = {
    id: ids.uuid('featured', 3),
    kind: 'follow_up',
    title: `Angebot nachfassen: ${hoffmann.name}`,
    description: 'Julia Hoffmann wollte bis Ende des Monats entscheiden.',
    dueDate: isoDate(now - 3 * DAY),
    assigneeId: anna,
    status: 'open',
    accountId: hoffmann.id,
    contactId: julia,
    opportunityId: deal.id,
    completedAt: null,
    createdBy: anna,
    createdAt: new Date(now - 17 * DAY),
  };
  return { opportunities: [deal], interactions: [complaint, email], tasks: [followUp] };
}
