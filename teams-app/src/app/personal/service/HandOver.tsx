// Hand a lead or case over: a select of the colleagues (the current holder left out). The new holder gets a follow-up
// in My CRM and a Teams notification from the server.
import type { Colleague } from './colleagues';
import { useNativeStyles } from './native-styles';
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
  const native = useNativeStyles();
  const { t } = useServiceT();
  return (
    <select
      className={native.select}
      aria-label={t('service.handOver', { name })}
      value=""
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => {
        const chosen = colleagues.find((c) => c.id === e.target.value);
        if (chosen) onHandOver(chosen);
      }}
    >
      <option value="">{t('service.handOverChoose')}</option>
      {colleagues
        .filter((c) => c.id !== holderId)
        .map((c) => (
          <option key={c.id} value={c.id}>
            {c.displayName || c.id}
          </option>
        ))}
    </select>
  );
}
