// The standalone preview: a mailbox made from demo data beside the real task pane, driven through the same host events.
import { Button, FluentProvider, Input, Select, Text, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { startTransition, useMemo, useState } from 'react';
import { DEMO_USERS, type DemoUser } from '@crm/common/demo';
import { createApiClient, devTokenProvider, languageOf, type ThemeKind } from '@crm/common/web';
import { PaneShell } from '../app/PaneShell';
import { TaskPane } from '../app/TaskPane';
import type { Participant } from '../host/mail-host';
import { previewMailHost } from '../host/preview-mail-host';
import { previewItems, type PreviewItem } from './preview-items';
import { PreviewSend } from './PreviewSend';

const useStyles = makeStyles({
  page: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) 1fr 360px',
    height: '100vh',
    fontFamily: tokens.fontFamilyBase,
    // A window as narrow as a task pane (Outlook's is 320-450 px wide) stacks the mailbox above a pane of its full width,
    // so the pane can be tried at the width it gets in Outlook.
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)', height: 'auto' },
  },
  column: {
    overflowY: 'auto',
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    alignContent: 'start',
    rowGap: tokens.spacingVerticalS,
  },
  item: {
    display: 'grid',
    justifyItems: 'start',
    justifyContent: 'stretch',
    textAlign: 'left',
    width: '100%',
    maxWidth: 'none',
    height: 'auto',
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    // The list stands in for Outlook's, which is not in the pane's page: a selection fading for 100 ms (Fluent's button
    // transition) repainted this page every frame while the pane waited for its answer, which Outlook does not do to it.
    transitionProperty: 'none',
  },
  clip: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '100%' },
  pane: { overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground2 },
  controls: { display: 'grid', rowGap: tokens.spacingVerticalXS },
  recipients: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const params = new URLSearchParams(location.search);

export function PreviewMailbox({ apiBaseUrl }: { apiBaseUrl: string }) {
  const styles = useStyles();
  const initialItems = useMemo(() => previewItems(), []);
  // Copies of the emails sent from the draft, kept across sessions (another user sees them too).
  const [sent, setSent] = useState<PreviewItem[]>([]);
  const items = useMemo(() => [...sent, ...initialItems], [sent, initialItems]);
  const [userIndex, setUserIndex] = useState(
    Math.max(
      0,
      DEMO_USERS.findIndex((u) => u.email.startsWith(params.get('user') ?? '~')),
    ),
  );
  const [language, setLanguage] = useState(params.get('lang') ?? navigator.language);
  const [theme, setTheme] = useState<ThemeKind>((params.get('theme') as ThemeKind) ?? 'light');
  const [selected, setSelected] = useState(params.get('item') ?? items[0]!.key);
  const [newRecipient, setNewRecipient] = useState('');
  const user = DEMO_USERS[userIndex]!;
  const german = languageOf(language) === 'de';

  // A new user or language is a new pane session, as in Outlook, opened where the user or language changes; the selection and
  // theme carry over and reach the open session through host.select and host.setTheme.
  const openSession = (sessionUser: DemoUser, sessionLanguage: string) => {
    const host = previewMailHost({ items, userEmail: sessionUser.email, language: sessionLanguage, theme });
    host.select(selected);
    return { host, api: createApiClient({ baseUrl: apiBaseUrl, tokens: devTokenProvider(apiBaseUrl, { userId: sessionUser.oid }) }) };
  };
  const [services, setServices] = useState(() => openSession(user, language));
  const changeUser = (index: number) => {
    setUserIndex(index);
    setServices(openSession(DEMO_USERS[index]!, language));
  };
  const changeLanguage = (next: string) => {
    setLanguage(next);
    setServices(openSession(user, next));
  };

  const current = (services.host.current() ?? items[0]) as PreviewItem;
  // The pane hears of the selection first; the preview's own reading pane renders after it, at lower priority,
  // as Outlook's reading pane would not compete with the add-in either.
  const select = (key: string) => {
    services.host.select(key);
    startTransition(() => setSelected(key));
  };
  const setRecipients = (recipients: Participant[]) => {
    services.host.setRecipients(recipients);
    setNewRecipient('');
    setSelected((key) => `${key}`);
  };

  return (
    <FluentProvider theme={webLightTheme} className={styles.page} lang={german ? 'de' : 'en'}>
      <nav className={styles.column} aria-label={german ? 'Vorschau-Postfach' : 'Preview mailbox'}>
        <Text as="h1" weight="semibold" size={400}>
          {german ? 'Vorschau-Postfach' : 'Preview mailbox'}
        </Text>
        {/* Where the pane is depends on the window's width (the grid stacks below 720 px), so the text names both places. */}
        <Text size={200} data-testid="preview-intro">
          {german
            ? 'Ohne Outlook: Der echte Aufgabenbereich neben diesem Postfach (in einem schmalen Fenster darunter) reagiert auf die Auswahl wie in Outlook.'
            : 'Without Outlook: the real task pane beside this mailbox (below it in a narrow window) follows your selection as it does in Outlook.'}
        </Text>
        <div className={styles.controls}>
          <label>
            <Text size={200}>{german ? 'Angemeldet als' : 'Signed in as'}</Text>
            <Select value={String(userIndex)} onChange={(_e, d) => changeUser(Number(d.value))} aria-label={german ? 'Angemeldet als' : 'Signed in as'}>
              {DEMO_USERS.map((u, i) => (
                <option key={u.oid} value={i}>
                  {u.displayName} ({u.roles.join(', ')})
                </option>
              ))}
            </Select>
          </label>
          <label>
            <Text size={200}>{german ? 'Sprache' : 'Language'}</Text>
            <Select value={german ? 'de' : 'en'} onChange={(_e, d) => changeLanguage(d.value)} aria-label={german ? 'Sprache' : 'Language'}>
              <option value="de">Deutsch</option>
              <option value="en">English</option>
            </Select>
          </label>
          <label>
            <Text size={200}>{german ? 'Design' : 'Theme'}</Text>
            <Select
              value={theme}
              onChange={(_e, d) => {
                setTheme(d.value as ThemeKind);
                services.host.setTheme(d.value as ThemeKind);
              }}
              aria-label={german ? 'Design' : 'Theme'}
            >
              <option value="light">{german ? 'Hell' : 'Light'}</option>
              <option value="dark">{german ? 'Dunkel' : 'Dark'}</option>
              <option value="contrast">{german ? 'Hoher Kontrast' : 'High contrast'}</option>
            </Select>
          </label>
        </div>
        <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', rowGap: 4 }}>
          {items.map((item) => (
            <li key={item.key}>
              <Button
                className={styles.item}
                appearance={item.key === current.key ? 'primary' : 'subtle'}
                onClick={() => select(item.key)}
                data-item-key={item.key}
                aria-current={item.key === current.key}
              >
                <Text weight="semibold" className={styles.clip}>
                  {item.from?.name ?? (german ? 'Entwurf' : 'Draft')}
                </Text>
                <Text size={200} className={styles.clip}>
                  {item.subject}
                </Text>
                <Text size={100} className={styles.clip}>
                  {german ? item.hint.de : item.hint.en}
                </Text>
              </Button>
            </li>
          ))}
        </ul>
      </nav>

      <article className={styles.column} aria-label={german ? 'Lesebereich' : 'Reading pane'}>
        <Text as="h2" weight="semibold" size={500}>
          {current.subject}
        </Text>
        {current.from ? <Text>{`${current.from.name} <${current.from.email}>`}</Text> : null}
        {current.mode === 'compose' ? (
          <div className={styles.controls}>
            <Text weight="semibold">{german ? 'An' : 'To'}</Text>
            <div className={styles.recipients}>
              {current.recipients.map((r) => (
                <Button
                  key={r.email}
                  size="small"
                  onClick={() => setRecipients(current.recipients.filter((x) => x.email !== r.email))}
                  aria-label={`${german ? 'Entfernen' : 'Remove'} ${r.email}`}
                >
                  {r.email} ✕
                </Button>
              ))}
            </div>
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (newRecipient.includes('@')) setRecipients([...current.recipients, { email: newRecipient.trim(), name: newRecipient.trim() }]);
              }}
            >
              <Input
                value={newRecipient}
                onChange={(_e, d) => setNewRecipient(d.value)}
                placeholder="name@example.com"
                aria-label={german ? 'Empfänger hinzufügen' : 'Add recipient'}
              />
              <Button type="submit">{german ? 'Hinzufügen' : 'Add'}</Button>
            </form>
            <PreviewSend
              key={current.key}
              host={services.host}
              api={services.api}
              recipients={current.recipients}
              german={german}
              onSent={(copy) => {
                services.host.deliver(copy);
                setSent((list) => [copy, ...list]);
              }}
            />
          </div>
        ) : (
          <Text>{current.body}</Text>
        )}
      </article>

      <aside className={styles.pane} aria-label={german ? 'CRM-Aufgabenbereich' : 'CRM task pane'} data-testid="task-pane">
        <PaneShell key={`${user.oid}-${language}`} services={services}>
          <TaskPane />
        </PaneShell>
      </aside>
    </FluentProvider>
  );
}
