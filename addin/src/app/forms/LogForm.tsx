// Logs the open email or meeting regarding an account, an open opportunity or an open complaint (from the item or found
// by search), linked to the people on it the user keeps ticked, with an optional note.
import { Checkbox, Field, MessageBar, MessageBarBody, Text, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { ContextResponse, Interaction } from '@crm/common';
import { ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import type { MailItem } from '../../host/mail-host';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useEditTexts } from './edit-texts';
import { contextRecords, RegardingPicker, type Regarding } from './RegardingPicker';

export interface LogFormProps {
  item: MailItem;
  context: ContextResponse;
  /** The name the email gives an address. */
  nameOf: (email: string) => string;
  onLogged: (interaction: Interaction) => void;
  onCancel: () => void;
}

interface Linkable {
  email: string;
  /** Null for someone not in the CRM yet. */
  contactId: string | null;
  label: string | null;
  ticked: boolean;
}

/**
 * Who on the item can be linked: known customers (ticked), and people not in the CRM yet (linked once added): ticked when
 * their company is known by the domain or they are a lead, whose interactions so far this email then joins.
 */
export function linkablePeople(context: ContextResponse): Linkable[] {
  return context.people.flatMap((p): Linkable[] => {
    // A restricted person (shown to CRM.Privacy and CRM.Admin only) is not processed further (Art. 18).
    if (p.status === 'known') return p.restricted ? [] : [{ email: p.email, contactId: p.contact.id, label: p.contact.displayName, ticked: true }];
    // Colleagues are never linked as customers; an erased address is not stored again.
    if (p.status === 'unknown' && !p.internal && !p.erased) return [{ email: p.email, contactId: null, label: null, ticked: p.suggestedAccount !== null || p.lead !== undefined }];
    return [];
  });
}

export default function LogForm({ item, context, nameOf, onLogged, onCancel }: LogFormProps) {
  const styles = usePaneStyles();
  const { t, e } = useEditTexts();
  const { api, host } = useServices();
  const suggested = context.people.flatMap((p) => (p.status === 'unknown' && !p.internal && p.suggestedAccount ? [p.suggestedAccount] : []));
  const offered = contextRecords(context.accounts, suggested);
  const [regarding, setRegarding] = useState<Regarding | null>(offered.find((r) => r.kind === 'account') ?? null);
  const linkable = linkablePeople(context);
  const [linked, setLinked] = useState<ReadonlySet<string>>(() => new Set(linkable.filter((p) => p.ticked).map((p) => p.email)));
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const meeting = item.mode.startsWith('appointment');

  const { busy, error, submit } = useSubmit(async (clientId) => {
    const chosen = linkable.filter((p) => linked.has(p.email));
    const common = {
      id: clientId,
      occurredAt: item.when.toISOString(),
      subject: item.subject,
      summary: note.trim() || null,
      source: 'addin' as const,
      accountIds: regarding?.accountId ? [regarding.accountId] : [],
      contactIds: chosen.flatMap((p) => (p.contactId ? [p.contactId] : [])),
      opportunityIds: regarding?.kind === 'opportunity' ? [regarding.id] : [],
      ...(regarding?.kind === 'complaint' ? { complaintId: regarding.id } : {}),
      pendingEmails: chosen.flatMap((p) => (p.contactId ? [] : [p.email])),
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
          ...(item.logKey ? { logKey: item.logKey, ...(item.from ? { sender: item.from.email } : {}) } : {}),
          ...(item.conversationId ? { conversationId: item.conversationId } : {}),
        },
      })
    ).data;
  }, onLogged);

  const toggle = (email: string, on: boolean) =>
    setLinked((current) => {
      const next = new Set(current);
      if (on) next.add(email);
      else next.delete(email);
      return next;
    });

  return (
    <form
      ref={formRef}
      className={styles.form}
      onSubmit={(e) => {
        e.preventDefault();
        if (!regarding) {
          setMissing(true);
          formRef.current?.querySelector<HTMLInputElement>('[role="combobox"]')?.focus();
          return;
        }
        void submit();
      }}
      aria-label={meeting ? t('log.meeting') : t('log.email')}
    >
      <RegardingPicker value={regarding} onChange={(r) => (setRegarding(r), setMissing(false))} offered={offered} autoFocus />
      {missing && !regarding ? (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('regarding.required')}</MessageBarBody>
        </MessageBar>
      ) : null}
      <fieldset className={styles.fieldset}>
        <legend>{e('linkLegend')}</legend>
        {linkable.length === 0 ? (
          <Text size={200} className={styles.muted}>
            {e('linkNobody')}
          </Text>
        ) : (
          linkable.map((p) => (
            <Checkbox
              key={p.email}
              checked={linked.has(p.email)}
              onChange={(_e, data) => toggle(p.email, data.checked === true)}
              label={p.contactId ? p.label : e('linkPending', { name: nameOf(p.email) })}
              data-link={p.email}
            />
          ))
        )}
      </fieldset>
      <Field label={e('note')}>
        <Textarea value={note} onChange={(_e, data) => setNote(data.value)} maxLength={20_000} resize="vertical" />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={e('log')} onCancel={onCancel} />
    </form>
  );
}
