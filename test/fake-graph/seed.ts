// Ready-made worlds: the CRM demo tenant's mailboxes with meetings and contacts of known customers, and bulk calendars for benchmarks.
import { DEMO_FEATURED, DEMO_USERS } from '@crm/common/demo';
import type { EventInput, FakeGraphModel } from './model';
import type { GraphEvent } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const KNOWN = DEMO_FEATURED.knownContact.email;
const HOFFMANN_DOMAIN = KNOWN.split('@')[1]!;

/** Demo customers whose addresses exist as CRM contacts in the seeded demo tenant. */
export const DEMO_CUSTOMERS: readonly { address: string; name: string }[] = [
  { address: KNOWN, name: DEMO_FEATURED.knownContact.name },
  { address: `stefan.krueger@${HOFFMANN_DOMAIN}`, name: 'Stefan Krüger' },
  { address: DEMO_FEATURED.withdrawnEmailContact.email, name: DEMO_FEATURED.withdrawnEmailContact.name },
  { address: DEMO_FEATURED.objectedContact.email, name: DEMO_FEATURED.objectedContact.name },
];

const MEETING_TOPICS = [
  'Rahmenvertrag 2027',
  'Quartalsgespräch',
  'Technische Abstimmung Antriebe',
  'Reklamation Lieferung',
  'Angebotsbesprechung',
  'Projekt-Kickoff',
];

/** Local 10:00 (Berlin unless told) on the day `daysFromNow` after `now`, one hour long. */
function localSlot(now: number, daysFromNow: number, hour = 10, timeZone = 'W. Europe Standard Time'): Pick<EventInput, 'start' | 'end'> {
  const day = new Date(now + daysFromNow * DAY).toISOString().slice(0, 10);
  const at = (h: number) => ({ dateTime: `${day}T${String(h).padStart(2, '0')}:00:00.0000000`, timeZone });
  return { start: at(hour), end: at(hour + 1) };
}

/** The demo users' mailboxes (ids are their Entra object ids) with a week of customer meetings, a series, a private event and contacts. */
export function seedDemo(model: FakeGraphModel): void {
  const now = model.now();
  for (const user of DEMO_USERS) model.addMailbox({ id: user.oid, email: user.email, displayName: user.displayName });
  const [anna, markus, sophie] = DEMO_USERS.map((u) => u.email) as [string, string, string];
  const julia = DEMO_CUSTOMERS[0]!;
  const stefan = DEMO_CUSTOMERS[1]!;

  model.addSharedEvent([anna, markus], {
    subject: 'Rahmenvertrag 2027 – Verhandlung',
    ...localSlot(now, 2),
    organizer: anna,
    attendees: [julia, stefan, markus],
    location: 'Teams',
  });
  model.addEvent(anna, { subject: 'Quartalsgespräch Nordlicht', ...localSlot(now, -3, 14), attendees: [DEMO_CUSTOMERS[2]!] });
  model.addEvent(anna, { subject: 'Arzttermin', ...localSlot(now, 1, 8), sensitivity: 'private' });
  model.addEvent(anna, { subject: 'Interne Vertriebsrunde', ...localSlot(now, 1, 15), attendees: [markus, sophie] });
  const cancelled = model.addEvent(anna, {
    subject: 'Werksbesichtigung Lyon',
    ...localSlot(now, 5, 10, 'Romance Standard Time'),
    attendees: [DEMO_CUSTOMERS[3]!],
  });
  model.cancelEvent(anna, cancelled.id, { keep: true });
  model.addSeries(anna, { subject: 'Jour fixe Hoffmann', ...localSlot(now, -14, 9), attendees: [julia], recurrence: { type: 'weekly', occurrences: 6 } });
  model.addEvent(sophie, {
    subject: 'Vor-Ort-Termin Weser Sensorik',
    ...localSlot(now, 3, 11),
    attendees: [{ address: 'einkauf@weser-sensorik.de', name: 'Einkauf Weser Sensorik' }],
  });

  model.addContact(anna, {
    givenName: 'Julia',
    surname: 'Hoffmann',
    emailAddresses: [julia],
    companyName: DEMO_FEATURED.knownContact.accountName,
    jobTitle: 'Einkaufsleiterin',
    businessPhones: ['+49 711 555 0100'],
  });
  model.addContact(anna, {
    givenName: 'Lena',
    surname: 'Vogt',
    emailAddresses: [DEMO_FEATURED.unknownSenderAtKnownDomain],
    companyName: DEMO_FEATURED.knownContact.accountName,
  });
  model.addContact(anna, { givenName: 'Max', surname: 'Privat', emailAddresses: ['max.privat@gmail.com'] });
  model.addContact(markus, {
    givenName: 'Neue',
    surname: 'Kundin',
    emailAddresses: [DEMO_FEATURED.unknownSenderAtUnknownDomain],
    companyName: 'Neukunde Beispiel GmbH',
  });
}

/** The n-th meeting the CLI adds while running: a known customer, tomorrow or later, in the demo's default user's mailbox. */
export function addDemoMeeting(model: FakeGraphModel, n: number, mailbox = DEMO_USERS[0]!.email): GraphEvent {
  const customer = DEMO_CUSTOMERS[n % DEMO_CUSTOMERS.length]!;
  return model.addEvent(mailbox, {
    subject: `${MEETING_TOPICS[n % MEETING_TOPICS.length]} – ${customer.name}`,
    ...localSlot(model.now(), 1 + (n % 10), 9 + (n % 8)),
    attendees: [customer],
    location: 'Microsoft Teams',
  });
}

export interface BulkOptions {
  /** Events are spread evenly over [from, from + days). Default: 90 days back from now. */
  from?: number;
  days?: number;
  attendees?: readonly { address: string; name: string }[];
}

/** count deterministic single-instance events; every third one in W. Europe time, the rest in UTC, each with one customer attendee. */
export function seedBulkEvents(model: FakeGraphModel, mailbox: string, count: number, options: BulkOptions = {}): void {
  const from = options.from ?? model.now() - 90 * DAY;
  const span = (options.days ?? 455) * DAY;
  const attendees = options.attendees ?? DEMO_CUSTOMERS;
  for (let i = 0; i < count; i += 1) {
    const start = from + Math.floor((i * span) / count);
    const attendee = attendees[i % attendees.length]!;
    model.addEvent(mailbox, {
      subject: `${MEETING_TOPICS[i % MEETING_TOPICS.length]} #${i}`,
      start: new Date(start).toISOString(),
      end: new Date(start + HOUR / 2).toISOString(),
      timeZone: i % 3 === 0 ? 'W. Europe Standard Time' : 'UTC',
      attendees: [attendee],
    });
  }
}
