// A lead's score with the reason of each criterion, in the user's language: nothing about the score is a black box.
import { makeStyles } from '@griffel/react';
import { tokens } from '@fluentui/react-theme';
import type { Lead, LeadScoreCriterion } from '../../contracts/leads';
import { useI18n, type Translate } from '../i18n/i18n';
import type { MessageKey } from '../i18n/messages-en';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  summary: { cursor: 'pointer' },
});

/** Why a criterion scored what it did, worded from its code and the lead's own answers. */
export function criterionReason(t: Translate, criterion: LeadScoreCriterion, lead: Pick<Lead, 'industry' | 'employees'>): string {
  if (criterion.key === 'fit') return t(`lead.why.fit.${criterion.code}` as MessageKey, { industry: lead.industry ?? '' });
  if (criterion.key === 'size') {
    return t(`lead.why.size.${criterion.code}` as MessageKey, { employees: lead.employees ?? '', min: criterion.range?.min ?? '', max: criterion.range?.max ?? '' });
  }
  const level = t(`lead.${criterion.key}.${criterion.code}` as MessageKey);
  if (criterion.key !== 'engagement' || !criterion.logged) return level;
  const { interactions, meetings, replies } = criterion.logged;
  const fromLog = meetings > 0 ? 'meeting_held' : replies > 0 ? 'replied' : 'none';
  return t(criterion.code === fromLog ? 'lead.why.engagement.logged' : 'lead.why.engagement.recorded', { level, interactions, meetings, replies });
}

/** "Score 43 of 100", and under a disclosure the five criteria with points and reason. */
export function LeadScore({ lead }: { lead: Pick<Lead, 'score' | 'industry' | 'employees'> }) {
  const styles = useStyles();
  const { t, number } = useI18n();
  return (
    <details data-testid="lead-score">
      <summary className={styles.summary}>{t('lead.score', { total: lead.score.total })}</summary>
      <ul className={styles.list}>
        {lead.score.criteria.map((c) => (
          <li key={c.key} data-criterion={c.key}>
            {t(`lead.criterion.${c.key}`)} {t('lead.points', { points: number(c.points, 1), weight: c.weight })}: {criterionReason(t, c, lead)}
          </li>
        ))}
      </ul>
    </details>
  );
}
