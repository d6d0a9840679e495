// Says why write actions are disabled: the user's role can only read, and which roles can do more.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { RouteName } from '../../api/routes';
import type { UserAccess } from '../hooks/use-access';
import { useI18n } from '../i18n/i18n';

/** Shown once above the disabled actions; the actions point at it with aria-describedby. */
export function RoleNotice({ id, access, endpoint }: { id: string; access: UserAccess; endpoint: RouteName }) {
  const { t } = useI18n();
  if (access.may(endpoint)) return null;
  return (
    <MessageBar intent="info" layout="multiline" id={id} data-testid="role-notice">
      <MessageBarBody>{t('access.readOnly', { roles: (access.roles ?? []).join(', '), needed: access.rolesFor(endpoint).join(', ') })}</MessageBarBody>
    </MessageBar>
  );
}
