// What an email or meeting is logged regarding: an account, an open opportunity or an open complaint, offered from the
// item's context and found by type-ahead over all of the tenant's records. A combobox with a listbox: arrows, Home and
// End move through the options, Enter picks, Escape clears the search; a click or tap picks too.
import { Field, Input, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { AccountContext, RegardingRecord } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useServices } from '../services';
import { usePaneStyles } from '../styles';
import { useT } from '../texts';

export type Regarding = Omit<RegardingRecord, 'occurredAt'>;

const DEBOUNCE_MS = 200;

const useOptionStyles = makeStyles({
  option: {
    display: 'block',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The option the arrows are on; outlined as well as shaded, so it shows in high contrast too.
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  chosen: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  list: { maxHeight: '14rem', overflowY: 'auto' },
});

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
  const optionStyles = useOptionStyles();
  const { t } = useT();
  const { api } = useServices();
  const listId = useId();
  const [q, setQ] = useState('');
  const [found, setFound] = useState<Regarding[] | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const query = q.trim();
  const searching = query.length >= 2;

  useEffect(() => {
    setActive(-1);
    if (!searching) return setFound(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setError(null);
      api('searchRegarding', { query: { q: query }, signal: abort.signal }).then(
        (r) => setFound(r.data.items),
        (e: unknown) => !abort.signal.aborted && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => (clearTimeout(timer), abort.abort());
  }, [api, query, searching, attempt]);

  const options = searching ? (found ?? []) : offered;
  const count = options.length;
  const optionId = (index: number) => `${listId}-${index}`;
  const label = (r: Regarding) =>
    r.kind === 'account' ? t('regarding.account', { name: r.name }) : t(`regarding.${r.kind}`, { name: r.name, account: r.accountName ?? t('regarding.noAccount') });
  const pick = (record: Regarding) => {
    onChange(record);
    setQ('');
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const move: Record<string, () => number> = {
      ArrowDown: () => (active + 1) % count,
      ArrowUp: () => (active <= 0 ? count - 1 : active - 1),
      Home: () => 0,
      End: () => count - 1,
    };
    if (move[e.key] && count > 0) {
      e.preventDefault();
      const next = move[e.key]!();
      setActive(next);
      document.getElementById(optionId(next))?.scrollIntoView?.({ block: 'nearest' });
    } else if (e.key === 'Enter') {
      // Enter in the search never submits the form: it picks the active option or does nothing.
      e.preventDefault();
      if (options[active]) pick(options[active]);
    } else if (e.key === 'Escape' && q) {
      e.preventDefault();
      setQ('');
    }
  };

  return (
    <div className={styles.form}>
      <div aria-live="polite" data-testid="regarding-chosen">
        <Text weight="semibold">{t('log.regarding')}: </Text>
        <Text>{value ? label(value) : t('regarding.none')}</Text>
      </div>
      <Field label={t('regarding.search')} hint={searching ? t('regarding.keys') : t('regarding.hint')}>
        <Input
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls={listId}
          aria-activedescendant={active >= 0 && active < count ? optionId(active) : undefined}
          value={q}
          onChange={(_e, data) => setQ(data.value)}
          onKeyDown={onKeyDown}
          autoFocus={autoFocus}
          maxLength={200}
        />
      </Field>
      {error ? <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {searching && !found && !error ? <Spinner size="tiny" label={t('common.loading')} /> : null}
      <ul
        id={listId}
        role="listbox"
        className={mergeClasses(styles.list, optionStyles.list)}
        aria-label={searching ? t('regarding.results') : t('regarding.offered')}
      >
        {options.map((record, index) => (
          <li
            key={`${record.kind}-${record.id}`}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className={mergeClasses(
              optionStyles.option,
              index === active && optionStyles.active,
              record.kind === value?.kind && record.id === value.id && optionStyles.chosen,
            )}
            // The focus stays in the search field; a mouse press must not take it away before the click picks.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(record)}
            data-regarding={`${record.kind}:${record.id}`}
          >
            {label(record)}
          </li>
        ))}
      </ul>
      <div aria-live="polite">{searching && found?.length === 0 ? <Text>{t('regarding.nothing', { q: query })}</Text> : null}</div>
    </div>
  );
}
