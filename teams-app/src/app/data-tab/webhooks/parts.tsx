// What the webhooks page's forms share: its texts, the https check made before anything is sent, and the events to
// choose from (native checkboxes: Fluent's Checkbox would land in the tab's first download).
import { Text } from '@fluentui/react-components';
import type { WebhookEventType } from '@crm/common';
import { useTexts, WEBHOOK_EVENT_TYPES } from '@crm/common/web';
import { useTabStyles } from '../../styles';
import type { WebhookKey } from './webhook-texts';

export const useHooksT = () => useTexts<WebhookKey>();

export const isHttps = (text: string) => {
  try {
    return new URL(text.trim()).protocol === 'https:';
  } catch {
    return false;
  }
};

/** `missing`: the form was sent without an event, so the fieldset says one is needed. */
export function EventsFieldset({
  events,
  onChange,
  disabled,
  missing,
}: {
  events: readonly WebhookEventType[];
  onChange: (events: WebhookEventType[]) => void;
  disabled: boolean;
  missing: boolean;
}) {
  const styles = useTabStyles();
  const { t } = useHooksT();
  const all = events.length === WEBHOOK_EVENT_TYPES.length;
  const toggle = (event: WebhookEventType, on: boolean) => onChange(on ? [...events, event] : events.filter((e) => e !== event));
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t('hooks.eventsLegend')}</legend>
      <label>
        <input type="checkbox" checked={all} disabled={disabled} onChange={(e) => onChange(e.target.checked ? [...WEBHOOK_EVENT_TYPES] : [])} /> {t('hooks.all')}
      </label>
      <div className={styles.row}>
        {WEBHOOK_EVENT_TYPES.map((event) => (
          <label key={event}>
            <input type="checkbox" checked={events.includes(event)} disabled={disabled} onChange={(e) => toggle(event, e.target.checked)} /> {event}
          </label>
        ))}
      </div>
      {missing && events.length === 0 ? (
        <Text className={styles.danger} role="alert">
          {t('hooks.eventsMissing')}
        </Text>
      ) : null}
    </fieldset>
  );
}
