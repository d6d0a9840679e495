// The per-row report as a CSV German Excel opens as it is: UTF-8 with a byte-order mark (without it Excel reads
// Windows-1252 and breaks the umlauts), semicolons, CRLF line ends. A cell that Excel would take for a formula
// (=, +, -, @ first) gets a leading apostrophe, so a name from the list cannot run as one.
import type { ImportDecision, ImportOutcomePart, ImportRowView } from '@crm/common';
import { ERASED_REASON } from './decisions';
import type { RowPlan } from './record-plan';

const HEADER = ['Row', 'Company', 'Person', 'Account result', 'Account reason', 'Contact result', 'Contact reason', 'Consent', 'Account id', 'Contact id'];

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const result = (outcome: ImportOutcomePart | null | undefined, proposed: ImportDecision | null | undefined, chosen: { action: string } | null | undefined) =>
  outcome ? [outcome.action, outcome.reason] : proposed ? [`${chosen?.action ?? proposed.action} (not committed)`, chosen ? 'chosen in the preview' : proposed.reason] : ['', ''];

export function renderReport(rows: readonly { view: ImportRowView; plan: RowPlan | null }[]): string {
  const lines = [HEADER.join(';')];
  for (const { view, plan } of rows) {
    // An erased person's row says why it was skipped, not who it was.
    const erased = view.contact?.proposed.reason === ERASED_REASON || view.outcome?.contact?.reason === ERASED_REASON;
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
