// A save refused because a colleague changed the record since it was read (412): who, when and what, what the record
// holds now, and the two ways on: reload (their change, mine dropped) or overwrite (mine, knowing what it replaces).
// In the entry @crm/common/web/versioned-edit with its texts, so it loads with the forms that use it, not up front.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useLayoutEffect, useRef } from 'react';
import { ApiError } from '../api/api-error';
import { useI18n, type Language } from '../i18n/i18n';

/** The latest change of the record, as the API's 412 names it (lastChange in the problem document). */
export interface LastChange {
  by: { id: string; name: string } | null;
  at: string;
  fields: string[];
}

/** The change a 412 names; null for any other error or an API that did not say (read without zod, field by field). */
export function lastChangeOf(error: unknown): LastChange | null {
  if (!(error instanceof ApiError) || error.status !== 412) return null;
  const change = error.problem?.lastChange as Partial<Record<keyof LastChange, unknown>> | undefined;
  if (!change || typeof change.at !== 'string') return null;
  const by = change.by as { id?: unknown; name?: unknown } | null | undefined;
  return {
    by: by && typeof by.id === 'string' ? { id: by.id, name: typeof by.name === 'string' ? by.name : '' } : null,
    at: change.at,
    fields: Array.isArray(change.fields) ? change.fields.filter((f): f is string => typeof f === 'string') : [],
  };
}

const texts = {
  en: {
    by: '{name} changed this record on {time}, after you opened it.',
    byUnknown: 'This record was changed on {time}, after you opened it.',
    someone: 'Someone else changed this record after you opened it.',
    fields: 'Changed: {fields}.',
    now: 'Now: {current}',
    reload: 'Reload (drop my changes)',
    overwrite: 'Overwrite with my changes',
  },
  de: {
    by: '{name} hat diesen Datensatz am {time} geändert, nachdem Sie ihn geöffnet haben.',
    byUnknown: 'Dieser Datensatz wurde am {time} geändert, nachdem Sie ihn geöffnet haben.',
    someone: 'Jemand anderes hat diesen Datensatz geändert, nachdem Sie ihn geöffnet haben.',
    fields: 'Geändert: {fields}.',
    now: 'Jetzt: {current}',
    reload: 'Neu laden (meine Änderungen verwerfen)',
    overwrite: 'Mit meinen Änderungen überschreiben',
  },
} satisfies Record<Language, Record<string, string>>;

export function ChangedNotice({
  change,
  current,
  fieldLabel,
  busy,
  onReload,
  onOverwrite,
}: {
  change: LastChange | null;
  /** What the record holds now, in the record's own words. */
  current: string;
  fieldLabel: (field: string) => string;
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}) {
  const { language, dateTime } = useI18n();
  const t = (key: keyof (typeof texts)['en'], vars: Record<string, string> = {}) =>
    texts[language][key].replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? '');
  const ref = useRef<HTMLDivElement>(null);
  // The form's save button is gone from under the keyboard's focus; the notice takes it, so the choice is read out.
  useLayoutEffect(() => ref.current?.focus(), [change]);
  const when = change ? dateTime(change.at) : '';
  const title = !change ? t('someone') : change.by?.name ? t('by', { name: change.by.name, time: when }) : t('byUnknown', { time: when });
  return (
    <MessageBar ref={ref} intent="warning" layout="multiline" role="alert" tabIndex={-1} data-testid="changed-notice">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {change && change.fields.length > 0 ? <div>{t('fields', { fields: change.fields.map(fieldLabel).join(', ') })}</div> : null}
        <div>{t('now', { current })}</div>
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload} disabled={busy}>
          {t('reload')}
        </Button>
        <Button appearance="primary" onClick={onOverwrite} disabled={busy}>
          {t('overwrite')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
