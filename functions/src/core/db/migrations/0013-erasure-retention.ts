// Erasure under a retention duty (issue 14): a logged business email of an erased person is a commercial letter that
// HGB s.257 and AO s.147 require to be kept for six years, so the erasure keeps it restricted and unlinked instead.
export const sql = /* sql */ `
-- Set only by an erasure: the record is kept until the end of this day, then the retention run deletes it; until then
-- it is out of every timeline and list and readable only by CRM.Privacy and CRM.Admin.
ALTER TABLE interactions ADD COLUMN retained_until date;
-- The legal reason, in the words the answer to the person gives.
ALTER TABLE interactions ADD COLUMN retention_basis text;
-- The accounts the letter was logged to; its timeline links are removed so no list shows it.
ALTER TABLE interactions ADD COLUMN retained_account_ids uuid[];
CREATE INDEX interactions_retained ON interactions (tenant_id, retained_until) WHERE retained_until IS NOT NULL;
`;
