// The account tab's opportunity edit form: the form both front-ends share, with the tab's API client and layout and
// the tenant's stage model, which is asked for only once someone opens a form (not on the tab's first render).
import type { Opportunity } from '@crm/common';
import { useStages } from '@crm/common/web';
import { OpportunityEditForm } from '@crm/common/web/versioned-edit';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

export default function OpportunityEdit(props: { opportunity: Opportunity; onSaved: (saved: Opportunity, notice: string) => void; onCancel: () => void }) {
  const { api } = useServices();
  const styles = useTabStyles();
  const { t } = useT();
  const stages = useStages(api);
  return <OpportunityEditForm api={api} stages={stages} label={t('pipeline.changeLabel', { name: props.opportunity.name })} className={styles.form} {...props} />;
}
