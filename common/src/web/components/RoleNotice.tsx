// Says why actions are disabled: the user's role may not take them, and which roles may.
import { MessageBar, MessageBarBody } from '@fluentui/react-message-bar';
import { rolesWith } from '../../api/access';
import type { ActionAccess, UserAccess } from '../hooks/use-access';
import { useI18n } from '../i18n/i18n';

/** Shown once above the disabled actions; the actions point at it with aria-describedby. */
export function RoleNotice({ id, access, level }: { id: string; access: UserAccess; level: ActionAccess }) {
  const { t } = useI18n();
  if (access.may(level)) return null;
  return (
    <MessageBar intent="info" layout="multiline" id={id} data-testid="role-notice">
      <MessageBarBody>{t('access.readOnly', { roles: (access.roles ?? []).join(', '), needed: rolesWith[level].join(', ') })}</MessageBarBody>
    </MessageBar>
  );
}
