// While composing: who must not get this email, and why (what was withdrawn or objected, when, and via which source).
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import type { ConsentEntry, Person } from '@crm/common';
import { composeVerdict, factsOfPerson, type ComposePurpose } from '@crm/common/web';
import { ComposePurposePicker } from './ComposePurposePicker';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export interface ConsentWarning {
  email: string;
  text: string;
}

export function consentWarnings(
  people: readonly Person[],
  purpose: ComposePurpose,
  t: ReturnType<typeof useT>,
  nameOf: (email: string) => string,
): ConsentWarning[] {
  const warnings: ConsentWarning[] = [];
  for (const person of people) {
    // The send check's own rule says who lacks consent for this purpose; colleagues never do.
    const missing = composeVerdict(factsOfPerson(person), purpose).reason === 'no_consent';
    const what = purpose === 'correspondence' ? '' : t.t(`consent.purpose.${purpose}`);
    if (person.status === 'unknown' && missing) {
      const name = nameOf(person.email);
      warnings.push({
        email: person.email,
        text: t.t('consent.unknownPurposeDetail', { name: name === person.email ? name : `${name} (${person.email})`, purpose: what }),
      });
    }
    if (person.status !== 'known') continue;
    const name = person.contact.displayName;
    const email = person.consent.current.filter((e: ConsentEntry) => e.channel === 'email');
    for (const entry of email.filter((e) => e.action !== 'granted')) {
      const vars = { name, purpose: t.t(`consent.purpose.${entry.purpose}`), date: t.date(entry.capturedAt), source: entry.source };
      warnings.push({ email: person.email, text: t.t(entry.action === 'withdrawn' ? 'consent.withdrawnDetail' : 'consent.objectedDetail', vars) });
    }
    if (missing) warnings.push({ email: person.email, text: t.t('consent.noPurposeDetail', { name, purpose: what }) });
  }
  return warnings;
}

export function ComposeWarnings({
  people,
  nameOf,
  purpose,
  onPurposeChange,
}: {
  people: readonly Person[];
  /** The name the email gives an address, for recipients the CRM does not know. */
  nameOf: (email: string) => string;
  purpose: ComposePurpose;
  onPurposeChange: (purpose: ComposePurpose) => void;
}) {
  const styles = usePaneStyles();
  const i18n = useT();
  const warnings = consentWarnings(people, purpose, i18n, nameOf);
  return (
    <section className={styles.section} aria-label={i18n.t('compose.warningsHeading')}>
      <ComposePurposePicker purpose={purpose} onChange={onPurposeChange} />
      <div aria-live="polite">
        {warnings.length > 0 ? (
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{i18n.t('compose.warningsHeading')}</MessageBarTitle>
              <ul className={styles.list} data-testid="consent-warnings">
                {warnings.map((w, i) => (
                  <li key={`${w.email}-${i}`} data-warning-for={w.email}>
                    {w.text}
                  </li>
                ))}
              </ul>
            </MessageBarBody>
          </MessageBar>
        ) : people.length > 0 ? (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{i18n.t('compose.allClear')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
    </section>
  );
}
