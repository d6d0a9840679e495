// A lead's interactions so far, and a manager per user (issue 18). An email logged while its sender is a lead, or
// before, is linked to the lead: the lead lists it, its engagement is counted from it, and a conversion carries it over
// to the contact and account. The manager is who an overdue case, or a complaint open too long, goes to above its
// assignee or the account's owner; an admin sets it, so users carry a version for If-Match.
export const sql = /* sql */ `
CREATE TABLE interaction_leads (
  tenant_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  interaction_id uuid NOT NULL,
  PRIMARY KEY (tenant_id, lead_id, interaction_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, interaction_id) REFERENCES interactions (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX interaction_leads_by_interaction ON interaction_leads (tenant_id, interaction_id);

ALTER TABLE users ADD COLUMN manager_id uuid;
ALTER TABLE users ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE users ADD CONSTRAINT users_manager_fk
  FOREIGN KEY (tenant_id, manager_id) REFERENCES users (tenant_id, id) ON DELETE SET NULL (manager_id);
CREATE INDEX users_by_manager ON users (tenant_id, manager_id) WHERE manager_id IS NOT NULL;
`;
