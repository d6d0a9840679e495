// What kind of email is being written: the consent it needs depends on it, here and in the send check.
import { Field } from '@fluentui/react-field';
import { Select } from '@fluentui/react-select';
import { COMPOSE_PURPOSES, isComposePurpose, type ComposePurpose } from '@crm/common/web';
import { useT } from './texts';

export function ComposePurposePicker({ purpose, onChange }: { purpose: ComposePurpose; onChange: (purpose: ComposePurpose) => void }) {
  const { t } = useT();
  return (
    <Field label={t('compose.purposeLabel')} hint={t('compose.purposeHint')}>
      <Select value={purpose} onChange={(_e, data) => isComposePurpose(data.value) && onChange(data.value)}>
        {COMPOSE_PURPOSES.map((option) => (
          <option key={option} value={option}>
            {t(`compose.purpose.${option}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
