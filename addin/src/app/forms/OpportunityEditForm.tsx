// The pane's opportunity edit form: the form both front-ends share, named like the button that opens it, in the pane's layout.
import { OpportunityEditForm as SharedForm, type OpportunityEditFormProps } from '@crm/common/web/versioned-edit';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export default function OpportunityEditForm(props: Omit<OpportunityEditFormProps, 'api' | 'label' | 'className'>) {
  const { api } = useServices();
  const styles = usePaneStyles();
  const { t } = useT();
  return <SharedForm api={api} label={t('opportunity.edit', { name: props.opportunity.name })} className={styles.form} {...props} />;
}
