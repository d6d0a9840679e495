// Whether this email is already in the CRM, who logged it and when; or that its conversation is.
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import type { Interaction } from '@crm/common';
import type { MailItem } from '../host/mail-host';
import { usePaneStyles } from './styles';
import { useT } from './texts';

export function loggedState(item: MailItem | null, logged: readonly Interaction[]) {
  const self =
    logged.find(
      (i) =>
        (item?.internetMessageId && i.internetMessageId === item.internetMessageId) ||
        (item?.logKey && i.logKey === item.logKey) ||
        (item?.iCalUId && i.iCalUId === item.iCalUId) ||
        false,
    ) ??
    null;
  const conversation = !self && logged.some((i) => item?.conversationId && i.conversationId === item.conversationId);
  return { self, conversation };
}

export function LoggedStatus({ item, logged }: { item: MailItem | null; logged: readonly Interaction[] }) {
  const { t, dateTime } = useT();
  const styles = usePaneStyles();
  const { self, conversation } = loggedState(item, logged);
  return (
    <div aria-live="polite" data-testid="logged-status">
      {self ? (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t('log.loggedBy', { names: self.loggedBy.map((l) => l.displayName).join(', '), time: dateTime(self.loggedBy[0]?.loggedAt ?? self.createdAt) })}
            {self.summary ? (
              // The note, with what colleagues added under their names when they logged it too, line breaks kept.
              <div className={styles.note} data-testid="logged-note">
                {self.summary}
              </div>
            ) : null}
          </MessageBarBody>
        </MessageBar>
      ) : conversation ? (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('log.conversationLogged')}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
