// Each account's data quality shows how many of its contacts may be the same person as another contact, beside the
// other accounts that may be the same company (0032). Counted with the contacts' pairs when their digest changed, and
// stored per account as a number only. Deleting an account deletes its row. The stored digest is cleared so the next
// refresh of every tenant counts once and fills the table.
export const sql = /* sql */ `
CREATE TABLE duplicate_contact_accounts (
  tenant_id uuid NOT NULL,
  account_id uuid NOT NULL,
  paired_contacts integer NOT NULL CHECK (paired_contacts > 0),
  PRIMARY KEY (tenant_id, account_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id) ON DELETE CASCADE
);
UPDATE duplicate_counts SET contacts_digest = '';
`;
