// The demo accounts whose names, domains and first contacts are fixed, so the featured examples exist.
import { DEMO_FEATURED } from '@crm/common/demo';
import type { FixedAccount } from './plan';

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
