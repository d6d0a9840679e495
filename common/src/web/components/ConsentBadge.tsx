// The email consent state of a person as a coloured badge that also reads well to a screen reader.
import { Badge } from '@fluentui/react-badge';
import type { ConsentStatus } from '../../contracts/consents';
import { useI18n } from '../i18n/i18n';

const colors = { granted: 'success', withdrawn: 'danger', objected: 'danger', none: 'informative' } as const;

export function ConsentBadge({ status }: { status: ConsentStatus }) {
  const { t } = useI18n();
  return (
    <Badge appearance="tint" color={colors[status]} data-consent={status}>
      {t(`consent.email.${status}`)}
    </Badge>
  );
}
