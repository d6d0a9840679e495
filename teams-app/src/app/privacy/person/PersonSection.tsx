// The privacy tab's person view: find a contact (restricted ones too, the officer sees them), what is stored about them,
// and the data subject rights on it: export (Art. 15, 20), restriction and its lifting (Art. 18), erasure (Art. 17).
import { Badge, Button, Field, Spinner, Text, Textarea } from '@fluentui/react-components';
import type { Contact, ErasureResult } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, FormActions, useSubmit, useTexts } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { readActionText, type PrivacyKey } from '../privacy-texts';
import { ModalDialog } from '../ModalDialog';
import type { SaveFile } from '../../data-tab/save-file';
import { ContactFinder } from '../ContactFinder';
import { PrivacyTexts } from '../section-texts';
import { personTexts, type PersonKey } from './person-texts';

const usePersonT = () => useTexts<PersonKey | PrivacyKey>();

function ReasonForm({ label, onSubmit, onCancel }: { label: string; onSubmit: (reason: string) => Promise<void>; onCancel: () => void }) {
  const styles = useTabStyles();
  const { t } = usePersonT();
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(
    () => onSubmit(reason.trim()),
    () => undefined,
  );
  return (
    <form
      className={styles.form}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={t('person.reason')} required>
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={2000} required autoFocus resize="vertical" />
      </Field>
      {error ? <ErrorNotice error={error} /> : null}
      <FormActions busy={busy} submitLabel={label} onCancel={onCancel} />
    </form>
  );
}

function EraseDialog({ contact, onErased, onClose }: { contact: Contact; onErased: (result: ErasureResult) => void; onClose: () => void }) {
  const styles = useTabStyles();
  const { t } = usePersonT();
  const { api } = useServices();
  const [reason, setReason] = useState('');
  const { busy, error, submit } = useSubmit(
    async () => (await api('eraseContact', { params: { id: contact.id }, body: { reason: reason.trim() }, ifMatch: contact.etag })).data,
    onErased,
  );
  return (
    <ModalDialog title={t('person.eraseTitle', { name: contact.displayName })} onCancel={() => !busy && onClose()}>
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Text>{t('person.eraseWarning')}</Text>
        <Field label={t('person.reason')} required>
          <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={2000} required resize="vertical" />
        </Field>
        {error ? <ErrorNotice error={error} /> : null}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
            {t('person.eraseConfirm')}
          </Button>
          <Button type="button" onClick={onClose} disabled={busy}>
            {t('person.cancel')}
          </Button>
        </div>
      </form>
    </ModalDialog>
  );
}

/** The erasure's answer as the officer reports it to the person: what went, and what the law made us keep and why. */
function Erased({ name, result }: { name: string; result: ErasureResult }) {
  const styles = useTabStyles();
  const { t, date } = usePersonT();
  const kept = [
    ...(result.keptWithdrawalProofs > 0 ? [t('person.keptProofs', { count: result.keptWithdrawalProofs })] : []),
    ...(result.retained.interactions > 0
      ? [
          t('person.keptLetters', {
            count: result.retained.interactions,
            until: result.retained.until ? date(`${result.retained.until}T12:00:00Z`) : '–',
            basis: result.retained.legalBasis ?? '–',
          }),
        ]
      : []),
  ];
  return (
    <Card headingId="person-erased-heading" heading={t('person.erased', { name, date: date(result.erasedAt) })} testId="person-erased">
      <DoneNotice text={t('person.erasedBlocked', { count: result.blockedAddresses })} />
      <Text>{t('person.erasedDeleted', result.deleted)}</Text>
      {result.unlinkedInteractions > 0 ? <Text>{t('person.erasedUnlinked', { count: result.unlinkedInteractions })}</Text> : null}
      <h3 className={styles.subheading}>{t('person.keptTitle')}</h3>
      {kept.length === 0 ? (
        <Text className={styles.muted}>{t('person.keptNothing')}</Text>
      ) : (
        <ul data-testid="person-kept">
          {kept.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function Fact({ label, value, name }: { label: string; value: number; name: string }) {
  const styles = useTabStyles();
  return (
    <div className={styles.figure} data-fact={name}>
      <dt className={styles.muted}>{label}</dt>
      <dd className={styles.figureValue}>{value}</dd>
    </div>
  );
}

type Mode = 'idle' | 'restrict' | 'lift' | 'erase';

function Person({ contactId, save, onErased }: { contactId: string; save: SaveFile; onErased: (name: string, result: ErasureResult) => void }) {
  const styles = useTabStyles();
  const { t, date, language } = usePersonT();
  const { api } = useServices();
  const load = useLoad(async (signal) => {
    const [contact, data] = await Promise.all([
      api('getContact', { params: { id: contactId }, signal }),
      api('contactPersonalData', { params: { id: contactId }, query: { format: 'json' }, signal }),
    ]);
    return { contact: contact.data, data: data.data };
  }, contactId);
  const [mode, setMode] = useState<Mode>('idle');
  // Starting another action clears the notice of the last one, which would otherwise take the focus when it ends.
  const start = (next: Mode) => {
    setDone(null);
    setMode(next);
  };
  const [done, setDone] = useState<string | null>(null);
  const exportAs = async (format: 'json' | 'pdf') => {
    if (format === 'pdf') {
      const answer = await api('contactPersonalData', { params: { id: contactId }, query: { format, lang: language } });
      if (!answer.file) throw new ApiError('server', answer.status, null);
      const name = answer.file.name ?? `personal-data-${contactId}-${language}.pdf`;
      save(answer.file.blob, name);
      return name;
    }
    // The JSON document is the answer itself; saved as it came, it is the portable copy of Art. 20.
    const answer = await api('contactPersonalData', { params: { id: contactId }, query: { format } });
    const name = `personal-data-${contactId}.json`;
    save(new Blob([JSON.stringify(answer.data, null, 2)], { type: 'application/json' }), name);
    return name;
  };
  const exported = (name: string) => setDone(t('person.exported', { file: name }));
  const exportJson = useSubmit(() => exportAs('json'), exported);
  const exportPdf = useSubmit(() => exportAs('pdf'), exported);
  const exportError = exportJson.error ?? exportPdf.error;
  if (load.status === 'error') return <ErrorNotice error={load.error} onRetry={load.reload} />;
  if (!load.data) return <Spinner label={t('person.loading')} />;
  const { contact, data } = load.data;
  const restriction = data.restriction;
  const changeRestriction = async (reason: string) => {
    const restricting = mode === 'restrict';
    await api(restricting ? 'restrictContact' : 'liftRestriction', { params: { id: contactId }, body: { reason } });
    setMode('idle');
    setDone(t(restricting ? 'person.restrictDone' : 'person.liftDone', { name: contact.displayName }));
    load.reload();
  };
  const readers = data.reads.length;
  return (
    <Card
      headingId="person-heading"
      heading={contact.displayName}
      testId="person"
      aside={restriction.restricted ? <Badge color="danger">{t('person.restricted')}</Badge> : undefined}
    >
      <div data-ready-key={`person:${contactId}`} data-restricted={restriction.restricted} />
      <Text>{contact.emails.join(', ')}</Text>
      <Text className={styles.muted}>{contact.accountName ? t('person.account', { name: contact.accountName }) : t('person.noAccount')}</Text>
      {restriction.restricted && restriction.restrictedAt ? (
        <Text data-testid="person-restriction">{t('person.restrictedSince', { date: date(restriction.restrictedAt), reason: restriction.reason ?? '' })}</Text>
      ) : null}
      {!restriction.restricted && restriction.liftedAt ? (
        <Text className={styles.muted} data-testid="person-restriction">
          {t('person.liftedOn', { date: date(restriction.liftedAt), reason: restriction.liftReason ?? '' })}
        </Text>
      ) : null}
      <h3 className={styles.subheading}>{t('person.stored')}</h3>
      <dl className={styles.figures}>
        <Fact name="interactions" label={t('person.interactions')} value={data.interactions.length} />
        <Fact name="consents" label={t('person.consents')} value={data.consents.length} />
        <Fact name="tasks" label={t('person.tasks')} value={data.tasks.length} />
        <Fact name="opportunities" label={t('person.opportunities')} value={data.opportunities.length} />
        <Fact name="graphSyncItems" label={t('person.graphItems')} value={data.graphSyncItems.length} />
        <Fact name="reads" label={t('person.reads')} value={data.reads.reduce((sum, r) => sum + r.count, 0)} />
      </dl>
      <h3 className={styles.subheading}>{t('person.processing')}</h3>
      <ul data-testid="person-processing">
        {data.processing.map((p) => (
          <li key={`${p.purpose} ${p.legalBasis}`}>
            {p.purposeText}: {p.legalBasisText}
            {p.channels.length > 0 ? ` (${t('person.channels', { channels: p.channels.join(', ') })})` : ''}
          </li>
        ))}
      </ul>
      <h3 className={styles.subheading}>{t('person.retention')}</h3>
      <Text>{data.retention}</Text>
      {readers > 0 ? (
        <>
          <h3 className={styles.subheading}>{t('person.readers')}</h3>
          <ul data-testid="person-readers">
            {data.reads.map((r) => (
              <li key={`${r.actorId} ${r.action}`}>
                {t('person.reader', {
                  name: r.actorName ?? t('person.someone'),
                  action: readActionText(t, r.action),
                  count: r.count,
                  date: date(r.lastAt),
                })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3 className={styles.subheading}>{t('person.actions')}</h3>
      <div className={styles.row} role="group" aria-label={t('person.actions')}>
        <Button onClick={() => void exportJson.submit()} disabled={exportJson.busy || exportPdf.busy}>
          {t('person.exportJson')}
        </Button>
        <Button onClick={() => void exportPdf.submit()} disabled={exportJson.busy || exportPdf.busy}>
          {t('person.exportPdf')}
        </Button>
        <Button onClick={() => start(restriction.restricted ? 'lift' : 'restrict')} aria-expanded={mode === 'restrict' || mode === 'lift'}>
          {restriction.restricted ? t('person.lift') : t('person.restrict')}
        </Button>
        <Button onClick={() => start('erase')}>{t('person.erase')}</Button>
      </div>
      {exportError ? <ErrorNotice error={exportError} /> : null}
      {done && mode === 'idle' ? <DoneNotice text={done} /> : null}
      {mode === 'restrict' || mode === 'lift' ? (
        <ReasonForm
          key={mode}
          label={t(mode === 'restrict' ? 'person.restrict' : 'person.lift')}
          onSubmit={changeRestriction}
          onCancel={() => setMode('idle')}
        />
      ) : null}
      {mode === 'erase' ? <EraseDialog contact={contact} onErased={(result) => onErased(contact.displayName, result)} onClose={() => setMode('idle')} /> : null}
    </Card>
  );
}

export function PersonSection({ contactId, onOpen, save }: { contactId: string | null; onOpen: (id: string | null) => void; save: SaveFile }) {
  const styles = useTabStyles();
  const [erased, setErased] = useState<{ name: string; result: ErasureResult } | null>(null);
  return (
    <PrivacyTexts section={personTexts}>
      <div className={styles.stack}>
        <ContactFinder onPick={(contact) => onOpen(contact.id)} />
        {erased && !contactId ? <Erased name={erased.name} result={erased.result} /> : null}
        {contactId ? (
          <Person
            key={contactId}
            contactId={contactId}
            save={save}
            onErased={(name, result) => {
              setErased({ name, result });
              onOpen(null);
            }}
          />
        ) : null}
      </div>
    </PrivacyTexts>
  );
}
