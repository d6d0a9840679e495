// Who each user's manager is (the Data tab's "Service levels" page): an overdue case escalates to its assignee's
// manager, and the open-complaints rule can escalate to the account owner's manager. Administrators set them, one
// user at a time with the version read, with a Save per user (SelectToApply: a select changes on every arrow key, so
// saving on change would send one request per option a keyboard user passes). Managers see them read-only.
import { Spinner, Text } from '@fluentui/react-components';
import type { Me, TeamMember } from '@crm/common';
import { DoneNotice, ErrorNotice, mayAccess } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { SelectToApply } from '../../SelectToApply';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { useServiceAdminT } from './hours';

const nameOf = (member: TeamMember, unnamed: string) => member.displayName || unnamed;

export function ManagersSection({ me }: { me: Me }) {
  const styles = useTabStyles();
  const { t } = useServiceAdminT();
  const { api } = useServices();
  const admin = mayAccess(me.roles, 'admin');
  const team = useLoad(async (signal) => (await api('listTeam', { signal })).data.items, 'team');
  const [saved, setSaved] = useState<TeamMember[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const members = saved ?? team.data ?? [];
  const unnamed = t('mgr.unnamed');

  const choose = async (member: TeamMember, managerId: string | null) => {
    setError(null);
    setDone(null);
    try {
      const changed = (await api('setManager', { params: { id: member.id }, body: { managerId }, ifMatch: member.etag })).data;
      // From the list as it stands then: another user's change saved meanwhile stays.
      setSaved((current) => (current ?? team.data ?? []).map((m) => (m.id === changed.id ? changed : m)));
      const manager = members.find((m) => m.id === managerId);
      setDone(
        manager ? t('mgr.saved', { name: nameOf(member, unnamed), manager: nameOf(manager, unnamed) }) : t('mgr.cleared', { name: nameOf(member, unnamed) }),
      );
    } catch (e) {
      setError(e);
    }
  };
  const reload = () => (setSaved(null), setError(null), team.reload());

  return (
    <Card headingId="managers-heading" heading={t('mgr.heading')} testId="managers">
      <Text className={styles.muted}>{t('mgr.intro')}</Text>
      {!admin ? <Text className={styles.muted}>{t('mgr.adminOnly')}</Text> : null}
      {team.status === 'error' ? <ErrorNotice error={team.error} onRetry={team.reload} /> : null}
      {!team.data && team.status === 'loading' ? <Spinner size="tiny" label={t('mgr.loading')} /> : null}
      <ul className={styles.list}>
        {members.map((member) => (
          <li key={member.id} className={styles.item} data-user-id={member.id}>
            <div className={styles.row}>
              <SelectToApply
                label={t('mgr.of', { name: nameOf(member, unnamed) })}
                value={member.managerId ?? ''}
                choices={[
                  { value: '', label: t('mgr.none') },
                  ...members.filter((m) => m.id !== member.id).map((m) => ({ value: m.id, label: nameOf(m, unnamed) })),
                ]}
                applyText={t('mgr.save')}
                applyLabel={t('mgr.saveOf', { name: nameOf(member, unnamed) })}
                disabled={!admin}
                onApply={(managerId) => void choose(member, managerId || null)}
              />
            </div>
          </li>
        ))}
      </ul>
      {error ? <ErrorNotice error={error} onRetry={reload} /> : null}
      {done ? <DoneNotice text={done} /> : null}
    </Card>
  );
}
