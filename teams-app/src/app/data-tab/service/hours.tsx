// What both forms of the service page share: the two hour fields of a priority and hours as typed.
import { Field, Input, mergeClasses } from '@fluentui/react-components';
import { useTexts } from '@crm/common/web';
import { useTabStyles } from '../../styles';
import { reasonOf } from '../field-reason';
import type { ServiceAdminKey } from './service-admin-texts';

export const useServiceAdminT = () => useTexts<ServiceAdminKey>();

/** The priorities in the order the forms show them (the contract's values without zod). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];

export interface HoursDraft {
  first: string;
  resolution: string;
}

const MAX_HOURS = 24 * 365;
export const validHours = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= MAX_HOURS;
export const hoursDraft = (level: { firstResponseHours: number; resolutionHours: number }): HoursDraft => ({
  first: String(level.firstResponseHours),
  resolution: String(level.resolutionHours),
});
export const levelOf = (draft: HoursDraft) => ({ firstResponseHours: Number(draft.first), resolutionHours: Number(draft.resolution) });


/** The hours of one priority; `checked` shows the local check's message, `field` is the problem document's path to it. */
export function HourFields({
  priority,
  value,
  disabled,
  checked,
  error,
  field,
  onChange,
}: {
  priority: Priority;
  value: HoursDraft;
  disabled: boolean;
  checked: boolean;
  error: unknown;
  field: string;
  onChange: (value: HoursDraft) => void;
}) {
  const styles = useTabStyles();
  const { t } = useServiceAdminT();
  const message = (text: string, path: string) => (checked && !validHours(text) ? t('svc.hoursInvalid') : reasonOf(error, path));
  const first = message(value.first, `${field}.firstResponseHours`);
  const resolution = message(value.resolution, `${field}.resolutionHours`);
  return (
    <fieldset className={mergeClasses(styles.fieldset, styles.row)} data-priority={priority}>
      <legend className={styles.subheading}>{t(`svc.priority.${priority}`)}</legend>
      <Field label={t('svc.firstResponse')} validationMessage={first} style={{ maxWidth: '12rem' }}>
        <Input type="number" min={1} max={MAX_HOURS} value={value.first} disabled={disabled} onChange={(_e, d) => onChange({ ...value, first: d.value })} />
      </Field>
      <Field label={t('svc.resolution')} validationMessage={resolution} style={{ maxWidth: '12rem' }}>
        <Input
          type="number"
          min={1}
          max={MAX_HOURS}
          value={value.resolution}
          disabled={disabled}
          onChange={(_e, d) => onChange({ ...value, resolution: d.value })}
        />
      </Field>
    </fieldset>
  );
}
