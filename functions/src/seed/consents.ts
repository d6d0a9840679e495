// Consent ledgers per contact: none, granted, granted then withdrawn, objected, or several channels mixed.
import { CONSENT_SOURCES, WITHDRAWAL_SOURCES } from './catalog-activity';
import { weightedChoice } from './picker';
import { entityRandom, type Random } from './random';
import { businessHours, DAY } from './text';
import type { LedgerEntry } from './tenant-spec';
import type { TenantPlan } from './tenant-plan';

export interface PlannedConsent {
  id: string;
  contactId: string;
  channel: string;
  purpose: string;
  legalBasis: string;
  action: string;
  source: string;
  note: string | null;
  /** Null when no employee captured it (website form, unsubscribe link). */
  capturedBy: string | null;
  capturedAt: Date;
}

/** Ids are contact index x 8 + entry number, so no ledger may have more entries. */
const MAX_ENTRIES = 8;
const SELF_SERVICE = new Set<string>(['Kontaktformular Website', 'Newsletter-Anmeldung (Double-Opt-in)', 'Abmeldelink im Newsletter']);

type ConsentProfile = 'none' | 'granted' | 'withdrawn' | 'objected' | 'mixed';
const pickProfile = weightedChoice<ConsentProfile>([
  ['none', 30],
  ['granted', 33],
  ['withdrawn', 12],
  ['objected', 8],
  ['mixed', 17],
]);

const MIXED: readonly Omit<LedgerEntry, 'daysAgo' | 'source'>[] = [
  { channel: 'email', purpose: 'newsletter', legalBasis: 'consent', action: 'granted' },
  { channel: 'phone', purpose: 'events', legalBasis: 'consent', action: 'granted' },
  { channel: 'post', purpose: 'marketing', legalBasis: 'legitimate_interest', action: 'granted' },
  { channel: 'email', purpose: 'surveys', legalBasis: 'contract', action: 'granted' },
  { channel: 'messenger', purpose: 'events', legalBasis: 'consent', action: 'granted' },
  { channel: 'sms', purpose: 'marketing', legalBasis: 'consent', action: 'withdrawn' },
  { channel: 'phone', purpose: 'marketing', legalBasis: 'legitimate_interest', action: 'objected' },
];

/** A random but coherent history: a withdrawal always follows the grant it revokes. */
function randomLedger(random: Random): LedgerEntry[] {
  const grantedAgo = random.int(150, 700);
  const source = random.pick(CONSENT_SOURCES);
  const grant = (purpose: LedgerEntry['purpose']): LedgerEntry => ({
    channel: 'email',
    purpose,
    legalBasis: 'consent',
    action: 'granted',
    source,
    daysAgo: grantedAgo,
  });
  switch (pickProfile(random.next())) {
    case 'none':
      return [];
    case 'granted':
      return random.chance(0.3) ? [grant('newsletter')] : [grant('marketing'), grant('newsletter')];
    case 'withdrawn': {
      const withdrawal = { source: random.pick(WITHDRAWAL_SOURCES), daysAgo: random.int(5, grantedAgo - 10) };
      return [
        grant('marketing'),
        grant('newsletter'),
        { ...grant('marketing'), ...withdrawal, action: 'withdrawn', note: 'Möchte keine Werbung per E-Mail mehr erhalten' },
        { ...grant('newsletter'), ...withdrawal, action: 'withdrawn' },
      ];
    }
    case 'objected':
      return [
        {
          channel: 'email',
          purpose: 'marketing',
          legalBasis: 'legitimate_interest',
          action: 'objected',
          source: random.pick(WITHDRAWAL_SOURCES.slice(1)),
          daysAgo: random.int(10, 400),
          note: 'Widerspruch gegen Direktwerbung (Art. 21 DSGVO)',
        },
      ];
    case 'mixed': {
      const chosen = MIXED.filter(() => random.chance(0.5));
      return (chosen.length > 1 ? chosen : MIXED.slice(0, 3)).flatMap((entry): LedgerEntry[] => {
        const granted = { ...entry, action: 'granted' as const, source: random.pick(CONSENT_SOURCES), daysAgo: random.int(150, 700) };
        if (entry.action === 'granted') return [granted];
        const revoked = { ...entry, source: random.pick(WITHDRAWAL_SOURCES), daysAgo: random.int(5, 140) };
        // An objection needs no earlier grant (it is against legitimate interest); a withdrawal revokes one.
        return entry.action === 'withdrawn' ? [granted, revoked] : [revoked];
      });
    }
  }
}

export function* consentStream(plan: TenantPlan): Generator<PlannedConsent> {
  const { spec, ids, accounts, layout } = plan;
  const random = entityRandom(spec.seed, 'consent');
  const now = spec.now.getTime();
  for (const account of accounts) {
    for (let j = layout.start[account.index]!, m = 0; j < layout.start[account.index + 1]!; j++, m++) {
      const r = random(j);
      const fixed = account.fixedContacts[m]?.ledger;
      const ledger = fixed ?? randomLedger(r);
      if (ledger.length > MAX_ENTRIES) throw new Error(`a seeded consent ledger has at most ${MAX_ENTRIES} entries`);
      for (const [n, entry] of ledger.entries()) {
        const time = now - entry.daysAgo * DAY;
        yield {
          id: ids.uuid('consent', j * MAX_ENTRIES + n),
          contactId: ids.uuid('contact', j),
          channel: entry.channel,
          purpose: entry.purpose,
          legalBasis: entry.legalBasis,
          action: entry.action,
          source: entry.source,
          note: entry.note ?? null,
          capturedBy: SELF_SERVICE.has(entry.source) ? null : account.ownerId,
          // Featured dates are exact so documentation and tests can name them; others fall in business hours.
          capturedAt: fixed ? new Date(time) : businessHours(r, time, now - DAY),
        };
      }
    }
  }
}
