// Indexes on the columns that refer to contacts and accounts and had none a delete could use. Deleting a contact or an
// account makes PostgreSQL look for the rows that refer to it in every such table; without an index each look reads the
// whole table, so an import's undo of 90,000 contacts read the tasks and the opportunities' contacts once per contact
// (issue 17; the partial indexes for open tasks and opportunities do not serve that look).
export const sql = /* sql */ `
CREATE INDEX opportunity_contacts_by_contact ON opportunity_contacts (tenant_id, contact_id);
CREATE INDEX opportunities_by_account ON opportunities (tenant_id, account_id);
CREATE INDEX tasks_by_contact ON tasks (tenant_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX tasks_by_account ON tasks (tenant_id, account_id) WHERE account_id IS NOT NULL;
CREATE INDEX accounts_by_parent ON accounts (tenant_id, parent_account_id) WHERE parent_account_id IS NOT NULL;
CREATE INDEX sync_conflicts_by_contact ON sync_conflicts (tenant_id, contact_id);
CREATE INDEX contact_restrictions_by_contact ON contact_restrictions (tenant_id, contact_id);
CREATE INDEX leads_by_contact ON leads (tenant_id, contact_id) WHERE contact_id IS NOT NULL;
CREATE INDEX leads_by_account ON leads (tenant_id, account_id) WHERE account_id IS NOT NULL;
`;
