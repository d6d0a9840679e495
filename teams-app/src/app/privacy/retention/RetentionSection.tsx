// The privacy tab's retention section: the policy of every data class (view, edit, save with If-Match), a preview of
// what a run would do now (counts per policy and the oldest records), the run of exactly that preview, and every run.
import { Button, Checkbox, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { RetentionAction, RetentionDataClass, RetentionPolicies, RetentionPolicySetting, RetentionPreview, RetentionRun } from '@crm/common';
import { DoneNotice, ErrorNotice, useSubmit, useTexts } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad } from '../../use-load';
import { PrivacyTexts } from '../section-texts';
import { retentionTexts, type RetentionKey } from './retention-texts';

const useRetentionT = () => useTexts<RetentionKey>();
const RUNS_SHOWN = 20;

// Listed here rather than read from RETENTION_ACTIONS in the contracts, which would pull zod into the tab; the Record
// type keeps it complete.
const ACTIONS: Record<RetentionDataClass, readonly RetentionAction[]> = {
  inactive_contacts: ['anonymise'],
  email_meeting_interactions: ['anonymise', 'delete'],
  note_chat_web_form_interactions: ['anonymise', 'delete'],
  read_audit: ['delete'],
  consent_proofs: ['delete'],
};

type Draft = Omit<RetentionPolicySetting, 'periodMonths'> & { periodMonths: string };

const draftOf = (policies: RetentionPolicies): Draft[] =>
  policies.policies.map(({ dataClass, enabled, periodMonths, action, fromEndOfYear }) => ({
    dataClass,
    enabled,
    periodMonths: String(periodMonths),
    action,
    fromEndOfYear,
  }));
const validMonths = (text: string) => /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= 1200;

function Policies({ policies, onSaved }: { policies: RetentionPolicies; onSaved: () => void }) {
  const styles = useTabStyles();
  const { t, date, language } = useRetentionT();
  const { api } = useServices();
  const [draft, setDraft] = useState(() => draftOf(policies));
  const [dailyRun, setDailyRun] = useState(policies.dailyRun);
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const change = (i: number, fields: Partial<Draft>) => {
    setDone(false);
    setDraft((current) => current.map((d, j) => (j === i ? { ...d, ...fields } : d)));
  };
  const { busy, error, submit } = useSubmit(
    () =>
      api('putRetentionPolicies', {
        query: { lang: language },
        body: { dailyRun, policies: draft.map((d) => ({ ...d, periodMonths: Number(d.periodMonths) })) },
        ifMatch: policies.etag,
      }),
    () => {
      setDone(true);
      onSaved();
    },
  );
  return (
    // The periods are checked here, so the message names the policy in the tab's language instead of the browser's.
    <form
      noValidate
      className={styles.form}
      aria-labelledby="retention-policies-heading"
      onSubmit={(e) => {
        e.preventDefault();
        setChecked(true);
        if (draft.every((d) => validMonths(d.periodMonths))) void submit();
      }}
    >
      <Text className={styles.muted} data-testid="retention-state">
        {policies.saved ? t('retention.savedAt', { date: date(policies.updatedAt ?? '') }) : t('retention.defaults')}
      </Text>
      <ul className={styles.list}>
        {policies.policies.map((policy, i) => {
          const d = draft[i]!;
          const name = t(`retention.class.${policy.dataClass}`);
          return (
            <li key={policy.dataClass} className={styles.card} data-policy={policy.dataClass}>
              <fieldset className={styles.fieldset}>
                <legend className={styles.subheading}>{name}</legend>
                <div className={styles.form}>
                  <Checkbox label={t('retention.enabled')} checked={d.enabled} onChange={(_e, data) => change(i, { enabled: data.checked === true })} />
                  <div className={styles.row}>
                    <Field label={t('retention.period')} validationMessage={checked && !validMonths(d.periodMonths) ? t('retention.periodInvalid') : undefined}>
                      <Input type="number" min={1} max={1200} value={d.periodMonths} onChange={(_e, data) => change(i, { periodMonths: data.value })} />
                    </Field>
                    <Field label={t('retention.action')}>
                      <Select value={d.action} onChange={(_e, data) => change(i, { action: data.value as RetentionAction })}>
                        {ACTIONS[policy.dataClass].map((action) => (
                          <option key={action} value={action}>
                            {t(`retention.action.${action}`)}
                          </option>
                        ))}
                      </Select>
                    </Field>
                  </div>
                  <Checkbox
                    label={t('retention.fromEndOfYear')}
                    checked={d.fromEndOfYear}
                    onChange={(_e, data) => change(i, { fromEndOfYear: data.checked === true })}
                  />
                  <Text size={200}>{t('retention.removes', { text: policy.removes })}</Text>
                  <Text size={200}>{t('retention.keeps', { text: policy.keeps })}</Text>
                  <Text size={200} className={styles.muted}>
                    {t('retention.basis', { text: policy.basis })}
                  </Text>
                  {!policy.available ? (
                    <Text size={200} className={styles.danger}>
                      {t('retention.unavailable')}
                    </Text>
                  ) : null}
                </div>
              </fieldset>
            </li>
          );
        })}
      </ul>
      <Checkbox
        label={t('retention.dailyRun')}
        checked={dailyRun}
        onChange={(_e, data) => {
          setDone(false);
          setDailyRun(data.checked === true);
        }}
      />
      {error ? <ErrorNotice error={error} /> : null}
      {done ? <DoneNotice text={t('retention.saved')} /> : null}
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {t('retention.save')}
        </Button>
      </div>
    </form>
  );
}

function PolicyCounts({ run }: { run: RetentionRun }) {
  const { t, date } = useRetentionT();
  return (
    <ul data-testid="retention-counts">
      {run.policies.map((p) => (
        <li key={p.dataClass} data-policy={p.dataClass}>
          {run.status === 'planned'
            ? t('retention.policyCounts', {
                class: t(`retention.class.${p.dataClass}`),
                planned: p.planned,
                action: t(`retention.action.${p.action}`),
                cutoff: date(p.cutoff),
              })
            : t('retention.runCounts', { class: t(`retention.class.${p.dataClass}`), done: p.done, planned: p.planned, skipped: p.skipped })}
        </li>
      ))}
    </ul>
  );
}

function PreviewAndRun({ onChanged }: { onChanged: () => void }) {
  const styles = useTabStyles();
  const { t, date, dateTime } = useRetentionT();
  const { api } = useServices();
  const [preview, setPreview] = useState<RetentionPreview | null>(null);
  const [run, setRun] = useState<RetentionRun | null>(null);
  const previewing = useSubmit(
    async () => (await api('previewRetention', {})).data,
    (result) => {
      setRun(null);
      setPreview(result);
      onChanged();
    },
  );
  const running = useSubmit(
    async () => (await api('runRetention', { body: { runId: preview!.runId } })).data,
    (result) => {
      setRun(result);
      onChanged();
    },
  );
  const due = preview?.policies.reduce((sum, p) => sum + p.planned, 0) ?? 0;
  return (
    <Card headingId="retention-preview-heading" heading={t('retention.previewHeading')} testId="retention-preview">
      <Text className={styles.muted}>{t('retention.previewHint')}</Text>
      <div className={styles.row}>
        <Button onClick={() => void previewing.submit()} disabled={previewing.busy || running.busy}>
          {t('retention.preview')}
        </Button>
        {preview && !run ? (
          <Button appearance="primary" onClick={() => void running.submit()} disabled={running.busy || due === 0}>
            {t('retention.run')}
          </Button>
        ) : null}
      </div>
      {previewing.error ? <ErrorNotice error={previewing.error} /> : null}
      {running.error ? <ErrorNotice error={running.error} /> : null}
      {preview ? (
        <div className={styles.form} data-run-id={preview.runId}>
          <h3 className={styles.subheading}>{t('retention.planned', { date: dateTime(preview.asOf) })}</h3>
          {due === 0 ? <Text>{t('retention.nothing')}</Text> : null}
          <PolicyCounts run={preview} />
          {preview.samples
            .filter((sample) => sample.records.length > 0)
            .map((sample) => (
              <div key={sample.dataClass} data-samples={sample.dataClass}>
                <Text weight="semibold">{t('retention.samples', { class: t(`retention.class.${sample.dataClass}`) })}</Text>
                <ul>
                  {sample.records.map((record) => (
                    <li key={record.id}>
                      {record.label} · {date(record.date)}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </div>
      ) : null}
      {run ? (
        <div data-testid="retention-ran">
          <DoneNotice text={t('retention.ran', { status: t(`retention.status.${run.status}`), progress: run.progress })} />
          <PolicyCounts run={run} />
        </div>
      ) : null}
    </Card>
  );
}

function Runs({ runs }: { runs: RetentionRun[] }) {
  const styles = useTabStyles();
  const { t, dateTime } = useRetentionT();
  return (
    <Card headingId="retention-runs-heading" heading={t('retention.runs')} testId="retention-runs">
      {runs.length === 0 ? <Text className={styles.muted}>{t('retention.noRuns')}</Text> : null}
      <ul className={styles.list}>
        {runs.map((run) => (
          <li key={run.runId} className={styles.item} data-run-id={run.runId} data-status={run.status}>
            <Text weight="semibold">
              {t('retention.runLine', {
                date: dateTime(run.createdAt),
                trigger: t(`retention.trigger.${run.trigger}`),
                status: t(`retention.status.${run.status}`),
                progress: run.progress,
              })}
            </Text>
            <PolicyCounts run={run} />
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Retention() {
  const styles = useTabStyles();
  const { t, language } = useRetentionT();
  const { api } = useServices();
  // What each policy removes and keeps, and why, in the tab's language, not the browser's.
  const policies = useLoad(async (signal) => (await api('getRetentionPolicies', { query: { lang: language }, signal })).data, `retention-policies-${language}`);
  const runs = useLoad(async (signal) => (await api('listRetentionRuns', { query: { limit: RUNS_SHOWN }, signal })).data.items, 'retention-runs');
  return (
    <div className={styles.stack} data-ready-key={policies.data && runs.data ? 'retention' : undefined}>
      {policies.status === 'error' ? <ErrorNotice error={policies.error} onRetry={policies.reload} /> : null}
      {!policies.data && policies.status === 'loading' ? <Spinner label={t('retention.loading')} /> : null}
      {policies.data ? (
        <Card headingId="retention-policies-heading" heading={t('retention.policies')} testId="retention-policies">
          <Policies policies={policies.data} onSaved={policies.reload} />
        </Card>
      ) : null}
      <PreviewAndRun onChanged={runs.reload} />
      {runs.status === 'error' ? <ErrorNotice error={runs.error} onRetry={runs.reload} /> : null}
      {runs.data ? <Runs runs={runs.data} /> : null}
    </div>
  );
}

export function RetentionSection() {
  return (
    <PrivacyTexts section={retentionTexts}>
      <Retention />
    </PrivacyTexts>
  );
}
