// The retention policies: German defaults, what each removes and keeps and why, and the date a period counts back to.
// Pure; the README and docs/PRIVACY.md list the same defaults.
import { RetentionDataClass, type RetentionPolicy, type RetentionPolicySetting } from '@crm/common';

interface Description {
  removes: string;
  keeps: string;
  basis: string;
}

export const DEFAULT_POLICIES: readonly RetentionPolicySetting[] = [
  { dataClass: 'inactive_contacts', enabled: true, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'email_meeting_interactions', enabled: true, periodMonths: 72, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'note_chat_web_form_interactions', enabled: true, periodMonths: 36, action: 'anonymise', fromEndOfYear: true },
  { dataClass: 'read_audit', enabled: true, periodMonths: 12, action: 'delete', fromEndOfYear: false },
  { dataClass: 'consent_proofs', enabled: true, periodMonths: 36, action: 'delete', fromEndOfYear: true },
];

const INTERACTION_ANONYMISED =
  'subject, summary, resolution, the email message id, iCalUId, Teams message and conversation ids, the links to contacts, who logged it and the Outlook sync link';
const INTERACTION_KEPT = 'type, date, direction, source, status and the links to accounts and opportunities, so account figures and statistics still count it';

const descriptions: Record<RetentionDataClass, (action: RetentionPolicySetting['action']) => Description> = {
  inactive_contacts: () => ({
    removes:
      'name, every email address, phones, job title, communication preferences, custom fields, closed follow-ups about the person, sync conflicts and the Outlook contact links',
    keeps: 'an anonymous contact row with its account, buying role, owner and its links to interactions and opportunities, so the account figures stay right',
    basis:
      'No interaction, open opportunity, won opportunity (contract), open follow-up, consent entry or change for the period: the business relationship with the person has ended (Art. 5(1)(e), 17(1)(a) DSGVO). 3 years is the regular limitation period (s.195, s.199 BGB) for claims from it. Restricted contacts are never touched.',
  }),
  email_meeting_interactions: (action) => ({
    removes: action === 'delete' ? 'the whole interaction with its links and its Outlook sync link' : INTERACTION_ANONYMISED,
    keeps: action === 'delete' ? 'nothing but the counts of this run' : INTERACTION_KEPT,
    basis:
      'Emails and meetings with customers are commercial letters: kept 6 years from the end of the calendar year they were sent or received (s.257(1) no.2, 3, (4), (5) HGB; s.147(1) no.2, 3, (3), (4) AO). Interactions of a restricted contact are never touched.',
  }),
  note_chat_web_form_interactions: (action) => ({
    removes: action === 'delete' ? 'the whole interaction with its links' : INTERACTION_ANONYMISED,
    keeps: action === 'delete' ? 'nothing but the counts of this run' : INTERACTION_KEPT,
    basis:
      'Notes, chats and web form entries are no commercial letters; they are kept for the regular limitation period of 3 years from the end of the year (s.195, s.199 BGB). Interactions of a restricted contact are never touched.',
  }),
  read_audit: () => ({
    removes: 'entries of the audit of reads (who read which person) older than the period',
    keeps: 'the audit log of changes, erasures and restrictions, which has no personal data of the person',
    basis:
      'The read audit serves accountability (Art. 5(2) DSGVO) and must not become a monitoring tool of employees (s.87(1) no.6 BetrVG); 12 months cover the audit cycle.',
  }),
  consent_proofs: () => ({
    removes:
      'the consent ledger of contacts anonymised longer ago than the period, and the minimised withdrawal and objection proofs that an erasure kept, once the period after the erasure has passed',
    keeps: 'the consent ledger of every contact still processed, and the blocklist of erased addresses (it keeps erased people from coming back and has no period)',
    basis:
      'Proof of consent and of its withdrawal is needed as long as the processing lasts (Art. 7(1) DSGVO) and then until claims about it are time-barred: the regular limitation period of 3 years from the end of the year (s.195, s.199 BGB).',
  }),
};

/** The policies with their descriptions; `readAuditAvailable` is false while the read audit is not stored. */
export function describePolicies(settings: readonly RetentionPolicySetting[], readAuditAvailable: boolean): RetentionPolicy[] {
  return settings.map((setting) => ({
    ...setting,
    ...descriptions[setting.dataClass](setting.action),
    available: setting.dataClass !== 'read_audit' || readAuditAvailable,
  }));
}

/** The stored policies with the default of every class the stored document lacks, in the order of the data classes. */
export function completePolicies(stored: readonly RetentionPolicySetting[] | null): RetentionPolicySetting[] {
  return RetentionDataClass.options.map(
    (dataClass) => stored?.find((p) => p.dataClass === dataClass) ?? DEFAULT_POLICIES.find((p) => p.dataClass === dataClass)!,
  );
}

/**
 * Records whose reference date lies before the cutoff are due. Counted from the date itself, the cutoff is asOf minus the
 * period; counted from the end of its calendar year (HGB, AO, BGB), a record of 2019 with 6 years is due from 1 Jan 2026,
 * so the cutoff is 1 January of the year asOf minus the period falls in (UTC).
 */
export function retentionCutoff(asOf: Date, policy: Pick<RetentionPolicySetting, 'periodMonths' | 'fromEndOfYear'>): Date {
  const back = new Date(asOf);
  const day = back.getUTCDate();
  back.setUTCDate(1);
  back.setUTCMonth(back.getUTCMonth() - policy.periodMonths);
  // 31 March minus one month is the last of February, not 3 March.
  const lastDay = new Date(Date.UTC(back.getUTCFullYear(), back.getUTCMonth() + 1, 0)).getUTCDate();
  back.setUTCDate(Math.min(day, lastDay));
  return policy.fromEndOfYear ? new Date(Date.UTC(back.getUTCFullYear(), 0, 1)) : back;
}
