// The per-row report as a CSV German Excel opens as it is: UTF-8 with a byte-order mark (without it Excel reads
// Windows-1252 and breaks the umlauts), semicolons, CRLF line ends. A cell that Excel would take for a formula
// (=, +, -, @ first) gets a leading apostrophe, so a name from the list cannot run as one.
import type { ImportDecision, ImportOutcomePart, ImportRowView } from '@crm/common';
import { ERASED } from './decisions';
import { renderReason, type ReasonLanguage } from './reasons';
import type { RowPlan } from './record-plan';

const HEADER: Record<ReasonLanguage, readonly string[]> = {
  en: ['Row', 'Company', 'Person', 'Account result', 'Account reason', 'Contact result', 'Contact reason', 'Consent', 'Account id', 'Contact id'],
  de: ['Zeile', 'Firma', 'Person', 'Ergebnis Firma', 'Grund Firma', 'Ergebnis Kontakt', 'Grund Kontakt', 'Einwilligung', 'Firmen-ID', 'Kontakt-ID'],
};
// The result column keeps the API's action names (create, skipped, ...) in both languages, so a sheet can be filtered
// the same way whoever downloaded it.
/** A list of revenue periods or opportunities: each row writes one record of its own for the company it names. */
const RECORD_HEADER: Record<ReasonLanguage, readonly string[]> = {
  en: ['Row', 'Company', 'Result', 'Reason', 'Record id'],
  de: ['Zeile', 'Firma', 'Ergebnis', 'Grund', 'Datensatz-ID'],
};
const NOT_COMMITTED: Record<ReasonLanguage, string> = { en: 'not committed', de: 'nicht übernommen' };

/** Old rows hold the English text only; newer ones the code. */
const isErased = (part: { reason: string; reasonCode?: string } | null | undefined) =>
  Boolean(part && (part.reasonCode === ERASED.reasonCode || part.reason === ERASED.reason));

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows' reasons arrive already in `lang` (the service renders them); the report adds only its own words. */
export function renderReport(rows: readonly { view: ImportRowView; plan: RowPlan | null }[], lang: ReasonLanguage = 'en', records = false): string {
  const result = (outcome: ImportOutcomePart | null | undefined, proposed: ImportDecision | null | undefined, chosen: { action: string } | null | undefined) =>
    outcome
      ? [outcome.action, outcome.reason]
      : proposed
        ? [
            `${chosen?.action ?? proposed.action} (${NOT_COMMITTED[lang]})`,
            chosen ? renderReason({ reason: '', reasonCode: 'decision.chosen' }, lang) : proposed.reason,
          ]
        : ['', ''];
  const lines = [(records ? RECORD_HEADER : HEADER)[lang].join(';')];
  for (const { view, plan } of rows) {
    if (records) {
      const cells = [
        String(view.row),
        plan?.account?.name ?? '',
        ...result(view.outcome?.record, view.record?.proposed, view.record?.chosen),
        view.outcome?.record?.id ?? '',
      ];
      lines.push(cells.map(csvCell).join(';'));
      continue;
    }
    // An erased person's row says why it was skipped, not who it was.
    const erased = isErased(view.contact?.proposed) || isErased(view.outcome?.contact);
    const person = plan?.contact && !erased ? [plan.contact.firstName, plan.contact.lastName].filter(Boolean).join(' ') || (plan.contact.email ?? '') : '';
    const cells = [
      String(view.row),
      plan?.account?.name ?? '',
      person,
      ...result(view.outcome?.account, view.account?.proposed, view.account?.chosen),
      ...result(view.outcome?.contact, view.contact?.proposed, view.contact?.chosen),
      view.outcome?.consent ?? '',
      view.outcome?.account?.id ?? '',
      view.outcome?.contact?.id ?? '',
    ];
    lines.push(cells.map(csvCell).join(';'));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
