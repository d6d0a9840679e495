// The accounts' service contracts: the list by account name, a new one for an account picked by search, each one's
// hours changed or the contract ended, every change with the version read (If-Match). A 400 puts the server's reason at
// the field it names; a 412 offers to reload the list.
import { Button, Field, Input, Spinner, Text } from '@fluentui/react-components';
import type { ServiceContract, ServiceContractListed, ServiceLevelSettings } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, useOpenerFocus, useSubmit } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { AccountPicker } from '../../config/AccountPicker';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { useMorePages } from '../../use-more-pages';
import { reasonOf } from '../field-reason';
import { HourFields, hoursDraft, levelOf, PRIORITIES, useServiceAdminT, validHours, type HoursDraft, type Priority } from './hours';

const PAGE = 50;

interface Editing {
  accountId: string;
  accountName: string;
  contract: ServiceContract;
}

/** `levels`: the tenant's service levels, which a priority given its own hours starts from (none while loading). */
export function ContractsSection({ levels }: { levels: ServiceLevelSettings | null }) {
  const styles = useTabStyles();
  const { t } = useServiceAdminT();
  const { api } = useServices();
  const [generation, setGeneration] = useState(0);
  const first = useLoad(async (signal) => (await api('listServiceContracts', { query: { limit: PAGE }, signal })).data, `contracts-${generation}`);
  const more = useMorePages(first.data, `contracts-${generation}`, async (cursor) => (await api('listServiceContracts', { query: { limit: PAGE, cursor } })).data);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [picking, setPicking] = useState(false);
  const [pickError, setPickError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useOpenerFocus();
  const { items, nextCursor } = more;
  const reload = () => {
    more.reset();
    setGeneration((g) => g + 1);
  };
  const pick = async (account: { id: string; name: string }) => {
    setPickError(null);
    try {
      // The account may have a contract already (not on the page shown): then it is that one that is edited.
      const contract = (await api('getServiceContract', { params: { id: account.id } })).data;
      setPicking(false);
      setEditing({ accountId: account.id, accountName: account.name, contract });
    } catch (e) {
      setPickError(e);
    }
  };
  /** A message after a save; none after a cancel, or after a 412 (`stale`), which reloads the list to show the version now. */
  const close = (message: string | null, stale = false) => {
    setEditing(null);
    setDone(message);
    if (message || stale) reload();
    if (!message) opener.restore();
  };
  return (
    <Card
      headingId="service-contracts-heading"
      heading={t('svc.contracts')}
      testId="service-contracts"
      aside={
        !editing && !picking ? (
          <Button
            ref={opener.ref}
            onClick={() => {
              setDone(null);
              setPicking(true);
            }}
          >
            {t('svc.new')}
          </Button>
        ) : null
      }
    >
      <Text>{t('svc.contractsIntro')}</Text>
      {done ? <DoneNotice text={done} /> : null}
      {picking ? (
        <div className={styles.form} role="group" aria-label={t('svc.newFor')}>
          <Text weight="semibold">{t('svc.newFor')}</Text>
          <AccountPicker onPick={(account) => void pick(account)} />
          {pickError ? <ErrorNotice error={pickError} /> : null}
          <div>
            <Button
              onClick={() => {
                setPicking(false);
                opener.restore();
              }}
            >
              {t('svc.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {editing ? <ContractForm key={editing.accountId} editing={editing} levels={levels} onClose={close} /> : null}
      {first.status === 'error' ? <ErrorNotice error={first.error} onRetry={first.reload} /> : null}
      {first.status === 'loading' && !first.data ? <Spinner size="small" /> : null}
      {first.data && items.length === 0 ? <Text className={styles.muted}>{t('svc.noContracts')}</Text> : null}
      <ul className={styles.list} aria-labelledby="service-contracts-heading" data-ready-key={first.status === 'ready' ? 'service-contracts' : undefined}>
        {items.map((contract) => (
          <ContractItem
            key={contract.accountId}
            contract={contract}
            onEdit={() => {
              setDone(null);
              setPicking(false);
              setEditing({ accountId: contract.accountId, accountName: contract.accountName, contract });
            }}
            onEnded={() => {
              setDone(t('svc.removed', { account: contract.accountName }));
              reload();
            }}
            onStale={reload}
          />
        ))}
      </ul>
      {more.error ? <ErrorNotice error={more.error} onRetry={() => void more.showMore()} /> : null}
      {nextCursor ? (
        <div>
          <Button disabled={more.loading} onClick={() => void more.showMore()}>
            {t('svc.more')}
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function ContractItem({
  contract,
  onEdit,
  onEnded,
  onStale,
}: {
  contract: ServiceContractListed;
  onEdit: () => void;
  onEnded: () => void;
  onStale: () => void;
}) {
  const styles = useTabStyles();
  const { t, date } = useServiceAdminT();
  const { api } = useServices();
  const [confirming, setConfirming] = useState(false);
  const opener = useOpenerFocus();
  const { busy, error, submit } = useSubmit(() => api('deleteServiceContract', { params: { id: contract.accountId }, ifMatch: contract.etag }), onEnded);
  const named = PRIORITIES.filter((p) => contract.levels[p]);
  return (
    <li className={styles.item} data-account-id={contract.accountId}>
      <Text weight="semibold">
        {contract.accountName}: {contract.name ?? t('svc.unnamed')}
      </Text>
      <Text className={styles.muted}>{contract.validUntil ? t('svc.validUntilShown', { date: date(contract.validUntil) }) : t('svc.noEnd')}</Text>
      {named.length === 0 ? <Text className={styles.muted}>{t('svc.ownLevels')}</Text> : null}
      {named.length > 0 ? (
        <ul className={styles.muted} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
          {named.map((p) => (
            <li key={p}>
              {t('svc.levelShown', {
                priority: t(`svc.priority.${p}`),
                first: contract.levels[p]!.firstResponseHours,
                resolution: contract.levels[p]!.resolutionHours,
              })}
            </li>
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <div className={styles.form} role="group" aria-label={t('svc.removeOf', { account: contract.accountName })}>
          <Text>{t('svc.removeConfirm', { account: contract.accountName })}</Text>
          <div className={styles.row}>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()} autoFocus>
              {t('svc.removeYes')}
            </Button>
            <Button
              disabled={busy}
              onClick={() => {
                setConfirming(false);
                opener.restore();
              }}
            >
              {t('svc.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <div className={styles.row}>
          <Button onClick={onEdit} aria-label={t('svc.editOf', { account: contract.accountName })}>
            {t('svc.edit')}
          </Button>
          <Button ref={opener.ref} onClick={() => setConfirming(true)} aria-label={t('svc.removeOf', { account: contract.accountName })}>
            {t('svc.remove')}
          </Button>
        </div>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {error instanceof ApiError && (error.kind === 'changed' || error.kind === 'not-found') ? <Button onClick={onStale}>{t('svc.reload')}</Button> : null}
    </li>
  );
}

interface ContractDraft {
  name: string;
  own: Record<Priority, HoursDraft | null>;
  validUntil: string;
}

/** A priority given its own hours starts from the tenant's. */
const startOf = (levels: ServiceLevelSettings | null, p: Priority): HoursDraft => (levels ? hoursDraft(levels[p]) : { first: '', resolution: '' });

const contractDraft = (contract: ServiceContract): ContractDraft => ({
  name: contract.name ?? '',
  own: Object.fromEntries(PRIORITIES.map((p) => [p, contract.levels[p] ? hoursDraft(contract.levels[p]) : null])) as ContractDraft['own'],
  validUntil: contract.validUntil ?? '',
});

function ContractForm({
  editing,
  levels,
  onClose,
}: {
  editing: Editing;
  levels: ServiceLevelSettings | null;
  onClose: (message: string | null, stale?: boolean) => void;
}) {
  const styles = useTabStyles();
  const { t } = useServiceAdminT();
  const { api } = useServices();
  const [draft, setDraft] = useState(() => contractDraft(editing.contract));
  const [checked, setChecked] = useState(false);
  const { busy, error, submit } = useSubmit(
    () =>
      api('putServiceContract', {
        params: { id: editing.accountId },
        body: {
          name: draft.name.trim() || null,
          levels: Object.fromEntries(PRIORITIES.flatMap((p) => (draft.own[p] ? [[p, levelOf(draft.own[p])]] : []))),
          validUntil: draft.validUntil || null,
        },
        ifMatch: editing.contract.etag,
      }),
    () => onClose(t('svc.contractSaved', { account: editing.accountName })),
  );
  const valid = PRIORITIES.every((p) => !draft.own[p] || (validHours(draft.own[p].first) && validHours(draft.own[p].resolution)));
  const headingId = `contract-form-${editing.accountId}`;
  return (
    <form
      noValidate
      className={styles.form}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (valid) void submit();
      }}
    >
      <h3 id={headingId} className={styles.subheading}>
        {t('svc.editing', { account: editing.accountName })}
      </h3>
      <Field label={t('svc.contractName')} validationMessage={reasonOf(error, 'name')} style={{ maxWidth: '28rem' }}>
        <Input value={draft.name} maxLength={200} disabled={busy} autoFocus onChange={(_e, d) => setDraft({ ...draft, name: d.value })} />
      </Field>
      {PRIORITIES.map((p) => {
        const own = draft.own[p];
        return (
          <div key={p} className={styles.form}>
            <label>
              <input
                type="checkbox"
                checked={own !== null}
                disabled={busy}
                onChange={(e) => setDraft({ ...draft, own: { ...draft.own, [p]: e.target.checked ? startOf(levels, p) : null } })}
              />{' '}
              {t('svc.ownHours', { priority: t(`svc.priority.${p}`) })}
            </label>
            {own ? (
              <HourFields
                priority={p}
                value={own}
                disabled={busy}
                checked={checked}
                error={error}
                field={`levels.${p}`}
                onChange={(value) => setDraft({ ...draft, own: { ...draft.own, [p]: value } })}
              />
            ) : null}
          </div>
        );
      })}
      <Field label={t('svc.validUntil')} validationMessage={reasonOf(error, 'validUntil')} style={{ maxWidth: '14rem' }}>
        <Input type="date" value={draft.validUntil} disabled={busy} onChange={(_e, d) => setDraft({ ...draft, validUntil: d.value })} />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={busy}>
          {t('svc.saveContract')}
        </Button>
        <Button disabled={busy} onClick={() => onClose(null)}>
          {t('svc.cancel')}
        </Button>
        {busy ? <Spinner size="tiny" label={t('svc.saving')} /> : null}
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {error instanceof ApiError && error.kind === 'changed' ? <Button onClick={() => onClose(null, true)}>{t('svc.reload')}</Button> : null}
    </form>
  );
}
