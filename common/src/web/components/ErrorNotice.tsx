// A failed call in words: what happened, what the user can do, and a retry where retrying can help.
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-message-bar';
import { ApiError } from '../api/api-error';
import { SignInError, type SignInReason } from '../auth/token-provider';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-en';

const keyOf: Record<ApiError['kind'], MessageKey> = {
  offline: 'error.offline',
  unauthenticated: 'error.unauthenticated',
  forbidden: 'error.forbidden',
  'not-found': 'error.notFound',
  conflict: 'error.conflict',
  changed: 'error.changed',
  invalid: 'error.invalid',
  server: 'error.server',
};

const signInKeyOf: Record<Exclude<SignInReason, 'failed'>, MessageKey> = {
  cancelled: 'error.signInCancelled',
  blocked: 'error.signInBlocked',
  busy: 'error.signInBusy',
  unavailable: 'error.signInUnavailable',
};

export function describeError(error: unknown, t: Translate): { text: string; detail?: string; retryable: boolean } {
  if (error instanceof SignInError) {
    const text = error.reason === 'failed' ? t('error.signIn', { reason: '' }).trim() : t(signInKeyOf[error.reason]);
    // A page the host cannot reach stays unreachable until the deployment is fixed; every other reason can pass on a retry.
    return { text, detail: error.message, retryable: error.reason !== 'unavailable' };
  }
  if (error instanceof ApiError) {
    // The server's detail is already specific (e.g. which role is missing or which field is wrong).
    const detail = error.kind === 'server' || error.kind === 'offline' ? undefined : error.problem?.detail;
    return { text: t(keyOf[error.kind]), detail, retryable: error.kind === 'offline' || error.kind === 'server' || error.kind === 'unauthenticated' };
  }
  return { text: t('error.server'), retryable: true };
}

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const { text, detail, retryable } = describeError(error, t);
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text}</MessageBarTitle>
        {detail ? <div>{t('error.details', { detail })}</div> : null}
      </MessageBarBody>
      {retryable && onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
