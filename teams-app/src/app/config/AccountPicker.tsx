// Type-ahead account search over the API: results as buttons, so Tab and Enter pick one without a mouse.
import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import type { Account } from '@crm/common';
import { ErrorNotice } from '@crm/common/web';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useT } from '../texts';

const DEBOUNCE_MS = 200;

export function AccountPicker({ onPick, selectedId }: { onPick: (account: Account) => void; selectedId?: string | null }) {
  const styles = useTabStyles();
  const { t } = useT();
  const { api } = useServices();
  const resultsId = useId();
  const [q, setQ] = useState('');
  const [results, setResults] = useState<Account[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const query = q.trim();

  useEffect(() => {
    if (query.length < 2) return setResults(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setError(null);
      api('listAccounts', { query: { q: query, limit: 20 }, signal: abort.signal }).then(
        (r) => setResults(r.data.items),
        (e: unknown) => !abort.signal.aborted && setError(e),
      );
    }, DEBOUNCE_MS);
    return () => (clearTimeout(timer), abort.abort());
  }, [api, query, attempt]);

  return (
    <div className={styles.form}>
      <Field label={t('picker.label')} hint={query.length < 2 ? t('picker.hint') : undefined}>
        <Input
          type="search"
          value={q}
          placeholder={t('picker.placeholder')}
          onChange={(_e, data) => setQ(data.value)}
          aria-controls={resultsId}
          autoFocus
          maxLength={200}
        />
      </Field>
      {error ? <ErrorNotice error={error} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {query.length >= 2 && !results && !error ? <Spinner size="tiny" /> : null}
      <ul id={resultsId} className={styles.list} aria-label={t('picker.results')} aria-live="polite">
        {results?.map((account) => (
          <li key={account.id}>
            <Button
              appearance={account.id === selectedId ? 'primary' : 'subtle'}
              aria-pressed={account.id === selectedId}
              aria-label={t('picker.choose', { name: account.name })}
              onClick={() => onPick(account)}
              data-account-id={account.id}
            >
              <span className={styles.clip}>
                {account.name}
                {account.industry ? ` · ${account.industry}` : ''}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {results?.length === 0 ? <Text>{t('picker.none', { q: query })}</Text> : null}
    </div>
  );
}
