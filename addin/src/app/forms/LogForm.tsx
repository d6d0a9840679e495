// Logs the open email or meeting to an account (and optionally an opportunity), with an optional note.
import { Field, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountContext, Interaction } from '@crm/common';
import { ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import type { MailItem } from '../../host/mail-host';
import { RegardingFields } from '../RegardingFields';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export interface LogFormProps {
  item: MailItem;
  accounts: readonly AccountContext[];
  contactIds: readonly string[];
  onLogged: (interaction: Interaction) => void;
  onCancel: () => void;
}

export default function LogForm({ item, accounts, contactIds, onLogged, onCancel }: LogFormProps) {
  const styles = usePaneStyles();
  const { t } = useT();
  const { api, host } = useServices();
  const [accountId, setAccountId] = useState(accounts[0]?.account.id ?? '');
  const [opportunityId, setOpportunityId] = useState('');
  const [note, setNote] = useState('');
  const meeting = item.mode.startsWith('appointment');

  const { busy, error, submit } = useSubmit(async (clientId) => {
    const common = {
      id: clientId,
      occurredAt: item.when.toISOString(),
      subject: item.subject,
      summary: note.trim() || null,
      source: 'addin' as const,
      accountIds: accountId ? [accountId] : [],
      contactIds: [...contactIds],
      opportunityIds: opportunityId ? [opportunityId] : [],
    };
    if (meeting) {
      const iCalUId = item.iCalUId ?? (await host.getMeetingUid(item));
      return (await api('logInteraction', { body: { ...common, type: 'meeting', ...(iCalUId ? { iCalUId } : {}) } })).data;
    }
    const inbound = item.from && item.from.email.toLowerCase() !== host.userEmail.toLowerCase();
    return (
      await api('logInteraction', {
        body: {
          ...common,
          type: 'email',
          direction: inbound ? 'inbound' : 'outbound',
          ...(item.internetMessageId ? { internetMessageId: item.internetMessageId } : {}),
          ...(item.logKey ? { logKey: item.logKey } : {}),
          ...(item.conversationId ? { conversationId: item.conversationId } : {}),
        },
      })
    ).data;
  }, onLogged);

  return (
    <form
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      aria-label={meeting ? t('log.meeting') : t('log.email')}
    >
      <RegardingFields
        accounts={accounts}
        accountId={accountId}
        opportunityId={opportunityId}
        onChange={(account, opportunity) => (setAccountId(account), setOpportunityId(opportunity))}
        autoFocus
      />
      <Field label={t('log.note')}>
        <Textarea value={note} onChange={(_e, data) => setNote(data.value)} maxLength={20_000} resize="vertical" />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={t('log.submit')} onCancel={onCancel} />
    </form>
  );
}
