// One account's key figures (issue 15) beside its ABC class, lifetime value, risk and segment: the team's figures over
// the account's own records, each with the counts it comes from, as pairs that fit the pane's narrow column.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { AccountKeyFigures } from '../../contracts/insights';
import { useTexts } from '../i18n/i18n';
import type { AccountInsightsKey } from './account-insights-texts';
import { useTableStyles } from './table-styles';

const useStyles = makeStyles({
  item: { display: 'grid', rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  value: { display: 'grid', rowGap: tokens.spacingVerticalXXS },
});

export interface AccountKeyFiguresViewProps {
  figures: AccountKeyFigures | undefined;
  headingId: string;
  /** A stage's label in the user's language, for the stages deals were lost in. */
  stageLabel: (key: string) => string;
}

export function AccountKeyFiguresView({ figures, headingId, stageLabel }: AccountKeyFiguresViewProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t } = useTexts<AccountInsightsKey>();
  return (
    <section aria-labelledby={headingId} className={styles.item} data-testid="account-key-figures">
      <h3 id={headingId} className={table.h3}>
        {t('insights.kf')}
      </h3>
      {figures === undefined ? (
        <Text className={styles.muted}>{t('insights.kf.notYet')}</Text>
      ) : (
        <>
          <Text className={styles.muted}>{t('insights.kf.how')}</Text>
          <KeyFigurePairs figures={figures} stageLabel={stageLabel} />
        </>
      )}
    </section>
  );
}

const list = (items: string[]) => items.join(', ');

function KeyFigurePairs({ figures, stageLabel }: Pick<AccountKeyFiguresViewProps, 'stageLabel'> & { figures: AccountKeyFigures }) {
  const styles = useStyles();
  const table = useTableStyles();
  const { t, number, percent } = useTexts<AccountInsightsKey>();
  const hours = (value: number | null) => (value === null ? '–' : number(value, 1));
  const { winRate, complaints, responseTime, productLines, purchases, dataQuality, adoption } = figures;
  const missing = dataQuality.accountFields.filter((f) => !f.filled).map((f) => t(`insights.kf.field.${f.field}`));
  const used = adoption.bySource.filter((s) => s.count > 0);
  return (
    <dl className={table.pairs}>
      <dt>{t('insights.kf.winRate')}</dt>
      <dd className={styles.value} data-figure="winRate">
        <span>
          {winRate.rate === null
            ? t('insights.kf.winRate.none')
            : t('insights.kf.winRate.value', { rate: percent(winRate.rate), won: number(winRate.won), lost: number(winRate.lost) })}
        </span>
        {winRate.lostByStage.length > 0 ? (
          <span className={styles.muted}>
            {t('insights.kf.winRate.lost', { stages: list(winRate.lostByStage.map((s) => `${stageLabel(s.stage)} ${number(s.count)}`)) })}
          </span>
        ) : null}
      </dd>

      <dt>{t('insights.kf.complaints')}</dt>
      <dd className={styles.value} data-figure="complaints">
        <span>{t('insights.kf.complaints.value', { count: number(complaints.count), open: number(complaints.open) })}</span>
        {complaints.resolved > 0 ? (
          <span className={styles.muted}>
            {t('insights.kf.complaints.resolution', {
              resolved: number(complaints.resolved),
              median: hours(complaints.medianResolutionHours),
              p90: hours(complaints.p90ResolutionHours),
            })}
          </span>
        ) : null}
      </dd>

      <dt>{t('insights.kf.responseTime')}</dt>
      <dd className={styles.value} data-figure="responseTime">
        <span>
          {responseTime.requests === 0
            ? t('insights.kf.responseTime.none')
            : responseTime.answered === 0
              ? t('insights.kf.responseTime.unanswered', { requests: number(responseTime.requests) })
              : t('insights.kf.responseTime.value', {
                  median: hours(responseTime.medianHours),
                  p90: hours(responseTime.p90Hours),
                  answered: number(responseTime.answered),
                  requests: number(responseTime.requests),
                })}
        </span>
        <span className={styles.muted}>{t('insights.kf.responseTime.how')}</span>
      </dd>

      <dt>{t('insights.kf.productLines')}</dt>
      <dd className={styles.value} data-figure="productLines">
        <span>
          {productLines.lines.length === 0 ? t('insights.kf.productLines.none') : list(productLines.lines)}
          {productLines.crossBuyer ? ` (${t('insights.kf.productLines.cross')})` : ''}
        </span>
        {productLines.withoutProductLine > 0 ? (
          <span className={styles.muted}>{t('insights.kf.productLines.without', { count: number(productLines.withoutProductLine) })}</span>
        ) : null}
      </dd>

      <dt>{t('insights.kf.purchases')}</dt>
      <dd className={styles.value} data-figure="purchases">
        <span>
          {t('insights.kf.purchases.value', { count: number(purchases.count) })}
          {purchases.repeat ? ` (${t('insights.kf.purchases.repeat')})` : ''}
        </span>
        <span className={styles.muted}>{t('insights.kf.purchases.how')}</span>
      </dd>

      <dt>{t('insights.kf.dataQuality')}</dt>
      <dd className={styles.value} data-figure="dataQuality">
        <span>
          {t('insights.kf.dataQuality.value', { percent: percent(dataQuality.completeness ?? 0), contacts: number(dataQuality.contacts) })}
        </span>
        <span className={styles.muted}>
          {missing.length === 0 ? t('insights.kf.dataQuality.complete') : t('insights.kf.dataQuality.missing', { fields: list(missing) })}
        </span>
        {dataQuality.contacts > 0 ? (
          <span className={styles.muted}>
            {t('insights.kf.dataQuality.contacts', {
              fields: list(dataQuality.contactFields.map((f) => `${t(`insights.kf.field.${f.field}`)} ${number(f.filled)}/${number(dataQuality.contacts)}`)),
            })}
          </span>
        ) : null}
        {dataQuality.possibleDuplicateAccounts ? (
          <span className={styles.muted}>{t('insights.kf.dataQuality.duplicates', { count: number(dataQuality.possibleDuplicateAccounts) })}</span>
        ) : null}
        {dataQuality.possibleDuplicateContacts ? (
          <span className={styles.muted}>{t('insights.kf.dataQuality.duplicateContacts', { count: number(dataQuality.possibleDuplicateContacts) })}</span>
        ) : null}
      </dd>

      <dt>{t('insights.kf.adoption')}</dt>
      <dd className={styles.value} data-figure="adoption">
        <span>
          {adoption.logged === 0
            ? t('insights.kf.adoption.none')
            : t('insights.kf.adoption.value', { logged: number(adoption.logged), perWeek: number(adoption.perWeek ?? 0, 2) })}
        </span>
        {used.length > 0 ? <span className={styles.muted}>{list(used.map((s) => `${t(`insights.kf.source.${s.source}`)} ${number(s.count)}`))}</span> : null}
      </dd>
    </dl>
  );
}
