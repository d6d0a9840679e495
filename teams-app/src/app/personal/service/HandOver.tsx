// Hand a lead or case over: a select of the colleagues (the current holder left out) and a button that hands over to
// the one chosen. The new holder gets a follow-up in My CRM and a Teams notification from the server.
import type { Colleague } from './colleagues';
import { SelectToApply } from '../../SelectToApply';
import { useServiceT } from './use-service-t';

export function HandOver({
  name,
  holderId,
  colleagues,
  disabled,
  describedBy,
  onHandOver,
}: {
  /** What is handed over, for the select's label. */
  name: string;
  holderId: string | null;
  colleagues: readonly Colleague[];
  disabled: boolean;
  describedBy?: string;
  onHandOver: (colleague: Colleague) => void;
}) {
  const { t } = useServiceT();
  const choices = [
    { value: '', label: t('service.handOverChoose') },
    ...colleagues.filter((c) => c.id !== holderId).map((c) => ({ value: c.id, label: c.displayName || c.id })),
  ];
  return (
    <SelectToApply
      label={t('service.handOver', { name })}
      value=""
      choices={choices}
      applyText={t('service.handOverApply')}
      applyLabel={t('service.handOverApplyLabel', { name })}
      disabled={disabled}
      describedBy={describedBy}
      onApply={(id) => {
        const chosen = colleagues.find((c) => c.id === id);
        if (chosen) onHandOver(chosen);
      }}
    />
  );
}
