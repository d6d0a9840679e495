// The due-date field of the follow-up forms in both front-ends, wired to the past-due question (usePastDueGuard).
// Its own entry (@crm/common/web/due-date): Fluent's Input comes through the components index, which only the forms'
// chunks may pull in, never the pane's first download.
import { Field, Input } from '@fluentui/react-components';
import type { usePastDueGuard } from './PastDueConfirm';

export function DueDateField({
  label,
  value,
  onChange,
  guard,
  autoFocus,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  guard: ReturnType<typeof usePastDueGuard>;
  autoFocus?: boolean;
}) {
  return (
    <Field label={label} required>
      <Input
        type="date"
        ref={guard.dueInput}
        value={value}
        onChange={(_e, data) => {
          onChange(data.value);
          guard.dismiss();
        }}
        required
        autoFocus={autoFocus}
      />
    </Field>
  );
}
