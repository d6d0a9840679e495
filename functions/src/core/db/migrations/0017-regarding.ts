// The Outlook pane logs an email or meeting regarding any record: besides accounts and opportunities, an open complaint
// (the email is the answer to it). An address on the email that is not a contact yet, at a company the CRM knows by its
// domain, waits beside the interaction until it becomes a contact, which then links it.
export const sql = /* sql */ `
ALTER TABLE interactions ADD COLUMN complaint_id uuid;
ALTER TABLE interactions ADD CONSTRAINT interactions_complaint_fk
  FOREIGN KEY (tenant_id, complaint_id) REFERENCES interactions (tenant_id, id) ON DELETE SET NULL (complaint_id);
CREATE INDEX interactions_by_complaint ON interactions (tenant_id, complaint_id) WHERE complaint_id IS NOT NULL;

CREATE TABLE interaction_pending_contacts (
  tenant_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  email text NOT NULL,
  PRIMARY KEY (tenant_id, interaction_id, email),
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_pending_contacts_by_email ON interaction_pending_contacts (tenant_id, email);
`;
