// Follow-ups remember the email they were created from (its internet message id, subject and sender), so one made from
// an unknown sender's email is not an orphan: My CRM says where it came from, and adding the sender as a contact later
// links it to them and their account.
export const sql = /* sql */ `
ALTER TABLE tasks ADD COLUMN origin jsonb;
-- The follow-ups still waiting for their sender to become a contact.
CREATE INDEX tasks_awaiting_sender ON tasks (tenant_id, (origin->>'from')) WHERE contact_id IS NULL AND origin IS NOT NULL;
`;
