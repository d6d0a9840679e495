// The tenant's service levels: hours per priority, whom overdue cases escalate to, and the business hours the hours
// count in. Administrators change them (PUT /api/settings with If-Match, the whole settings document as read);
// managers read them. A 400 puts the server's reason at the field it names; a 412 offers to reload.
import { Button, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { Me, ServiceLevelSettings, TenantSettingsResponse } from '@crm/common';
import { ApiError, DoneNotice, ErrorNotice, mayAccess, useSubmit } from '@crm/common/web';
import { useState } from 'react';
import { Card } from '../../Card';
import type { Colleague } from '../../personal/service/colleagues';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useLoad, type Load } from '../../use-load';
import { reasonOf } from '../field-reason';
import { HourFields, hoursDraft, levelOf, PRIORITIES, useServiceAdminT, validHours, type HoursDraft, type Priority } from './hours';

const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_HOURS = { timeZone: 'Europe/Berlin', days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00', holidays: [] as string[] };

interface Draft {
  levels: Record<Priority, HoursDraft>;
  escalateTo: string;
  businessHours: boolean;
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  holidays: string;
}

function draftOf(levels: ServiceLevelSettings): Draft {
  const hours = levels.businessHours ?? DEFAULT_HOURS;
  return {
    levels: { low: hoursDraft(levels.low), normal: hoursDraft(levels.normal), high: hoursDraft(levels.high), urgent: hoursDraft(levels.urgent) },
    escalateTo: levels.escalateTo ?? '',
    businessHours: levels.businessHours !== null,
    timeZone: hours.timeZone,
    days: [...hours.days],
    start: hours.start,
    end: hours.end,
    holidays: hours.holidays.join('\n'),
  };
}

const holidayLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

function levelsOf(draft: Draft): ServiceLevelSettings {
  return {
    low: levelOf(draft.levels.low),
    normal: levelOf(draft.levels.normal),
    high: levelOf(draft.levels.high),
    urgent: levelOf(draft.levels.urgent),
    escalateTo: draft.escalateTo || null,
    businessHours: draft.businessHours
      ? { timeZone: draft.timeZone.trim(), days: [...draft.days].sort(), start: draft.start, end: draft.end, holidays: holidayLines(draft.holidays) }
      : null,
  };
}

export function ServiceLevels({ me, settings }: { me: Me; settings: Load<TenantSettingsResponse> & { reload: () => void } }) {
  const { t } = useServiceAdminT();
  const { api } = useServices();
  const colleagues = useLoad(async (signal) => (await api('listColleagues', { signal })).data.items, 'colleagues');
  return (
    <Card headingId="service-levels-heading" heading={t('svc.levels')} testId="service-levels">
      <Text>{t('svc.levelsIntro')}</Text>
      {settings.status === 'error' ? <ErrorNotice error={settings.error} onRetry={settings.reload} /> : null}
      {settings.status === 'loading' && !settings.data ? <Spinner size="small" label={t('svc.loading')} /> : null}
      {settings.data ? (
        // A new version read (after a reload) starts a new draft.
        <LevelsForm key={settings.data.etag} settings={settings.data} colleagues={colleagues.data ?? []} me={me} onReload={settings.reload} />
      ) : null}
    </Card>
  );
}

function LevelsForm({ settings, colleagues, me, onReload }: { settings: TenantSettingsResponse; colleagues: Colleague[]; me: Me; onReload: () => void }) {
  const styles = useTabStyles();
  const { t } = useServiceAdminT();
  const { api } = useServices();
  const admin = mayAccess(me.roles, 'admin');
  // The settings as last read or saved: the next save sends their other fields back unchanged, with their version.
  const [base, setBase] = useState(settings);
  // The API reads a tenant that never saved service levels with their defaults, so the answer always has them.
  const [draft, setDraft] = useState(() => draftOf(settings.serviceLevels!));
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState(false);
  const change = (fields: Partial<Draft>) => {
    setDone(false);
    setDraft((d) => ({ ...d, ...fields }));
  };
  const { busy, error, submit } = useSubmit(
    () => {
      const { etag, ...document } = base;
      return api('putSettings', { body: { ...document, serviceLevels: levelsOf(draft) }, ifMatch: etag });
    },
    (saved) => {
      setBase(saved.data);
      setDone(true);
    },
  );
  const badHoliday = draft.businessHours ? holidayLines(draft.holidays).find((line) => !DATE.test(line)) : undefined;
  const valid =
    PRIORITIES.every((p) => validHours(draft.levels[p].first) && validHours(draft.levels[p].resolution)) &&
    (!draft.businessHours || (draft.days.length > 0 && !badHoliday));
  const off = !admin || busy;
  const hoursField = (name: string) => reasonOf(error, `serviceLevels.businessHours.${name}`);
  const known = colleagues.some((c) => c.id === draft.escalateTo);
  return (
    // Checked here, so the messages are in the tab's language instead of the browser's.
    <form
      noValidate
      className={styles.form}
      aria-labelledby="service-levels-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setChecked(true);
        if (valid) void submit();
      }}
    >
      {!admin ? <Text className={styles.muted}>{t('svc.adminOnly')}</Text> : null}
      {PRIORITIES.map((p) => (
        <HourFields
          key={p}
          priority={p}
          value={draft.levels[p]}
          disabled={off}
          checked={checked}
          error={error}
          field={`serviceLevels.${p}`}
          onChange={(value) => change({ levels: { ...draft.levels, [p]: value } })}
        />
      ))}
      <Field label={t('svc.escalateTo')} validationMessage={reasonOf(error, 'serviceLevels.escalateTo')} style={{ maxWidth: '32rem' }}>
        <Select value={draft.escalateTo} disabled={off} onChange={(_e, d) => change({ escalateTo: d.value })}>
          <option value="">{t('svc.escalateTo.owner')}</option>
          {colleagues.map((c) => (
            <option key={c.id} value={c.id}>
              {c.displayName}
            </option>
          ))}
          {draft.escalateTo && !known ? <option value={draft.escalateTo}>{t('svc.escalateTo.unknown', { id: draft.escalateTo })}</option> : null}
        </Select>
      </Field>
      <fieldset className={styles.fieldset} data-testid="business-hours">
        <legend className={styles.subheading}>{t('svc.businessHours')}</legend>
        {/* Native checkboxes: Fluent's Checkbox would land in the tab's first download. */}
        <label>
          <input type="checkbox" checked={draft.businessHours} disabled={off} onChange={(e) => change({ businessHours: e.target.checked })} />{' '}
          {t('svc.businessHours.on')}
        </label>
        {!draft.businessHours ? <Text className={styles.muted}>{t('svc.businessHours.off')}</Text> : null}
        {draft.businessHours ? (
          <div className={styles.form}>
            <Field label={t('svc.timeZone')} validationMessage={hoursField('timeZone')} style={{ maxWidth: '20rem' }}>
              <Input value={draft.timeZone} disabled={off} onChange={(_e, d) => change({ timeZone: d.value })} />
            </Field>
            <fieldset className={styles.fieldset}>
              <legend>{t('svc.days')}</legend>
              <div className={styles.row}>
                {DAYS.map((day) => (
                  <label key={day}>
                    <input
                      type="checkbox"
                      checked={draft.days.includes(day)}
                      disabled={off}
                      onChange={(e) => change({ days: e.target.checked ? [...draft.days, day] : draft.days.filter((d) => d !== day) })}
                    />{' '}
                    {t(`svc.day.${day}`)}
                  </label>
                ))}
              </div>
              {checked && draft.days.length === 0 ? (
                <Text className={styles.danger} role="alert">
                  {t('svc.daysMissing')}
                </Text>
              ) : null}
              {reasonOf(error, 'serviceLevels.businessHours.days') ? <Text className={styles.danger}>{hoursField('days')}</Text> : null}
            </fieldset>
            <div className={styles.row}>
              <Field label={t('svc.opens')} validationMessage={hoursField('start')}>
                <Input type="time" value={draft.start} disabled={off} onChange={(_e, d) => change({ start: d.value })} />
              </Field>
              <Field label={t('svc.closes')} validationMessage={hoursField('end')}>
                <Input type="time" value={draft.end} disabled={off} onChange={(_e, d) => change({ end: d.value })} />
              </Field>
            </div>
            <Field
              label={t('svc.holidays')}
              validationMessage={checked && badHoliday ? t('svc.holidaysInvalid', { line: badHoliday }) : hoursField('holidays')}
              style={{ maxWidth: '20rem' }}
            >
              {/* A native textarea: Fluent's would land in the tab's first download (see DataTab.tsx). */}
              {(props) => (
                <textarea {...props} style={{ font: 'inherit' }} value={draft.holidays} disabled={off} rows={4} onChange={(e) => change({ holidays: e.target.value })} />
              )}
            </Field>
          </div>
        ) : null}
      </fieldset>
      {admin ? (
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('svc.save')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('svc.saving')} /> : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      {error instanceof ApiError && error.kind === 'changed' ? <Button onClick={onReload}>{t('svc.reload')}</Button> : null}
      {done ? <DoneNotice text={t('svc.saved')} /> : null}
    </form>
  );
}
