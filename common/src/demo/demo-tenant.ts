// Fixed identities of the demo: the tenant, a second tenant for isolation, and the seller's employees.
import type { AppRole } from '../contracts/enums';

export const DEMO_TENANT_ID = '7c1d5a3e-2f4b-4c6d-9e8f-0a1b2c3d4e5f';
export const DEMO_OTHER_TENANT_ID = 'b2e4f6a8-1c3d-4e5f-8a9b-c0d1e2f3a4b5';
export const DEMO_SELLER_DOMAIN = 'rheinwerk-maschinenbau.de';

export interface DemoUser {
  /** Entra object id; development tokens for it sign in as this user. */
  oid: string;
  displayName: string;
  email: string;
  jobTitle: string;
  roles: AppRole[];
}

/** The first user is who `POST /dev/token` signs in as by default. */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f601',
    displayName: 'Anna Becker',
    email: `anna.becker@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Key Account Managerin',
    roles: ['CRM.Admin'],
  },
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f602',
    displayName: 'Markus Wolf',
    email: `markus.wolf@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Vertriebsleiter',
    roles: ['CRM.Manager'],
  },
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f603',
    displayName: 'Sophie Wagner',
    email: `sophie.wagner@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Außendienst Süd',
    roles: ['CRM.User'],
  },
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f604',
    displayName: 'Jonas Richter',
    email: `jonas.richter@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Export Sales Manager',
    roles: ['CRM.User'],
  },
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f605',
    displayName: 'Leonie Schäfer',
    email: `leonie.schaefer@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Kundenservice',
    roles: ['CRM.User'],
  },
  {
    oid: '3f2a1b4c-5d6e-4f70-8a91-b2c3d4e5f606',
    displayName: 'Paul Neumann',
    email: `paul.neumann@${DEMO_SELLER_DOMAIN}`,
    jobTitle: 'Marketing',
    roles: ['CRM.Reader'],
  },
];
