// Asked before a follow-up is created due before today, or moved to a day before today, in both front-ends: usually a
// slip of the date picker, sometimes meant (a call that already happened, noted late).
import { Button } from '@fluentui/react-button';
import { MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-message-bar';
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { localDay } from '../dates';
import { useI18n } from '../i18n/i18n';

export interface PastDueConfirmProps {
  /** The due date as entered (YYYY-MM-DD). */
  dueDate: string;
  /** A new follow-up is created, or an open one moved to the date. */
  action: 'create' | 'move';
  onConfirm: () => void;
  /** Also on Escape; the caller puts the focus back into its date field. */
  onChangeDate: () => void;
}

export function PastDueConfirm({ dueDate, action, onConfirm, onChangeDate }: PastDueConfirmProps) {
  const { t, date } = useI18n();
  // The question takes the focus, or a keyboard user would not know an answer is awaited; on the harmless answer, as
  // the date is more often a slip than meant, so a second Enter does not create what the question warns of.
  const changeDate = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => changeDate.current?.focus(), []);
  return (
    <MessageBar
      intent="warning"
      role="alert"
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape answers the question only; the form it sits in stays open.
        e.stopPropagation();
        onChangeDate();
      }}
    >
      <MessageBarBody>{t('followUp.pastDue', { date: date(dueDate) })}</MessageBarBody>
      <MessageBarActions>
        <Button size="small" onClick={onConfirm}>
          {action === 'create' ? t('followUp.createAnyway') : t('followUp.moveAnyway')}
        </Button>
        <Button size="small" ref={changeDate} onClick={onChangeDate}>
          {t('followUp.changeDate')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}

/**
 * The question above wired to a form's date field: `submit` sends at once, or first asks when the date lies before today
 * (and differs from `unchangedFrom`, the date an edit started with); `dismiss` drops the question when the date changes.
 */
export function usePastDueGuard(options: { dueDate: string; action: PastDueConfirmProps['action']; unchangedFrom?: string; send: () => void }): {
  dueInput: RefObject<HTMLInputElement | null>;
  submit: () => void;
  dismiss: () => void;
  confirm: ReactNode;
} {
  const [asking, setAsking] = useState(false);
  const dueInput = useRef<HTMLInputElement>(null);
  const past = options.dueDate !== options.unchangedFrom && options.dueDate < localDay(new Date());
  return {
    dueInput,
    submit: () => (past ? setAsking(true) : options.send()),
    dismiss: () => setAsking(false),
    confirm: asking ? (
      <PastDueConfirm
        dueDate={options.dueDate}
        action={options.action}
        onConfirm={() => {
          setAsking(false);
          // The question goes away while the request runs: the focus waits in the date field, not on the page's body,
          // until the form hands it on (to its notice after saving) or stays there with the error.
          dueInput.current?.focus();
          options.send();
        }}
        onChangeDate={() => {
          setAsking(false);
          dueInput.current?.focus();
        }}
      />
    ) : null,
  };
}
