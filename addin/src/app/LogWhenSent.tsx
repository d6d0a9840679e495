// "Log when sent" in the compose pane: the choice and its regarding record are kept on the draft, where the send
// handler finds them; the email is logged only once Outlook lets it go.
import { Switch } from '@fluentui/react-switch';
import { useEffect, useRef, useState } from 'react';
import type { ContextResponse } from '@crm/common';
import { useSessionValue, type ApiClient } from '@crm/common/web';
import type { MailHost } from '../host/mail-host';
import type { LogWhenSentChoice } from '../send-check/log-when-sent';
import { RegardingFields } from './RegardingFields';
import { usePaneStyles } from './styles';
import { useT } from './texts';

const loadDefault = async (api: ApiClient) => (await api('getSettings', {})).data.logWhenSentToCustomers === true;

interface Props {
  host: MailHost;
  api: ApiClient;
  itemKey: string;
  context: ContextResponse;
  /** The user may write (CRM.User and up); otherwise the switch is off and disabled. */
  canWrite: boolean;
}

export function LogWhenSent({ host, api, itemKey, context, canWrite }: Props) {
  const { t } = useT();
  const styles = usePaneStyles();
  const byDefault = useSessionValue(api, 'logWhenSentToCustomers', loadDefault);
  const [choice, setChoice] = useState<LogWhenSentChoice | null>(null);
  const [loaded, setLoaded] = useState(false);
  // The tenant's default applies to a draft once, before the user or an earlier session decided.
  const decided = useRef(false);
  // A restricted person (Art. 18) is not linked to a sent email.
  const contacts = Object.fromEntries(context.people.flatMap((p) => (p.status === 'known' && !p.restricted ? [[p.email, p.contact.id] as const] : [])));
  const contactsKey = JSON.stringify(contacts);
  const accounts = context.accounts;

  useEffect(() => {
    let current = true;
    setChoice(null);
    setLoaded(false);
    decided.current = false;
    host.getLogWhenSent().then(
      (saved) => {
        if (!current) return;
        decided.current = saved !== null;
        setChoice(saved);
        setLoaded(true);
      },
      () => current && setLoaded(true),
    );
    return () => {
      current = false;
    };
  }, [host, itemKey]);

  const save = (next: LogWhenSentChoice | null) => {
    decided.current = true;
    setChoice(next);
    void host.setLogWhenSent(next).catch(() => undefined);
  };
  const fresh = (accountId: string): LogWhenSentChoice => ({ key: globalThis.crypto.randomUUID(), accountId, opportunityId: null, contacts });

  useEffect(() => {
    if (!loaded || decided.current || !canWrite || byDefault !== true) return;
    const known = accounts[0];
    if (known && Object.keys(contacts).length > 0) save(fresh(known.account.id));
    // contactsKey stands for contacts; save and fresh are remade each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, byDefault, canWrite, contactsKey, accounts]);

  // Recipients added or removed while it is on: the handler links the contacts still on the email.
  useEffect(() => {
    if (choice && JSON.stringify(choice.contacts) !== contactsKey) save({ ...choice, contacts });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [contactsKey]);

  return (
    <section className={styles.section} aria-label={t('compose.logWhenSent')}>
      <Switch
        checked={choice !== null}
        disabled={!canWrite || accounts.length === 0}
        label={t('compose.logWhenSent')}
        onChange={(_e, data) => save(data.checked && accounts[0] ? fresh(accounts[0].account.id) : null)}
      />
      {accounts.length === 0 ? <span className={styles.muted}>{t('log.noAccount')}</span> : null}
      {choice ? (
        <>
          <RegardingFields
            accounts={accounts}
            accountId={choice.accountId}
            opportunityId={choice.opportunityId ?? ''}
            onChange={(accountId, opportunityId) => save({ ...choice, accountId, opportunityId: opportunityId || null })}
            hint={t('compose.logWhenSentHint')}
          />
        </>
      ) : null}
    </section>
  );
}
