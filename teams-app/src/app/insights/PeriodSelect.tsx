// The period the Insights tab's figures cover: the last twelve full months (the API's default) or one of the last three years.
import { Field, Select } from '@fluentui/react-components';
import { useId } from 'react';
import { useInsightsT } from './use-insights-t';

export function PeriodSelect({ period, onChange, year }: { period: string; onChange: (period: string) => void; year: number }) {
  const { t } = useInsightsT();
  const id = useId();
  return (
    <Field label={t('insights.period')} style={{ maxWidth: '20rem' }}>
      <Select id={id} value={period} onChange={(_e, d) => onChange(d.value)}>
        <option value="last-12-months">{t('insights.period.last-12-months')}</option>
        {[year, year - 1, year - 2].map((y) => (
          <option key={y} value={String(y)}>
            {t('insights.period.year', { year: y })}
          </option>
        ))}
      </Select>
    </Field>
  );
}
