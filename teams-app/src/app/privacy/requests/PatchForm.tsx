// One change of a data subject request as a form: sent with the version on screen (If-Match); a 412 names the colleague
// who changed it since and makes the detail load again. Every piece of work on a request goes through it.
import { MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import type { PrivacyRequest, PrivacyRequestPatch } from '@crm/common';
import { ApiError, ErrorNotice, FormActions, useSubmit } from '@crm/common/web';
import { useState, type ReactNode } from 'react';
import { useServices } from '../../services';
import { useTabStyles } from '../../styles';
import { useRequestT } from './request-texts';

/** What every form of the detail gets: the request on screen and what to do after a save, a 412 or a cancel. */
export interface WorkProps {
  request: PrivacyRequest;
  onSaved: (request: PrivacyRequest) => void;
  onStale: () => void;
  onCancel: () => void;
}

interface LastChange {
  by: { id: string; name: string } | null;
  at: string;
}

/** A 412 names who changed the request since it was read (the shared write path sends lastChange), else the error as usual. */
function SaveError({ error }: { error: unknown }) {
  const { t, dateTime } = useRequestT();
  if (!(error instanceof ApiError && error.status === 412)) return <ErrorNotice error={error} />;
  const last = error.problem?.lastChange as LastChange | undefined;
  return (
    <MessageBar intent="warning" role="alert" layout="multiline" data-testid="request-conflict">
      <MessageBarBody>
        {last?.by
          ? t('request.changedBy', { who: last.by.name || t('request.someone'), at: dateTime(last.at) })
          : t('request.changedByUnknown')}
      </MessageBarBody>
    </MessageBar>
  );
}

/** One change of the request, sent with the version on screen; on a 412 the detail reloads to show the colleague's change. */
export function PatchForm({
  label,
  submitLabel,
  makePatch,
  onSaved,
  onStale,
  onCancel,
  request,
  children,
}: {
  label: string;
  submitLabel: string;
  makePatch: () => PrivacyRequestPatch | string;
  children: ReactNode;
} & WorkProps) {
  const styles = useTabStyles();
  const { api } = useServices();
  const [refusal, setRefusal] = useState<string | null>(null);
  const { busy, error, submit } = useSubmit(async () => {
    try {
      return (await api('updatePrivacyRequest', { params: { id: request.id }, body: makePatch() as PrivacyRequestPatch, ifMatch: request.etag })).data;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412) onStale();
      throw e;
    }
  }, onSaved);
  return (
    <form
      className={styles.form}
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        const patch = makePatch();
        setRefusal(typeof patch === 'string' ? patch : null);
        if (typeof patch !== 'string') void submit();
      }}
    >
      {children}
      {refusal ? (
        <Text role="alert" className={styles.danger}>
          {refusal}
        </Text>
      ) : null}
      {error ? <SaveError error={error} /> : null}
      <FormActions busy={busy} submitLabel={submitLabel} onCancel={onCancel} />
    </form>
  );
}

