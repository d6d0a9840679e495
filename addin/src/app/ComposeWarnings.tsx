// While composing: who must not get this email, and why (what was withdrawn or objected, when, and via which source).
import { MessageBar, MessageBarBody, MessageBarTitle, Switch } from '@fluentui/react-components';
import type { ConsentEntry, Person } from '@crm/common';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export interface ConsentWarning {
  email: string;
  text: string;
}

export function consentWarnings(
  people: readonly Person[],
  marketing: boolean,
  t: ReturnType<typeof useT>,
  nameOf: (email: string) => string,
): ConsentWarning[] {
  const warnings: ConsentWarning[] = [];
  for (const person of people) {
    // An address the CRM does not know has no consent on record; a colleague is not a marketing recipient.
    if (person.status === 'unknown' && !person.internal && marketing) {
      const name = nameOf(person.email);
      warnings.push({ email: person.email, text: t.t('consent.unknownMarketingDetail', { name: name === person.email ? name : `${name} (${person.email})` }) });
    }
    if (person.status !== 'known') continue;
    const name = person.contact.displayName;
    const email = person.consent.current.filter((e: ConsentEntry) => e.channel === 'email');
    for (const entry of email.filter((e) => e.action !== 'granted')) {
      const vars = { name, purpose: t.t(`consent.purpose.${entry.purpose}`), date: t.date(entry.capturedAt), source: entry.source };
      warnings.push({ email: person.email, text: t.t(entry.action === 'withdrawn' ? 'consent.withdrawnDetail' : 'consent.objectedDetail', vars) });
    }
    const marketingGranted = email.some((e) => e.purpose === 'marketing' && e.action === 'granted');
    const marketingRefused = email.some((e) => e.purpose === 'marketing' && e.action !== 'granted');
    if (marketing && !marketingGranted && !marketingRefused) warnings.push({ email: person.email, text: t.t('consent.noMarketingDetail', { name }) });
  }
  return warnings;
}

export function ComposeWarnings({
  people,
  nameOf,
  marketing,
  onMarketingChange,
}: {
  people: readonly Person[];
  /** The name the email gives an address, for recipients the CRM does not know. */
  nameOf: (email: string) => string;
  marketing: boolean;
  onMarketingChange: (value: boolean) => void;
}) {
  const styles = usePaneStyles();
  const i18n = useT();
  const warnings = consentWarnings(people, marketing, i18n, nameOf);
  return (
    <section className={styles.section} aria-label={i18n.t('compose.warningsHeading')}>
      <Switch checked={marketing} onChange={(_e, data) => onMarketingChange(data.checked)} label={i18n.t('compose.marketing')} />
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
