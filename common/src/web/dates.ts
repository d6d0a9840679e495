// Calendar days as the user sees them, for date inputs and due dates.

/** The user's calendar day, not UTC's: toISOString would shift it for anyone east of Greenwich. */
export const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/** Three working days ahead: a follow-up due on a Saturday would be overdue before anyone sees it. */
export function defaultDueDate(from = new Date()): string {
  const date = new Date(from);
  let added = 0;
  while (added < 3) {
    date.setDate(date.getDate() + 1);
    if (date.getDay() !== 0 && date.getDay() !== 6) added += 1;
  }
  return localDay(date);
}
