// Type-ahead account search over the API as a combobox with a listbox of results: arrows, Home and End move through
// them, Enter picks, Escape clears; a click or tap picks too.
import { Field, Input, mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { Account } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
// Its own entry, not '@crm/common/web': what that index holds lands in the chunk a page downloads first, even when only a
// lazy form uses it.
import { useComboboxOptionStyles, useSearchCombobox } from '@crm/common/web/search-combobox';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

/** autoFocus: where the search is what the page is for (the tab's configuration); not where it is one way among others. */
export function AccountPicker({ onPick, selectedId, autoFocus = true }: { onPick: (account: Account) => void; selectedId?: string | null; autoFocus?: boolean }) {
  const styles = useTabStyles();
  const optionStyles = useComboboxOptionStyles();
  const { t } = useT();
  const { api } = useServices();
  const search = useCallback(async (q: string, signal: AbortSignal) => (await api('listAccounts', { query: { q, limit: 20 }, signal })).data.items, [api]);
  const combobox = useSearchCombobox<Account>({ search, onPick });
  const { query, searching, options: results, active, error } = combobox;

  return (
    <div className={styles.form}>
      <Field label={t('picker.label')} hint={searching ? t('picker.keys') : t('picker.hint')}>
        <Input
          type="search"
          {...combobox.inputProps}
          value={combobox.q}
          placeholder={t('picker.placeholder')}
          onChange={(_e, data) => combobox.setQ(data.value)}
          autoFocus={autoFocus}
          maxLength={200}
        />
      </Field>
      {error ? <ErrorNotice error={error} onRetry={combobox.retry} /> : null}
      {combobox.loading ? <Spinner size="tiny" /> : null}
      <ul {...combobox.listProps} className={styles.list} aria-label={t('picker.results')}>
        {results.map((account, index) => (
          <li
            key={account.id}
            {...combobox.optionProps(index)}
            aria-label={t('picker.choose', { name: account.name })}
            className={mergeClasses(optionStyles.option, index === active && optionStyles.active, account.id === selectedId && optionStyles.chosen)}
            data-account-id={account.id}
          >
            <span className={styles.clip}>
              {account.name}
              {account.industry ? ` · ${account.industry}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <div aria-live="polite">{combobox.nothing ? <Text>{t('picker.none', { q: query })}</Text> : null}</div>
    </div>
  );
}
