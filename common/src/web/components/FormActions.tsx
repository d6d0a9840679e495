// Save and cancel for every form of both front-ends, with the save button showing progress.
import { Button } from '@fluentui/react-button';
import { Spinner } from '@fluentui/react-spinner';
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import { useI18n } from '../i18n/i18n';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export function FormActions({ busy, submitLabel, onCancel }: { busy: boolean; submitLabel: string; onCancel: () => void }) {
  const styles = useStyles();
  const { t } = useI18n();
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
