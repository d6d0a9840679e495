// The Data tab's "Possible duplicates" page: pairs of contacts or accounts the import's rules find alike, best first;
// comparing a pair side by side, choosing the record to keep and, where the two differ, whose value it keeps; merging
// (If-Match on both) and undoing the merge.
import { Badge, Button, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import type { Account, Contact, Merge } from '@crm/common';
import { DoneNotice, ErrorNotice } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../Card';
import { useTableStyles } from '@crm/common/web/insights-tables';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { useDataT } from './use-data-t';

type T = ReturnType<typeof useDataT>;
type Entity = 'contacts' | 'accounts';
type Side = 'survivor' | 'merged';

const PAGE = 20;

/** One pair of either kind, as the list shows it. */
interface Pair {
  firstId: string;
  secondId: string;
  first: string;
  second: string;
  details: [string, string];
  score: number;
  kind: string;
  reason: string;
  differentLegalEntities: boolean;
}

type Loaded = { entity: 'contacts'; records: [Contact, Contact] } | { entity: 'accounts'; records: [Account, Account] };

/** The fields a person picks between, with how each shows its value; the rest merge by rule (lists joined). */
const CONTACT_FIELDS = {
  firstName: (c: Contact) => c.firstName || null,
  lastName: (c: Contact) => c.lastName || null,
  jobTitle: (c: Contact) => c.jobTitle,
  buyingRole: (c: Contact) => c.buyingRole,
  accountId: (c: Contact) => (c.accountId ? (c.accountName ?? c.accountId) : null),
};
const ACCOUNT_FIELDS = {
  name: (a: Account) => a.name || null,
  industry: (a: Account) => a.industry,
  segment: (a: Account) => a.segment,
  rating: (a: Account) => a.rating,
  ownerId: (a: Account) => (a.ownerId ? (a.ownerName ?? a.ownerId) : null),
  address: (a: Account) =>
    a.address
      ? [a.address.street, [a.address.postalCode, a.address.city].filter(Boolean).join(' '), a.address.country].filter(Boolean).join(', ') || null
      : null,
};

const show = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : typeof value === 'string' ? value : JSON.stringify(value);

interface Difference {
  key: string;
  label: string;
  survivor: string | null;
  merged: string | null;
  custom: boolean;
}

function differences(loaded: Loaded, keepFirst: boolean, t: T['t']): Difference[] {
  const [a, b] = loaded.records;
  const [survivor, merged] = keepFirst ? [a, b] : [b, a];
  const fields: Record<string, (record: never) => string | null> = loaded.entity === 'contacts' ? CONTACT_FIELDS : ACCOUNT_FIELDS;
  const result: Difference[] = [];
  for (const [key, read] of Object.entries(fields)) {
    const [s, m] = [read(survivor as never), read(merged as never)];
    // Where only the merged record has a value the API takes it anyway; there is nothing to choose.
    if (s !== m && s !== null && m !== null)
      result.push({ key, label: t(`mergeField.${key}` as Parameters<T['t']>[0]), survivor: s, merged: m, custom: false });
  }
  for (const [key, value] of Object.entries(survivor.customFields)) {
    if (key in merged.customFields && JSON.stringify(value) !== JSON.stringify(merged.customFields[key])) {
      result.push({ key, label: t('mergeField.custom', { name: key }), survivor: show(value), merged: show(merged.customFields[key]), custom: true });
    }
  }
  return result;
}

function MergePanel({
  pair,
  entity,
  onMerged,
  onCancel,
}: {
  pair: Pair;
  entity: Entity;
  onMerged: (merge: Merge, name: string) => void;
  onCancel: () => void;
}) {
  const styles = useTabStyles();
  const tables = useTableStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [keepFirst, setKeepFirst] = useState(true);
  const [picks, setPicks] = useState<Record<string, Side>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const loaded = useLoad<Loaded>(async (signal) => {
    if (entity === 'contacts') {
      const [a, b] = await Promise.all([pair.firstId, pair.secondId].map(async (id) => (await api('getContact', { params: { id }, signal })).data));
      return { entity, records: [a!, b!] };
    }
    const [a, b] = await Promise.all([pair.firstId, pair.secondId].map(async (id) => (await api('getAccount', { params: { id }, signal })).data));
    return { entity, records: [a!, b!] };
  }, `${pair.firstId}:${pair.secondId}`);
  const data = loaded.data;
  const diffs = data ? differences(data, keepFirst, t) : [];
  const names = [pair.first, pair.second];
  const merge = async () => {
    if (!data) return;
    const [a, b] = data.records;
    const [survivor, merged] = keepFirst ? [a, b] : [b, a];
    const fields = Object.fromEntries(diffs.filter((d) => !d.custom).map((d) => [d.key, picks[d.key] ?? 'survivor']));
    const customFields = Object.fromEntries(diffs.filter((d) => d.custom).map((d) => [d.key, picks[`custom:${d.key}`] ?? 'survivor']));
    const body = { mergedId: merged.id, mergedEtag: merged.etag, fields, customFields };
    setBusy(true);
    setError(null);
    try {
      const result =
        entity === 'contacts'
          ? await api('mergeContacts', { params: { id: survivor.id }, body, ifMatch: survivor.etag })
          : await api('mergeAccounts', { params: { id: survivor.id }, body, ifMatch: survivor.etag });
      onMerged(result.data, keepFirst ? pair.first : pair.second);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.card} aria-labelledby="merge-heading" data-testid="merge-panel">
      <h3 id="merge-heading" className={styles.subheading} tabIndex={-1}>
        {t('merge.heading', { first: pair.first, second: pair.second })}
      </h3>
      {loaded.status === 'error' ? <ErrorNotice error={loaded.error} onRetry={loaded.reload} /> : null}
      {!data ? <Spinner size="tiny" label={t('merge.loading')} /> : null}
      {data ? (
        <>
          <RadioGroup
            aria-label={t('merge.keep')}
            value={keepFirst ? 'first' : 'second'}
            onChange={(_e, d) => {
              setKeepFirst(d.value === 'first');
              setPicks({});
            }}
          >
            <Radio value="first" label={t('merge.keepThis', { name: names[0]! })} />
            <Radio value="second" label={t('merge.keepThis', { name: names[1]! })} />
          </RadioGroup>
          {diffs.length === 0 ? (
            <Text className={styles.muted}>{t('merge.noDifference')}</Text>
          ) : (
            <div className={tables.scroll}>
              <table className={tables.table} data-testid="merge-fields">
                <caption className={tables.caption}>{t('merge.fields')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('merge.field')}</th>
                    <th scope="col" style={{ textAlign: 'start' }}>
                      {t('merge.kept')}
                    </th>
                    <th scope="col" style={{ textAlign: 'start' }}>
                      {t('merge.other')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diffs.map((d) => {
                    const id = d.custom ? `custom:${d.key}` : d.key;
                    return (
                      <tr key={id} data-field={id}>
                        <th scope="row">{d.label}</th>
                        <td colSpan={2} style={{ textAlign: 'start' }}>
                          <RadioGroup
                            layout="horizontal"
                            aria-label={t('merge.pick', { field: d.label })}
                            value={picks[id] ?? 'survivor'}
                            onChange={(_e, choice) => setPicks((p) => ({ ...p, [id]: choice.value as Side }))}
                          >
                            <Radio value="survivor" label={d.survivor ?? t('merge.empty')} />
                            <Radio value="merged" label={d.merged ?? t('merge.empty')} />
                          </RadioGroup>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          <Text size={200} className={styles.muted}>
            {t('merge.lists')}
          </Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void merge()}>
              {t('merge.submit')}
            </Button>
            <Button onClick={onCancel}>{t('merge.cancel')}</Button>
            {busy ? <Spinner size="tiny" /> : null}
          </div>
        </>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
    </section>
  );
}

function MergeDone({ merge, name, onUndone }: { merge: Merge; name: string; onUndone: () => void }) {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [undone, setUndone] = useState(false);
  const moved = Object.entries(merge.moved).filter(([, n]) => n > 0);
  const undo = async () => {
    setBusy(true);
    setError(null);
    try {
      await api('undoMerge', { params: { id: merge.id } });
      setUndone(true);
      onUndone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className={styles.form} data-testid="merge-done">
      {undone ? (
        <DoneNotice text={t('merge.undone')} />
      ) : (
        <>
          <DoneNotice text={t('merge.done', { name, moved: moved.length ? moved.map(([what, n]) => `${what} ${n}`).join(', ') : t('merge.movedNothing') })} />
          <div className={styles.row}>
            <Button disabled={busy} onClick={() => void undo()}>
              {t('merge.undo')}
            </Button>
          </div>
        </>
      )}
      {error ? <ErrorNotice error={error} /> : null}
    </div>
  );
}

export function DuplicatesPage() {
  const styles = useTabStyles();
  const { t } = useDataT();
  const { api } = useServices();
  const [entity, setEntity] = useState<Entity>('contacts');
  const [limit, setLimit] = useState(PAGE);
  const [generation, setGeneration] = useState(0);
  const [open, setOpen] = useState<Pair | null>(null);
  const [done, setDone] = useState<{ merge: Merge; name: string } | null>(null);
  const list = useLoad<{ items: Pair[]; nextCursor: string | null }>(async (signal) => {
    if (entity === 'contacts') {
      const { data } = await api('contactDuplicates', { query: { limit }, signal });
      return {
        nextCursor: data.nextCursor,
        items: data.items.map((d) => ({
          firstId: d.first.id,
          secondId: d.second.id,
          first: d.first.displayName,
          second: d.second.displayName,
          details: [d.first, d.second].map((c) => [c.accountName, ...c.emails].filter(Boolean).join(', ')) as [string, string],
          score: d.score,
          kind: d.kind,
          reason: d.reason,
          differentLegalEntities: false,
        })),
      };
    }
    const { data } = await api('accountDuplicates', { query: { limit }, signal });
    return {
      nextCursor: data.nextCursor,
      items: data.items.map((d) => ({
        firstId: d.first.id,
        secondId: d.second.id,
        first: d.first.name,
        second: d.second.name,
        details: [d.first, d.second].map((a) => [a.customerNumber, ...a.domains].filter(Boolean).join(', ')) as [string, string],
        score: d.score,
        kind: d.kind,
        reason: d.reason,
        differentLegalEntities: d.differentLegalEntities,
      })),
    };
  }, `${entity}:${limit}:${generation}`);
  const openPair = (pair: Pair) => {
    setOpen(pair);
    setDone(null);
    // The comparison appears below the list: take the keyboard there.
    requestAnimationFrame(() => document.getElementById('merge-heading')?.focus());
  };
  const items = list.data?.items ?? [];
  return (
    <div className={styles.stack} data-ready-key={list.status === 'ready' ? 'duplicates' : undefined}>
      <Card headingId="dup-heading" heading={t('dup.heading')} testId="duplicates">
        <Text className={styles.muted}>{t('dup.intro')}</Text>
        <RadioGroup
          layout="horizontal"
          aria-label={t('dup.entity')}
          value={entity}
          onChange={(_e, d) => {
            setEntity(d.value as Entity);
            setOpen(null);
            setLimit(PAGE);
          }}
        >
          <Radio value="contacts" label={t('dup.entity.contacts')} />
          <Radio value="accounts" label={t('dup.entity.accounts')} />
        </RadioGroup>
        {done ? <MergeDone key={done.merge.id} merge={done.merge} name={done.name} onUndone={() => setGeneration((g) => g + 1)} /> : null}
        {list.status === 'error' ? <ErrorNotice error={list.error} onRetry={list.reload} /> : null}
        {!list.data && list.status === 'loading' ? <Spinner size="tiny" label={t('common.loading')} /> : null}
        {list.data && items.length === 0 ? <Text className={styles.muted}>{t('dup.none')}</Text> : null}
        <ul className={styles.list}>
          {items.map((pair) => (
            <li key={`${pair.firstId}:${pair.secondId}`} className={styles.item} data-pair={`${pair.firstId}:${pair.secondId}`}>
              <div className={styles.row}>
                <Text weight="semibold">{t('dup.pair', { first: pair.first, second: pair.second })}</Text>
                <Badge appearance="outline">{t(`dup.kind.${pair.kind}` as Parameters<T['t']>[0])}</Badge>
                <Text size={200}>{t('dup.score', { score: pair.score.toFixed(2) })}</Text>
              </div>
              <Text size={200} className={styles.muted}>
                {[pair.reason, ...pair.details.filter(Boolean)].join(' · ')}
              </Text>
              {pair.differentLegalEntities ? (
                <Text size={200} className={styles.danger}>
                  {t('dup.legalEntities')}
                </Text>
              ) : null}
              <div>
                <Button size="small" onClick={() => openPair(pair)}>
                  {t('dup.compare', { first: pair.first, second: pair.second })}
                </Button>
              </div>
            </li>
          ))}
        </ul>
        {list.data?.nextCursor ? <Button onClick={() => setLimit((l) => Math.min(l + PAGE, 200))}>{t('dup.more')}</Button> : null}
      </Card>
      {open ? (
        <MergePanel
          key={`${open.firstId}:${open.secondId}`}
          pair={open}
          entity={entity}
          onCancel={() => setOpen(null)}
          onMerged={(merge, name) => {
            setOpen(null);
            setDone({ merge, name });
            setGeneration((g) => g + 1);
          }}
        />
      ) : null}
    </div>
  );
}
