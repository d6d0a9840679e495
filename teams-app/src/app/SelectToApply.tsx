// A native select whose choice is applied by its own button, not on change: a closed select changes its value on every
// arrow key (Windows, Linux), so applying on change sent a request per option passed and handed a case or lead to the
// first colleague the arrow reached. Escape drops the choice; Enter or the button applies it; the focus stays on the
// select afterwards.
import { Button } from '@fluentui/react-components';
import { useRef, useState, type RefObject } from 'react';
import { useNativeStyles } from './native-styles';

export interface Choice {
  value: string;
  label: string;
}

export function SelectToApply({
  label,
  value,
  choices,
  applyText,
  applyLabel,
  disabled,
  describedBy,
  selectRef,
  onApply,
}: {
  label: string;
  /** What is in force; "" with a first choice of "" for a select that only starts something (hand over). */
  value: string;
  choices: readonly Choice[];
  applyText: string;
  /** The button's accessible name, which says what it applies to. */
  applyLabel: string;
  disabled: boolean;
  describedBy?: string;
  selectRef?: RefObject<HTMLSelectElement | null>;
  onApply: (value: string) => void;
}) {
  const native = useNativeStyles();
  const own = useRef<HTMLSelectElement>(null);
  const ref = selectRef ?? own;
  const [draft, setDraft] = useState<string | null>(null);
  const apply = () => {
    if (draft === null) return;
    ref.current?.focus();
    setDraft(null);
    onApply(draft);
  };
  return (
    <>
      <select
        ref={ref}
        className={native.select}
        aria-label={label}
        value={draft ?? value}
        disabled={disabled}
        aria-describedby={describedBy}
        onChange={(e) => setDraft(e.target.value === value ? null : e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && draft !== null) {
            e.preventDefault();
            setDraft(null);
          } else if (e.key === 'Enter' && draft !== null) {
            e.preventDefault();
            apply();
          }
        }}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {draft !== null ? (
        <Button size="small" appearance="primary" onClick={apply} aria-label={applyLabel} disabled={disabled}>
          {applyText}
        </Button>
      ) : null}
    </>
  );
}
