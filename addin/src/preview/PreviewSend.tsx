// The preview's Send button: runs the same send check Outlook runs on Send (send-check.ts, with the API and the purpose
// the pane saved on the draft) and shows its answer as Outlook's Smart Alerts dialog would.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '@crm/common/web';
import type { Participant } from '../host/mail-host';
import type { PreviewMailHost } from '../host/preview-mail-host';
import { apiSendCheck, decideSend, type SendDecision } from '../send-check/send-check';
import { sendCheckLanguage } from '../send-check/send-check-texts';

type Outcome = SendDecision | { kind: 'checking' } | { kind: 'sent' } | { kind: 'kept' };

export function PreviewSend({ host, api, recipients, german }: { host: PreviewMailHost; api: ApiClient; recipients: Participant[]; german: boolean }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const send = async () => {
    setOutcome({ kind: 'checking' });
    const decision = await decideSend({
      purpose: (await host.getComposePurpose()) ?? 'correspondence',
      recipients,
      stored: null,
      check: apiSendCheck(api),
      language: sendCheckLanguage(host.language),
    });
    setOutcome(decision.kind === 'send' ? { kind: 'sent' } : decision);
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
            {outcome.kind === 'unchecked' ? <Button onClick={() => setOutcome({ kind: 'sent' })}>{german ? 'Trotzdem senden' : 'Send anyway'}</Button> : null}
          </MessageBarActions>
        </MessageBar>
      ) : null}
    </div>
  );
}
