// A choice of one record or none (regarding which opportunity, for which contact, whose interactions), shared by both front-ends.
import { Field } from '@fluentui/react-field';
import { makeStyles } from '@griffel/react';
import { Select } from '@fluentui/react-select';

// A native select is as wide as its longest option; a long opportunity name must not widen a 320 px side panel.
const useStyles = makeStyles({
  field: { gridTemplateColumns: 'minmax(0, 1fr)', minWidth: 0 },
  select: { minWidth: 0 },
});

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
  const styles = useStyles();
  return (
    <Field label={label} className={styles.field}>
      <Select value={value} onChange={(_e, data) => onChange(data.value)} className={styles.select}>
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
