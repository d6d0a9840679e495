// A choice of one record or none (regarding which opportunity, for which contact, whose interactions), shared by both front-ends.
import { Field, Select } from '@fluentui/react-components';

export function OptionalSelect({
  label,
  noneLabel,
  value,
  options,
  onChange,
}: {
  label: string;
  noneLabel: string;
  value: string;
  options: readonly { id: string; label: string }[];
  onChange: (id: string) => void;
}) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_e, data) => onChange(data.value)}>
        <option value="">{noneLabel}</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
