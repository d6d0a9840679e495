// Type-ahead account search over the API as a combobox with a listbox of results: arrows, Home and End move through
// them, Enter picks, Escape clears; a click or tap picks too.
import { Field, Input, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Account } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

const DEBOUNCE_MS = 200;

const useOptionStyles = makeStyles({
  option: {
    display: 'block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  // The option the arrows are on; outlined as well as shaded, so it shows in high contrast too.
  active: { backgroundColor: tokens.colorNeutralBackground1Selected, outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  chosen: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
});

export function AccountPicker({ onPick, selectedId }: { onPick: (account: Account) => void; selectedId?: string | null }) {
  const styles = useTabStyles();
  const optionStyles = useOptionStyles();
  const { t } = useT();
  const { api } = useServices();
  const resultsId = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Account[] | null>(null);
  const [active, setActive] = useState(-1);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const query = q.trim();

  useEffect(() => {
    if (query.length < 2) return setResults(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setError(null);
      api('listAccounts', { query: { q: query, limit: 20 }, signal: abort.signal }).then(
        (r) => (setResults(r.data.items), setActive(-1)),
        (e: unknown) => !abort.signal.aborted && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => (clearTimeout(timer), abort.abort());
  }, [api, query, attempt]);

  const count = results?.length ?? 0;
  const optionId = (index: number) => `${resultsId}-${index}`;
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
    } else if (e.key === 'Enter' && results?.[active]) {
      e.preventDefault();
      onPick(results[active]);
    } else if (e.key === 'Escape' && q) {
      e.preventDefault();
      setQ('');
    }
  };

  return (
    <div className={styles.form}>
      <Field label={t('picker.label')} hint={query.length < 2 ? t('picker.hint') : t('picker.keys')}>
        <Input
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls={resultsId}
          aria-activedescendant={active >= 0 && active < count ? optionId(active) : undefined}
          value={q}
          placeholder={t('picker.placeholder')}
          onChange={(_e, data) => setQ(data.value)}
          onKeyDown={onKeyDown}
          autoFocus
          maxLength={200}
        />
      </Field>
      {error ? <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {query.length >= 2 && !results && !error ? <Spinner size="tiny" /> : null}
      <ul id={resultsId} role="listbox" className={styles.list} aria-label={t('picker.results')}>
        {results?.map((account, index) => (
          <li
            key={account.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            aria-label={t('picker.choose', { name: account.name })}
            className={mergeClasses(optionStyles.option, index === active && optionStyles.active, account.id === selectedId && optionStyles.chosen)}
            // The focus stays in the search field; a mouse press must not take it away before the click picks.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(account)}
            data-account-id={account.id}
            data-chosen={account.id === selectedId || undefined}
          >
            <span className={styles.clip}>
              {account.name}
              {account.industry ? ` · ${account.industry}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <div aria-live="polite">{results?.length === 0 ? <Text>{t('picker.none', { q: query })}</Text> : null}</div>
    </div>
  );
}
