// What kind of email is being written: the consent it needs depends on it, here and in the send check.
import { Field, Select } from '@fluentui/react-components';
import { ComposePurpose } from '@crm/common';
import { useT } from './texts';

export function ComposePurposePicker({ purpose, onChange }: { purpose: ComposePurpose; onChange: (purpose: ComposePurpose) => void }) {
  const { t } = useT();
  return (
    <Field label={t('compose.purposeLabel')} hint={t('compose.purposeHint')}>
      <Select value={purpose} onChange={(_e, data) => onChange(ComposePurpose.parse(data.value))}>
        {ComposePurpose.options.map((option) => (
          <option key={option} value={option}>
            {t(`compose.purpose.${option}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
