// The demo's well-known people and addresses, used by the Outlook preview mailbox, browser tests and the README.
import type { FixedAccount } from './plan';

export const DEMO_FEATURED = {
  /** Known contact with email consent granted; her account has an open complaint and open deals. */
  knownContact: { email: 'julia.hoffmann@hoffmann-antriebstechnik.de', name: 'Julia Hoffmann', accountName: 'Hoffmann Antriebstechnik GmbH' },
  /** Withdrew email marketing and newsletter consent 41 days before seeding, via the newsletter's unsubscribe link. */
  withdrawnEmailContact: {
    email: 'thomas.berger@nordlicht-kunststoff.de',
    name: 'Thomas Berger',
    accountName: 'Nordlicht Kunststoffwerke AG',
    withdrawnDaysAgo: 41,
    withdrawnVia: 'Abmeldelink im Newsletter',
  },
  /** Objected to direct marketing by email (Art. 21 GDPR). */
  objectedContact: { email: 'claire.dubois@lyon-automation.fr', name: 'Claire Dubois', accountName: 'Lyon Automation SAS' },
  /** Not a contact, but the domain belongs to a known account, which is suggested. */
  unknownSenderAtKnownDomain: 'lena.vogt@hoffmann-antriebstechnik.de',
  unknownSenderAtUnknownDomain: 'info@neukunde-beispiel.de',
  /** Owned by the default demo user and without interaction for more than 120 days. */
  sleepingAccountNames: ['Weser Sensorik GmbH', 'Eifel Metallbau GmbH'],
} as const;

export const DEMO_FIXED_ACCOUNTS: readonly FixedAccount[] = [
  {
    name: 'Hoffmann Antriebstechnik GmbH',
    domain: 'hoffmann-antriebstechnik.de',
    ownerIndex: 0,
    rating: 'A',
    contacts: [
      {
        firstName: 'Julia',
        lastName: 'Hoffmann',
        email: DEMO_FEATURED.knownContact.email,
        jobTitle: 'Einkaufsleiterin',
        buyingRole: 'decision_maker',
        language: 'de',
      },
      {
        firstName: 'Stefan',
        lastName: 'Krüger',
        email: 'stefan.krueger@hoffmann-antriebstechnik.de',
        jobTitle: 'Technischer Leiter',
        buyingRole: 'influencer',
        language: 'de',
      },
    ],
  },
  {
    name: 'Nordlicht Kunststoffwerke AG',
    domain: 'nordlicht-kunststoff.de',
    ownerIndex: 0,
    rating: 'B',
    contacts: [
      {
        firstName: 'Thomas',
        lastName: 'Berger',
        email: DEMO_FEATURED.withdrawnEmailContact.email,
        jobTitle: 'Head of Procurement',
        buyingRole: 'decision_maker',
        language: 'de',
      },
    ],
  },
  {
    name: 'Lyon Automation SAS',
    domain: 'lyon-automation.fr',
    ownerIndex: 3,
    rating: 'B',
    contacts: [
      {
        firstName: 'Claire',
        lastName: 'Dubois',
        email: DEMO_FEATURED.objectedContact.email,
        jobTitle: 'Directrice des achats',
        buyingRole: 'decision_maker',
        language: 'en',
      },
    ],
  },
  { name: DEMO_FEATURED.sleepingAccountNames[0], domain: 'weser-sensorik.de', ownerIndex: 0, rating: 'C', sleeping: true },
  { name: DEMO_FEATURED.sleepingAccountNames[1], domain: 'eifel-metallbau.de', ownerIndex: 0, rating: 'C', sleeping: true },
];
