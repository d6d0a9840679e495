// A follow-up's change refused because a colleague changed it first (412), in the pane and the tabs alike: the shared
// notice with the follow-up's fields and what it holds now in words.
import type { Task } from '../../contracts/tasks';
import { useI18n, type Language } from '../i18n/i18n';
import { ChangedNotice, type LastChange } from './ChangedNotice';

const texts = {
  en: { fields: { dueDate: 'Due date', status: 'Status', title: 'Title' } as Record<string, string>, done: 'done' },
  de: { fields: { dueDate: 'Fällig am', status: 'Status', title: 'Titel' } as Record<string, string>, done: 'erledigt' },
} satisfies Record<Language, { fields: Record<string, string>; done: string }>;

export interface TaskChangedNoticeProps {
  conflict: { change: LastChange | null; current: Task };
  busy: boolean;
  onReload: () => void;
  onOverwrite: () => void;
}

export function TaskChangedNotice({
  conflict,
  busy,
  onReload,
  onOverwrite,
}: TaskChangedNoticeProps) {
  const { t, language, date } = useI18n();
  const words = texts[language];
  const { change, current } = conflict;
  const fieldLabel = (field: string) => words.fields[field] ?? field;
  // The title only when it is what changed: the follow-up is named where the notice stands.
  const summary = [
    change?.fields.includes('title') ? `"${current.title}"` : null,
    t('account.due', { date: date(current.dueDate) }),
    current.status === 'done' ? words.done : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return <ChangedNotice change={change} current={summary} fieldLabel={fieldLabel} busy={busy} onReload={onReload} onOverwrite={onOverwrite} />;
}
