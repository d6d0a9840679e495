// Imports of revenue per period and of opportunities (issue 17): such a row writes one record of its own (a revenue
// period, an opportunity) beside no account or contact part, so its action is kept apart for filtering and the summary,
// and the ledger of what a commit changed names these records too, so an undo can put them back.
export const sql = /* sql */ `
ALTER TABLE import_rows ADD COLUMN record_action text;
ALTER TABLE import_changes DROP CONSTRAINT import_changes_entity_check;
ALTER TABLE import_changes ADD CONSTRAINT import_changes_entity_check
  CHECK (entity IN ('account', 'contact', 'consent', 'revenue', 'opportunity'));
`;
