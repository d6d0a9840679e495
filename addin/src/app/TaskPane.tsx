// The task pane: who is on the selected email or meeting, their companies, consent, and what to do next.
import { Spinner } from '@fluentui/react-spinner';
import { Text } from '@fluentui/react-text';
import { Suspense, useEffect, useId, useState } from 'react';
import type { Interaction, Lead, Person } from '@crm/common';
import { DoneNotice, ErrorNotice, RoleNotice, useAccess, useStages } from '@crm/common/web';
import { AccountCard } from './AccountCard';
import { Actions } from './Actions';
import { ComplaintBanner } from './ComplaintBanner';
import { ComposeWarnings } from './ComposeWarnings';
import { AddContactForm, AddLeadForm, prefetchForms } from './lazy-forms';
import { LoggedStatus } from './LoggedStatus';
import { LogWhenSent } from './LogWhenSent';
import { PendingSpinner } from './PendingSpinner';
import { PersonCard } from './PersonCard';
import { usePaneStyles } from './styles';
import { useT } from './texts';
import { useItemContext } from './use-item-context';
import { useServices } from './services';
import { useComposePurpose } from './use-compose-purpose';

export function TaskPane() {
  const styles = usePaneStyles();
  const { t, date } = useT();
  const state = useItemContext();
  const { api, host } = useServices();
  const stages = useStages(api);
  const access = useAccess(api);
  const roleNoticeId = useId();
  const [adding, setAdding] = useState<Person | null>(null);
  const [addingLead, setAddingLead] = useState<Person | null>(null);
  // The contact or lead just added, named in a notice that takes the focus from the closing form.
  const [added, setAdded] = useState<string | null>(null);
  // Leads made here show at once, before the context reloads with them.
  const [madeLeads, setMadeLeads] = useState<ReadonlyMap<string, Lead>>(new Map());
  const { item, context, people } = state;
  useEffect(prefetchForms, []);
  // Another item closes the forms and the notice while rendering it, not in an effect afterwards: an effect still
  // pending when the user clicks "Add as contact" on the new card (on a busy machine it ran after the click's update)
  // would close the form the click opened.
  const [formsOf, setFormsOf] = useState(item?.key);
  if (formsOf !== item?.key) {
    setFormsOf(item?.key);
    setAdding(null);
    setAddingLead(null);
    setAdded(null);
  }
  const leadOf = (person: Person) => (person.status === 'unknown' ? (person.lead ?? madeLeads.get(person.email)) : undefined);
  const focusPersonButton = (email: string, selector: string) =>
    document.querySelector<HTMLElement>(`[data-person="${CSS.escape(email)}"] ${selector}`)?.focus();

  const composing = item?.mode === 'compose' || item?.mode === 'appointment-organizer';
  const [purpose, setPurpose] = useComposePurpose(host, item?.key, composing);
  const nameOf = (email: string) => people.find((p) => p.email === email)?.name ?? email;
  // The key of the item whose context is on screen: the benchmark and the browser tests wait for it.
  const readyKey = state.status === 'ready' && item ? item.key : undefined;

  return (
    <main className={styles.pane} data-ready-key={readyKey} aria-busy={state.status === 'loading'}>
      {item ? (
        <header className={styles.section}>
          <h1 className={styles.heading} data-testid="item-subject">
            {item.subject}
          </h1>
          {item.mode.startsWith('appointment') ? (
            <Text size={200} className={styles.muted}>
              {t('meeting.when', { date: date(item.when) })}
            </Text>
          ) : null}
        </header>
      ) : state.status === 'ready' ? (
        <Text>{t('pane.empty')}</Text>
      ) : null}

      {state.status === 'error' ? <ErrorNotice error={state.error} onRetry={state.reload} /> : null}
      {state.status === 'loading' && !context ? <PendingSpinner label={t('pane.loading')} /> : null}

      {item && context ? (
        <>
          <ComplaintBanner accounts={context.accounts} />
          {!composing ? <LoggedStatus item={item} logged={state.logged} /> : null}
          <RoleNotice id={roleNoticeId} access={access} level="write" />
          {composing ? <ComposeWarnings people={context.people} nameOf={nameOf} purpose={purpose} onPurposeChange={setPurpose} /> : null}
          {item.mode === 'compose' ? <LogWhenSent host={host} api={api} itemKey={item.key} context={context} canWrite={access.may('write')} /> : null}

          <section className={styles.section} aria-labelledby="people-heading">
            <h2 id="people-heading" className={styles.subheading}>
              {t('pane.people')}
            </h2>
            {people.length === 0 ? <Text className={styles.muted}>{composing ? t('compose.noRecipients') : t('pane.noOthers')}</Text> : null}
            <ul className={styles.list}>
              {context.people.map((person) => (
                <PersonCard
                  key={person.email}
                  person={person}
                  displayName={nameOf(person.email)}
                  lead={leadOf(person)}
                  onAdd={(p) => (setAdding(p), setAddingLead(null), setAdded(null))}
                  onAddLead={(p) => (setAddingLead(p), setAdding(null), setAdded(null))}
                  addGate={access.gate('write', roleNoticeId)}
                />
              ))}
            </ul>
            {adding?.status === 'unknown' ? (
              <Suspense fallback={<Spinner size="tiny" />}>
                <AddContactForm
                  email={adding.email}
                  displayName={nameOf(adding.email)}
                  accounts={[
                    ...(adding.suggestedAccount ? [adding.suggestedAccount] : []),
                    ...context.accounts.map((a) => ({ id: a.account.id, name: a.account.name })).filter((a) => a.id !== adding.suggestedAccount?.id),
                  ]}
                  suggestedAccountId={adding.suggestedAccount?.id ?? null}
                  emailSubject={state.item?.subject ?? ''}
                  onCreated={(contact, consent) => {
                    setAdding(null);
                    setAdded(
                      consent
                        ? t('contact.createdWithConsent', { name: contact.displayName, purpose: t(`consent.purpose.${consent}`) })
                        : t('contact.created', { name: contact.displayName }),
                    );
                    state.reload();
                  }}
                  onCancel={() => {
                    setAdding(null);
                    // Back to the person's "Add as contact", which stayed on screen while the form was open.
                    focusPersonButton(adding.email, 'button');
                  }}
                />
              </Suspense>
            ) : null}
            {addingLead?.status === 'unknown' ? (
              <Suspense fallback={<Spinner size="tiny" />}>
                <AddLeadForm
                  email={addingLead.email}
                  displayName={nameOf(addingLead.email)}
                  company={addingLead.suggestedAccount?.name ?? ''}
                  fromEmail={item.mode === 'read' ? item : null}
                  onCreated={(lead) => {
                    setAddingLead(null);
                    setMadeLeads((made) => new Map(made).set(addingLead.email, lead));
                    setAdded(t('lead.created', { name: nameOf(addingLead.email) }));
                    state.reload();
                  }}
                  onCancel={() => {
                    setAddingLead(null);
                    focusPersonButton(addingLead.email, 'button[data-action="add-lead"]');
                  }}
                />
              </Suspense>
            ) : null}
            {added ? <DoneNotice text={added} /> : null}
          </section>

          {!composing ? (
            // Keyed by item: an open form or a success notice belongs to the item it was about.
            <Actions
              key={item.key}
              item={item}
              context={context}
              logged={state.logged}
              onLogged={(i: Interaction) => state.setLogged([i, ...state.logged])}
              onChanged={state.reload}
              access={access}
              roleNoticeId={roleNoticeId}
              nameOf={nameOf}
            />
          ) : null}

          {context.accounts.map((account) => (
            // Keyed by item too: an open form or a notice belongs to the item it was opened on.
            <AccountCard
              key={`${item.key}:${account.account.id}`}
              context={account}
              stages={stages}
              access={access}
              roleNoticeId={roleNoticeId}
              onChanged={state.reload}
            />
          ))}
        </>
      ) : null}
    </main>
  );
}
