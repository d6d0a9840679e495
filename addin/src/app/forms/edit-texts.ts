// Texts of the pane's log form, its follow-up edit form and its notices (the opportunity edit form is shared and brings
// its own), loaded with the forms rather than in the pane's first download.
import { useT } from '../texts';

const texts = {
  en: {
    markDone: 'Mark as done',
    followUpSaved: 'Follow-up "{title}" now due {date}.',
    followUpCompleted: 'Follow-up "{title}" done.',
    linkLegend: 'Link to',
    linkPending: '{name}: not in the CRM yet, linked once added as a contact',
    linkNobody: 'Nobody on this item can be linked.',
    note: 'Note (optional)',
    log: 'Log',
  },
  de: {
    markDone: 'Als erledigt markieren',
    followUpSaved: 'Wiedervorlage „{title}“ jetzt fällig am {date}.',
    followUpCompleted: 'Wiedervorlage „{title}“ erledigt.',
    linkLegend: 'Verknüpfen mit',
    linkPending: '{name}: noch nicht im CRM, wird verknüpft, sobald als Kontakt angelegt',
    linkNobody: 'Niemand auf diesem Element kann verknüpft werden.',
    note: 'Notiz (optional)',
    log: 'Protokollieren',
  },
};

export function useEditTexts() {
  const i18n = useT();
  const e = (key: keyof (typeof texts)['en'], vars: Record<string, string> = {}) =>
    texts[i18n.language][key].replace(/\{(\w+)\}/g, (_m, name: string) => vars[name] ?? '');
  return { ...i18n, e };
}
