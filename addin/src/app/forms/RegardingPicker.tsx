// What an email or meeting is logged regarding: an account, an open opportunity or an open complaint, offered from the
// item's context and found by type-ahead over all of the tenant's records. A combobox with a listbox: arrows, Home and
// End move through the options, Enter picks, Escape clears the search; a click or tap picks too.
import { Field, Input, makeStyles, mergeClasses, Spinner, Text } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { AccountContext, RegardingRecord } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
// Its own entry, not '@crm/common/web': what that index holds lands in the chunk a page downloads first, even when only a
// lazy form uses it.
import { useComboboxOptionStyles, useSearchCombobox } from '@crm/common/web/search-combobox';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export type Regarding = Omit<RegardingRecord, 'occurredAt'>;

const useListStyles = makeStyles({ list: { maxHeight: '14rem', overflowY: 'auto' } });

/** The records of the item's own context, offered before anything is typed: its accounts, their open deals and complaints. */
export function contextRecords(accounts: readonly AccountContext[], suggested: ReadonlyArray<{ id: string; name: string }> = []): Regarding[] {
  const own = accounts.flatMap(({ account, openOpportunities, openComplaints }): Regarding[] => [
    { kind: 'account', id: account.id, name: account.name, accountId: account.id, accountName: account.name },
    ...openOpportunities.map((o): Regarding => ({ kind: 'opportunity', id: o.id, name: o.name, accountId: account.id, accountName: account.name })),
    ...openComplaints.map((c): Regarding => ({ kind: 'complaint', id: c.id, name: c.subject, accountId: account.id, accountName: account.name })),
  ]);
  // A company known by the domain of someone not in the CRM yet.
  const byDomain = suggested
    .filter((s, index) => !own.some((r) => r.id === s.id) && suggested.findIndex((x) => x.id === s.id) === index)
    .map((s): Regarding => ({ kind: 'account', id: s.id, name: s.name, accountId: s.id, accountName: s.name }));
  return [...own, ...byDomain];
}

export function RegardingPicker({
  value,
  onChange,
  offered,
  autoFocus,
}: {
  value: Regarding | null;
  onChange: (record: Regarding) => void;
  /** Shown before the user types: the item's own records. */
  offered: readonly Regarding[];
  autoFocus?: boolean;
}) {
  const styles = usePaneStyles();
  const optionStyles = useComboboxOptionStyles();
  const listStyles = useListStyles();
  const { t } = useT();
  const { api } = useServices();
  const search = useCallback(async (q: string, signal: AbortSignal) => (await api('searchRegarding', { query: { q }, signal })).data.items, [api]);
  const combobox = useSearchCombobox<Regarding>({
    search,
    offered,
    onPick: (record) => {
      onChange(record);
      combobox.setQ('');
    },
  });
  const { query, searching, options, active, error } = combobox;
  const label = (r: Regarding) =>
    r.kind === 'account'
      ? t('regarding.account', { name: r.name })
      : t(`regarding.${r.kind}`, { name: r.name, account: r.accountName ?? t('regarding.noAccount') });

  return (
    <div className={styles.form}>
      <div aria-live="polite" data-testid="regarding-chosen">
        <Text weight="semibold">{t('log.regarding')}: </Text>
        <Text>{value ? label(value) : t('regarding.none')}</Text>
      </div>
      <Field label={t('regarding.search')} hint={searching ? t('regarding.keys') : t('regarding.hint')}>
        <Input
          type="search"
          {...combobox.inputProps}
          value={combobox.q}
          onChange={(_e, data) => combobox.setQ(data.value)}
          autoFocus={autoFocus}
          maxLength={200}
        />
      </Field>
      {error ? <ErrorNotice error={error} onRetry={combobox.retry} /> : null}
      {combobox.loading ? <Spinner size="tiny" label={t('common.loading')} /> : null}
      <ul
        {...combobox.listProps}
        className={mergeClasses(styles.list, listStyles.list)}
        aria-label={searching ? t('regarding.results') : t('regarding.offered')}
      >
        {options.map((record, index) => (
          <li
            key={`${record.kind}-${record.id}`}
            {...combobox.optionProps(index)}
            className={mergeClasses(
              optionStyles.option,
              index === active && optionStyles.active,
              record.kind === value?.kind && record.id === value.id && optionStyles.chosen,
            )}
            data-regarding={`${record.kind}:${record.id}`}
          >
            {label(record)}
          </li>
        ))}
      </ul>
      <div aria-live="polite">{combobox.nothing ? <Text>{t('regarding.nothing', { q: query })}</Text> : null}</div>
    </div>
  );
}
