// 0036 recorded which transactions wrote a tenant's people, so any contact, consent or restriction written anywhere in
// the tenant made every held segment list read again. Each row now also says which account's people were written (a
// contact's account before and after the statement, the account of a consent's or restriction's contact); a held
// list reads again only for a change on one of its accounts. The nil id stands for a change that concerns every list:
// the rows recorded before this migration, and a consent or restriction whose contact is gone. A contact without an
// account is on no list, so its changes are not recorded.
const NIL = '00000000-0000-0000-0000-000000000000';

const record = (accounts: string) => /* sql */ `
  INSERT INTO people_changes (tenant_id, xid, account_id) SELECT DISTINCT tenant_id, pg_current_xact_id(), account_id FROM (${accounts}) t
  ON CONFLICT (tenant_id, xid, account_id) DO NOTHING;`;

const fn = (name: string, accounts: (rel: string) => string) => /* sql */ `
CREATE OR REPLACE FUNCTION people_changed_${name}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN ${record(accounts('new_rows'))}
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN ${record(accounts('old_rows'))}
  END IF;
  RETURN NULL;
END $$;`;

const ofContacts = (rel: string) => `SELECT tenant_id, account_id FROM ${rel} WHERE account_id IS NOT NULL`;
// The contact's account looked up per row by its primary key (as 0025 does, so no estimate of the transition table can
// turn it into a join with every contact): '' for a contact without an account, NULL for one deleted before, whose
// lists are unknown.
const ofTheirContacts = (rel: string) =>
  `SELECT tenant_id, CASE WHEN account_text IS NULL THEN '${NIL}'::uuid ELSE account_text::uuid END AS account_id FROM (
     SELECT r.tenant_id, (SELECT COALESCE(c.account_id::text, '') FROM contacts c WHERE c.tenant_id = r.tenant_id AND c.id = r.contact_id) AS account_text
     FROM ${rel} r
   ) looked_up WHERE account_text IS DISTINCT FROM ''`;

const triggers = (table: string, name: string) => /* sql */ `
DROP TRIGGER people_changed_ins ON ${table};
DROP TRIGGER people_changed_upd ON ${table};
DROP TRIGGER people_changed_del ON ${table};
CREATE TRIGGER people_changed_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_${name}();
CREATE TRIGGER people_changed_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_${name}();
CREATE TRIGGER people_changed_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_${name}();
`;

export const sql = /* sql */ `
ALTER TABLE people_changes ADD COLUMN account_id uuid NOT NULL DEFAULT '${NIL}';
ALTER TABLE people_changes DROP CONSTRAINT people_changes_pkey;
ALTER TABLE people_changes ADD PRIMARY KEY (tenant_id, xid, account_id);
${fn('contacts', ofContacts)}
${fn('of_contacts', ofTheirContacts)}
${triggers('contacts', 'contacts')}
${triggers('consents', 'of_contacts')}
${triggers('contact_restrictions', 'of_contacts')}
DROP FUNCTION people_changed_new();
DROP FUNCTION people_changed_old();
DROP FUNCTION people_written_since(uuid, text);
CREATE FUNCTION people_written_since(tenant uuid, held text, accounts uuid[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM people_changes
    WHERE tenant_id = tenant AND xid >= pg_snapshot_xmin(held::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, held::pg_snapshot)
      AND (account_id = ANY(accounts) OR account_id = '${NIL}')
  )
$$;
`;
