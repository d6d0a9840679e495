// A consent or restriction whose contact is gone recorded a change of every list (0038), so deleting one person with
// consents made every held segment list of the tenant read all its people again. Both tables reference contacts with
// ON DELETE CASCADE: such a row can only go with its contact's own deletion, and the contacts' trigger records that
// contact's account in the same transaction (or nothing, for a contact on no account and so on no list). Its consents
// and restrictions now record nothing of their own.

// The contact's account looked up per row by its primary key, as in 0038; a row whose contact is gone, or on no
// account, records nothing.
const record = (rows: string) => /* sql */ `
    INSERT INTO people_changes (tenant_id, xid, account_id)
    SELECT DISTINCT r.tenant_id, pg_current_xact_id(), c.account_id FROM ${rows} r JOIN LATERAL (
      SELECT account_id FROM contacts WHERE tenant_id = r.tenant_id AND id = r.contact_id
    ) c ON c.account_id IS NOT NULL
    ON CONFLICT (tenant_id, xid, account_id) DO NOTHING;`;

export const sql = /* sql */ `
CREATE OR REPLACE FUNCTION people_changed_of_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${record('new_rows')}
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${record('old_rows')}
  END IF;
  RETURN NULL;
END $$;
`;
