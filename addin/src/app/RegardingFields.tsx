// Which account, and optionally which of its open opportunities, an email or meeting is logged to: in the log form and
// in "Log when sent".
import { Field } from '@fluentui/react-field';
import { Select } from '@fluentui/react-select';
import type { AccountContext } from '@crm/common';
import { OptionalSelect } from '@crm/common/web';
import { useT } from './texts';

interface Props {
  accounts: readonly AccountContext[];
  accountId: string;
  /** '' for none. */
  opportunityId: string;
  /** Another account drops the opportunity, which belonged to the previous one. */
  onChange: (accountId: string, opportunityId: string) => void;
  hint?: string;
  autoFocus?: boolean;
}

export function RegardingFields({ accounts, accountId, opportunityId, onChange, hint, autoFocus }: Props) {
  const { t } = useT();
  const opportunities = accounts.find((a) => a.account.id === accountId)?.openOpportunities ?? [];
  return (
    <>
      <Field label={t('log.regarding')} hint={hint}>
        <Select value={accountId} onChange={(_e, data) => onChange(data.value, '')} autoFocus={autoFocus}>
          {accounts.map((a) => (
            <option key={a.account.id} value={a.account.id}>
              {a.account.name}
            </option>
          ))}
        </Select>
      </Field>
      <OptionalSelect
        label={t('log.opportunity')}
        noneLabel={t('log.noOpportunity')}
        value={opportunityId}
        options={opportunities.map((o) => ({ id: o.id, label: o.name }))}
        onChange={(id) => onChange(accountId, id)}
      />
    </>
  );
}
