// The account's open opportunities by stage, each with Change (stage, amount, expected close) for the roles that may
// write. The edit form is the pane's, shared through common; it loads on first use, with its texts and the stage model.
import { Button, Spinner } from '@fluentui/react-components';
import { lazy, memo, Suspense, useCallback, useRef, useState } from 'react';
import type { Opportunity, StageGroup } from '@crm/common';
import { DoneNotice, type UserAccess } from '@crm/common/web';
import { StageGroups } from '../StageGroups';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

const OpportunityEdit = lazy(() => import('./OpportunityEdit'));

export const Pipeline = memo(function Pipeline({
  groups,
  onChanged,
  access,
  roleNoticeId,
}: {
  groups: readonly StageGroup[];
  /** A deal was saved: the overview (stage sums, figures) is out of date. */
  onChanged: () => void;
  access: UserAccess;
  roleNoticeId: string;
}) {
  const styles = useTabStyles();
  const { t } = useT();
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The button stays while its form is open, so a cancelled form hands the focus straight back to it.
  const openers = useRef(new Map<string, HTMLElement>());
  const dealActions = useCallback(
    (o: Opportunity) => (
      <div className={styles.form}>
        <div className={styles.row}>
          <Button
            ref={(button) => void (button ? openers.current.set(o.id, button) : openers.current.delete(o.id))}
            size="small"
            appearance="subtle"
            aria-label={t('pipeline.changeLabel', { name: o.name })}
            aria-expanded={editing === o.id}
            onClick={() => (setNotice(null), setEditing((current) => (current === o.id ? null : o.id)))}
            {...access.gate('write', roleNoticeId)}
          >
            {t('pipeline.change')}
          </Button>
        </div>
        {editing === o.id ? (
          <Suspense fallback={<Spinner size="tiny" />}>
            <OpportunityEdit
              opportunity={o}
              onSaved={(_saved, done) => {
                setEditing(null);
                setNotice(done);
                onChanged();
              }}
              onCancel={() => (setEditing(null), openers.current.get(o.id)?.focus())}
            />
          </Suspense>
        ) : null}
      </div>
    ),
    [editing, access, roleNoticeId, onChanged, styles, t],
  );

  return (
    <StageGroups
      groups={groups}
      headingId="pipeline-heading"
      heading={t('pipeline.heading')}
      dealActions={dealActions}
      notice={notice ? <DoneNotice text={notice} /> : null}
    />
  );
});
