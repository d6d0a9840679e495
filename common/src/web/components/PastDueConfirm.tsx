// Asked before a follow-up due before today is created, in both front-ends: usually a slip of the date picker, sometimes meant.
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n';

export interface PastDueConfirmProps {
  /** The due date as entered (YYYY-MM-DD). */
  dueDate: string;
  onCreateAnyway: () => void;
  /** The caller puts the focus back into its date field. */
  onChangeDate: () => void;
}

export function PastDueConfirm({ dueDate, onCreateAnyway, onChangeDate }: PastDueConfirmProps) {
  const { t, date } = useI18n();
  return (
    <MessageBar intent="warning" role="alert">
      <MessageBarBody>{t('followUp.pastDue', { date: date(dueDate) })}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onCreateAnyway}>
          {t('followUp.createAnyway')}
        </Button>
        <Button size="small" onClick={onChangeDate}>
          {t('followUp.changeDate')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
