// The demo's well-known people and addresses, used by the seed, the Outlook preview mailbox, browser tests and the README.
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
