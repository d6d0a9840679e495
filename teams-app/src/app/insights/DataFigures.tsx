// The Insights tab's data quality (completeness of the key fields, possible duplicates) and adoption (interactions
// logged per week, by where they were logged), each with its definition, and tables of the fields and the weeks.
import { Text } from '@fluentui/react-components';
import type { AdoptionFigures, DataQualityFigures, TeamInsights } from '@crm/common';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { Card } from '../Card';
import { useTabStyles } from '../styles';
import { Figure } from './Figure';
import type { InsightsKey } from './insights-texts';
import { useInsightsT } from './use-insights-t';

function FieldsTable({ quality }: { quality: DataQualityFigures }) {
  const table = useTableStyles();
  const { t, number, percent } = useInsightsT();
  const rows = [
    ...quality.accountFields.map((f) => ({ key: `account.${f.field}`, filled: f.filled, of: quality.accounts })),
    ...quality.contactFields.map((f) => ({ key: `contact.${f.field}`, filled: f.filled, of: quality.contacts })),
  ];
  return (
    <div className={table.scroll}>
      <table className={table.table} data-testid="key-fields-table">
        <caption className={table.caption}>{t('insights.fields')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.fields.field')}</th>
            <th scope="col">{t('insights.fields.filled')}</th>
            <td aria-hidden="true" />
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-field={r.key}>
              <th scope="row">{t(`insights.field.${r.key}` as InsightsKey)}</th>
              <td>
                {number(r.filled)} / {number(r.of)}
                {r.of > 0 ? ` (${percent(r.filled / r.of)})` : ''}
              </td>
              <td className={table.barCell} aria-hidden="true">
                <div className={table.bar} style={{ width: `${r.of > 0 ? (r.filled / r.of) * 100 : 0}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WeeksTable({ adoption }: { adoption: AdoptionFigures }) {
  const table = useTableStyles();
  const { t, number, date } = useInsightsT();
  const sources = adoption.bySource.map((s) => s.source);
  // A year has 53 weeks: folded away until asked for (a native disclosure, so the keyboard opens it).
  return (
    <details className={table.scroll}>
      <summary>{t('insights.weeks')}</summary>
      <table className={table.table} data-testid="weeks-table">
        <caption className={table.caption}>{t('insights.weeks')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('insights.weeks.week')}</th>
            {sources.map((s) => (
              <th key={s} scope="col">
                {t(`insights.logSource.${s}`)}
              </th>
            ))}
            <th scope="col">{t('insights.weeks.total')}</th>
          </tr>
        </thead>
        <tbody>
          {/* The latest week first: that is what a team looks at. */}
          {[...adoption.weeks].reverse().map((w) => (
            <tr key={w.weekStart} data-week={w.weekStart}>
              <th scope="row">
                {date(`${w.weekStart}T12:00:00Z`)}
                {w.days < 7 ? ` (${t('insights.weeks.days', { days: number(w.days) })})` : ''}
              </th>
              {w.bySource.map((s) => (
                <td key={s.source}>{number(s.count)}</td>
              ))}
              <td>{number(w.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

export function DataFigures({ team }: { team: TeamInsights }) {
  const styles = useTabStyles();
  const { t, number, percent } = useInsightsT();
  const none = t('insights.none');
  const { dataQuality, adoption } = team;
  return (
    <Card headingId="data-figures-heading" heading={t('insights.data')} testId="data-figures">
      {dataQuality && adoption ? (
        <>
          <dl className={styles.figures}>
            <Figure
              metric="completeness"
              label={t('insights.completeness')}
              value={dataQuality.completeness === null ? none : percent(dataQuality.completeness)}
              how={t('insights.completeness.how', { accounts: number(dataQuality.accounts), contacts: number(dataQuality.contacts) })}
            />
            <Figure
              metric="duplicates"
              label={t('insights.duplicates')}
              value={number(dataQuality.duplicates.accounts + dataQuality.duplicates.contacts)}
              how={t('insights.duplicates.how', { accounts: number(dataQuality.duplicates.accounts), contacts: number(dataQuality.duplicates.contacts) })}
            />
            <Figure
              metric="adoption"
              label={t('insights.adoption')}
              value={adoption.perWeek === null ? none : number(adoption.perWeek, 1)}
              how={`${t('insights.adoption.how', { logged: number(adoption.logged) })}: ${adoption.bySource
                .map((s) => `${t(`insights.logSource.${s.source}`)} ${number(s.count)}`)
                .join(', ')}`}
            />
          </dl>
          <FieldsTable quality={dataQuality} />
          <WeeksTable adoption={adoption} />
        </>
      ) : (
        <Text className={styles.muted}>{t('insights.notYet')}</Text>
      )}
    </Card>
  );
}
