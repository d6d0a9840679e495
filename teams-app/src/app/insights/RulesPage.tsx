// The Insights tab's "Rules" page: each automation rule with its switch and parameters (administrators change them,
// everyone reads them), "Run now" for administrators with what the run made, and the last runs with each rule's
// follow-ups and their reasons. Loaded when opened. Switches are native checkboxes: Fluent's Switch and Checkbox would
// land in the tab's first download.
import { Button, Field, Input, Select, Spinner, Text } from '@fluentui/react-components';
import type { AutomationRuleName, AutomationRules, AutomationRulesResponse, AutomationRun, Me } from '@crm/common';
import { DoneNotice, ErrorNotice, mayAccess, stageLabelOf, useStages } from '@crm/common/web';
import { useState, type ReactNode } from 'react';
import { Card } from '../Card';
import { useServices } from '../services';
import { useTabStyles } from '../styles';
import { useLoad } from '../use-load';
import { useInsightsT } from './use-insights-t';

const RUNS_SHOWN = 10;
const CLASSES = ['A', 'B', 'C'] as const;
const SEGMENTS = ['champions', 'loyal', 'potential', 'at_risk'] as const;
/** The select's value for "the manager of the account's owner": no user id, the rule's toOwnersManager. */
const OWNERS_MANAGER = 'owners-manager';

/** The editable rules: the answer without its version fields. */
const rulesOf = ({ saved: _saved, updatedAt: _updatedAt, etag: _etag, ...rules }: AutomationRulesResponse): AutomationRules => rules;

/** A day count as typed: empty is null (no limit), anything else a whole number the API checks (1 to 3650). */
const daysOf = (text: string): number | null => (text.trim() === '' ? null : Math.trunc(Number(text)));

function DaysInput({
  label,
  value,
  disabled,
  onChange,
  hint,
}: {
  label: string;
  value: number | null | undefined;
  disabled: boolean;
  onChange: (days: number | null) => void;
  hint?: string;
}) {
  return (
    <Field label={label} hint={hint} style={{ maxWidth: '12rem' }}>
      <Input type="number" min={1} max={3650} value={value == null ? '' : String(value)} disabled={disabled} onChange={(_e, d) => onChange(daysOf(d.value))} />
    </Field>
  );
}

function RuleCard({
  rule,
  enabled,
  disabled,
  onToggle,
  children,
}: {
  rule: AutomationRuleName;
  enabled: boolean;
  disabled: boolean;
  onToggle: (on: boolean) => void;
  children?: ReactNode;
}) {
  const styles = useTabStyles();
  const { t } = useInsightsT();
  return (
    <fieldset className={styles.card} data-rule={rule}>
      <legend className={styles.subheading}>{t(`rules.rule.${rule}`)}</legend>
      <Text className={styles.muted}>{t(`rules.rule.${rule}.how`)}</Text>
      <label>
        <input type="checkbox" checked={enabled} disabled={disabled} onChange={(event) => onToggle(event.target.checked)} /> {t('rules.enabled')}
      </label>
      {children ? <div className={styles.row}>{children}</div> : null}
    </fieldset>
  );
}

function RulesForm({ loaded, me, onSaved }: { loaded: AutomationRulesResponse; me: Me | null; onSaved: (saved: AutomationRulesResponse) => void }) {
  const styles = useTabStyles();
  const { t, dateTime, language } = useInsightsT();
  const { api } = useServices();
  const stages = useStages(api);
  const admin = me ? mayAccess(me.roles, 'admin') : false;
  const [rules, setRules] = useState<AutomationRules>(() => rulesOf(loaded));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const change = (update: (rules: AutomationRules) => AutomationRules) => setRules(update);
  const off = !admin || busy;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const { data } = await api('putAutomationRules', { body: rules, ifMatch: loaded.etag });
      onSaved(data);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const stageKeys = [...new Set([...stages.map((s) => s.key), ...Object.keys(rules.stuckOpportunities.stageLimitDays)])];
  const stageLabel = stageLabelOf(stages, language);
  const escalateTo = rules.openComplaints.escalateTo;
  return (
    <form
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {!admin ? <Text className={styles.muted}>{t('rules.adminOnly')}</Text> : null}
      <Text className={styles.muted}>{loaded.saved && loaded.updatedAt ? t('rules.savedAt', { when: dateTime(loaded.updatedAt) }) : t('rules.defaults')}</Text>
      <label>
        <input type="checkbox" checked={rules.dailyRun} disabled={off} onChange={(event) => change((r) => ({ ...r, dailyRun: event.target.checked }))} />{' '}
        {t('rules.dailyRun')}
      </label>
      <RuleCard
        rule="contactRhythm"
        enabled={rules.contactRhythm.enabled}
        disabled={off}
        onToggle={(enabled) => change((r) => ({ ...r, contactRhythm: { ...r.contactRhythm, enabled } }))}
      >
        {CLASSES.map((c) => (
          <DaysInput
            key={c}
            label={t('rules.class', { class: c })}
            hint={t('rules.noLimit')}
            value={rules.contactRhythm.byAbcClass[c]}
            disabled={off}
            onChange={(days) => change((r) => ({ ...r, contactRhythm: { ...r.contactRhythm, byAbcClass: { ...r.contactRhythm.byAbcClass, [c]: days } } }))}
          />
        ))}
        {SEGMENTS.map((s) => (
          <DaysInput
            key={s}
            label={t('rules.segment', { segment: t(`insights.segment.${s}`) })}
            value={rules.contactRhythm.bySegment[s]}
            disabled={off}
            onChange={(days) =>
              change((r) => {
                const { [s]: _old, ...others } = r.contactRhythm.bySegment;
                return { ...r, contactRhythm: { ...r.contactRhythm, bySegment: days === null ? others : { ...others, [s]: days } } };
              })
            }
          />
        ))}
      </RuleCard>
      <RuleCard
        rule="noAnswer"
        enabled={rules.noAnswer.enabled}
        disabled={off}
        onToggle={(enabled) => change((r) => ({ ...r, noAnswer: { ...r.noAnswer, enabled } }))}
      >
        <DaysInput
          label={t('rules.days')}
          value={rules.noAnswer.days}
          disabled={off}
          onChange={(days) => change((r) => ({ ...r, noAnswer: { ...r.noAnswer, days: days ?? 0 } }))}
        />
      </RuleCard>
      <RuleCard
        rule="stuckOpportunities"
        enabled={rules.stuckOpportunities.enabled}
        disabled={off}
        onToggle={(enabled) => change((r) => ({ ...r, stuckOpportunities: { ...r.stuckOpportunities, enabled } }))}
      >
        <DaysInput
          label={t('rules.defaultLimit')}
          value={rules.stuckOpportunities.defaultLimitDays}
          disabled={off}
          onChange={(days) => change((r) => ({ ...r, stuckOpportunities: { ...r.stuckOpportunities, defaultLimitDays: days ?? 0 } }))}
        />
        {stageKeys.map((key) => (
          <DaysInput
            key={key}
            label={t('rules.stage', { stage: stageLabel(key) })}
            value={rules.stuckOpportunities.stageLimitDays[key]}
            disabled={off}
            onChange={(days) =>
              change((r) => {
                const { [key]: _old, ...others } = r.stuckOpportunities.stageLimitDays;
                return { ...r, stuckOpportunities: { ...r.stuckOpportunities, stageLimitDays: days === null ? others : { ...others, [key]: days } } };
              })
            }
          />
        ))}
      </RuleCard>
      <RuleCard
        rule="openComplaints"
        enabled={rules.openComplaints.enabled}
        disabled={off}
        onToggle={(enabled) => change((r) => ({ ...r, openComplaints: { ...r.openComplaints, enabled } }))}
      >
        <DaysInput
          label={t('rules.days')}
          value={rules.openComplaints.days}
          disabled={off}
          onChange={(days) => change((r) => ({ ...r, openComplaints: { ...r.openComplaints, days: days ?? 0 } }))}
        />
        <Field label={t('rules.escalateTo')}>
          <Select
            value={escalateTo ?? (rules.openComplaints.toOwnersManager ? OWNERS_MANAGER : '')}
            disabled={off}
            onChange={(_e, d) =>
              change((r) => ({
                ...r,
                openComplaints: {
                  ...r.openComplaints,
                  escalateTo: d.value === OWNERS_MANAGER ? null : d.value || null,
                  toOwnersManager: d.value === OWNERS_MANAGER,
                },
              }))
            }
          >
            <option value="">{t('rules.escalateTo.owner')}</option>
            <option value={OWNERS_MANAGER}>{t('rules.escalateTo.ownersManager')}</option>
            {me ? <option value={me.id}>{t('rules.escalateTo.me', { name: me.displayName })}</option> : null}
            {escalateTo && escalateTo !== me?.id ? <option value={escalateTo}>{t('rules.escalateTo.other', { id: escalateTo })}</option> : null}
          </Select>
        </Field>
      </RuleCard>
      <RuleCard rule="atRisk" enabled={rules.atRisk.enabled} disabled={off} onToggle={(enabled) => change((r) => ({ ...r, atRisk: { enabled } }))} />
      {admin ? (
        <div className={styles.row}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {t('rules.save')}
          </Button>
          {busy ? <Spinner size="tiny" label={t('rules.saving')} /> : null}
        </div>
      ) : null}
      {error ? <ErrorNotice error={error} onRetry={() => void save()} /> : null}
    </form>
  );
}

function RunItem({ run }: { run: AutomationRun }) {
  const styles = useTabStyles();
  const { t, dateTime, language, number } = useInsightsT();
  const made = run.rules.flatMap((r) => r.created);
  return (
    <li className={styles.item} data-run-id={run.id}>
      <Text weight="semibold">{t('rules.run.title', { when: dateTime(run.startedAt), trigger: t(`rules.trigger.${run.trigger}`) })}</Text>
      <ul className={styles.muted} style={{ margin: 0, paddingInlineStart: '1.2em' }}>
        {run.rules.map((outcome) => (
          <li key={outcome.rule} data-outcome={outcome.rule}>
            {outcome.enabled
              ? t('rules.outcome', { rule: t(`rules.rule.${outcome.rule}`), created: number(outcome.created.length), already: number(outcome.alreadyCreated) })
              : t('rules.outcome.off', { rule: t(`rules.rule.${outcome.rule}`) })}
          </li>
        ))}
      </ul>
      {made.length > 0 ? (
        <details>
          <summary>{t('rules.followUps', { count: number(made.length) })}</summary>
          <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
            {made.map((f) => (
              <li key={f.taskId} data-task-id={f.taskId}>
                {t(`rules.rule.${f.rule}`)}: {f.reason[language]}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

export function RulesPage() {
  const styles = useTabStyles();
  const { t, number } = useInsightsT();
  const { api } = useServices();
  const me = useLoad(async (signal) => (await api('me', { signal })).data, 'me');
  const rules = useLoad(async (signal) => (await api('getAutomationRules', { signal })).data, 'rules');
  const runs = useLoad(async (signal) => (await api('listAutomationRuns', { query: { limit: RUNS_SHOWN }, signal })).data, 'runs');
  const [saved, setSaved] = useState<AutomationRulesResponse | null>(null);
  const [running, setRunning] = useState(false);
  const [runError, setRunError] = useState<unknown>(null);
  const [ran, setRan] = useState<AutomationRun | null>(null);
  const admin = me.data ? mayAccess(me.data.roles, 'admin') : false;
  const current = saved ?? rules.data;
  const runNow = async () => {
    setRunning(true);
    setRunError(null);
    setRan(null);
    try {
      setRan((await api('runAutomation', {})).data);
      runs.reload();
    } catch (e) {
      setRunError(e);
    } finally {
      setRunning(false);
    }
  };
  return (
    <div className={styles.stack} data-ready-key={current && runs.data && me.data ? 'rules' : undefined}>
      <Card headingId="rules-heading" heading={t('rules.heading')} testId="rules">
        <Text className={styles.muted}>{t('rules.intro')}</Text>
        {rules.status === 'error' ? <ErrorNotice error={rules.error} onRetry={rules.reload} /> : null}
        {me.status === 'error' ? <ErrorNotice error={me.error} onRetry={me.reload} /> : null}
        {!current ? <Spinner size="small" label={t('rules.loading')} /> : null}
        {/* A saved answer remounts the form with its new ETag, so the notice lives out here. */}
        {current && me.status !== 'loading' ? <RulesForm key={current.etag} loaded={current} me={me.data} onSaved={setSaved} /> : null}
        {saved ? <DoneNotice text={t('rules.saved')} /> : null}
      </Card>
      <Card
        headingId="runs-heading"
        heading={t('rules.runs')}
        testId="runs"
        aside={
          admin ? (
            <Button onClick={() => void runNow()} disabled={running}>
              {t('rules.run')}
            </Button>
          ) : undefined
        }
      >
        {running ? <Spinner size="tiny" label={t('rules.running')} /> : null}
        {runError ? <ErrorNotice error={runError} onRetry={() => void runNow()} /> : null}
        {ran ? <DoneNotice text={t('rules.ran', { count: number(ran.rules.reduce((sum, r) => sum + r.created.length, 0)) })} /> : null}
        {runs.status === 'error' ? <ErrorNotice error={runs.error} onRetry={runs.reload} /> : null}
        {runs.status === 'loading' && !runs.data ? <Spinner size="small" label={t('rules.runs.loading')} /> : null}
        {runs.data?.items.length === 0 ? <Text>{t('rules.runs.none')}</Text> : null}
        <ul className={styles.list}>
          {runs.data?.items.map((run) => (
            <RunItem key={run.id} run={run} />
          ))}
        </ul>
      </Card>
    </div>
  );
}
