// The preview's Send button: runs the same send check Outlook runs on Send (send-check.ts, with the API and the purpose
// the pane saved on the draft) and shows its answer as Outlook's Smart Alerts dialog would. An email it lets go is logged
// as the send handler logs it ("Log when sent") and arrives in the mailbox as a received copy carrying the log key.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '@crm/common/web';
import type { Participant } from '../host/mail-host';
import type { PreviewMailHost } from '../host/preview-mail-host';
import { apiSendCheck, decideSend, type SendDecision } from '../send-check/send-check';
import { sendCheckLanguage } from '../send-check/send-check-texts';
import { apiLogInteraction, sentEmailLog } from '../send-check/log-when-sent';
import type { PreviewItem } from './preview-items';

type Outcome = SendDecision | { kind: 'checking' } | { kind: 'sent' } | { kind: 'kept' };

interface Props {
  host: PreviewMailHost;
  api: ApiClient;
  recipients: Participant[];
  german: boolean;
  /** The copy of the sent email that reaches the recipients' (and the sender's) mailbox. */
  onSent?: (copy: PreviewItem) => void;
}

export function PreviewSend({ host, api, recipients, german, onSent }: Props) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const deliver = async (logged: boolean) => {
    const draft = host.current();
    const choice = await host.getLogWhenSent();
    if (!draft) return;
    const sentAt = new Date();
    if (logged && choice) {
      const body = sentEmailLog(choice, { subject: draft.subject, recipients, conversationId: draft.conversationId, sentAt });
      // As in Outlook, a failed log never holds the email back.
      await apiLogInteraction(api)(body, undefined).catch(() => undefined);
    }
    const id = globalThis.crypto.randomUUID();
    onSent?.({
      ...draft,
      mode: 'read',
      key: `sent-${id}`,
      from: { email: host.userEmail, name: host.userEmail },
      recipients: [...recipients],
      internetMessageId: `<preview-sent-${id}@${host.userEmail.split('@')[1] ?? 'preview'}>`,
      logKey: choice?.key ?? null,
      when: sentAt,
      hint: { en: 'Sent from the draft (the copy in the mailboxes)', de: 'Aus dem Entwurf gesendet (die Kopie in den Postfächern)' },
    });
    setOutcome({ kind: 'sent' });
  };
  const send = async () => {
    setOutcome({ kind: 'checking' });
    const decision = await decideSend({
      purpose: (await host.getComposePurpose()) ?? 'correspondence',
      recipients,
      stored: null,
      check: apiSendCheck(api),
      language: sendCheckLanguage(host.language),
    });
    if (decision.kind === 'send') await deliver(true);
    else setOutcome(decision);
  };
  return (
    <div data-testid="preview-send">
      <Button appearance="primary" onClick={() => void send()} disabled={outcome?.kind === 'checking'}>
        {german ? 'Senden' : 'Send'}
      </Button>
      {outcome?.kind === 'sent' ? <Text role="status">{german ? 'Gesendet.' : 'Sent.'}</Text> : null}
      {outcome?.kind === 'kept' ? <Text role="status">{german ? 'Nicht gesendet.' : 'Not sent.'}</Text> : null}
      {outcome?.kind === 'block' || outcome?.kind === 'unchecked' ? (
        <MessageBar intent={outcome.kind === 'block' ? 'error' : 'warning'} layout="multiline" role="alertdialog" aria-label="Smart Alerts">
          <MessageBarBody data-testid="send-alert">{outcome.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => setOutcome({ kind: 'kept' })}>{german ? 'Nicht senden' : "Don't send"}</Button>
            {/* softBlock leaves the user no way past a block; only a check that could not run offers this. */}
            {outcome.kind === 'unchecked' ? <Button onClick={() => void deliver(false)}>{german ? 'Trotzdem senden' : 'Send anyway'}</Button> : null}
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
