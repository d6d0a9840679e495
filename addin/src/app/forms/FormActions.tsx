// Save and cancel for every pane form, with the save button showing progress.
import { Button, Spinner } from '@fluentui/react-components';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const styles = usePaneStyles();
  const { t } = useT();
  return (
    <div className={styles.row}>
      <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {busy ? t('common.saving') : submitLabel}
      </Button>
      <Button type="button" onClick={onCancel} disabled={busy}>
        {t('common.cancel')}
      </Button>
    </div>
  );
}
