// Who is on a segment list of contacts, and whether a consent, an objection or a restriction leaves them out, was
// read from every contact and consent of the matching accounts at every call (about 100 ms for 10,000 people; 1.4 s at
// 16 clients on two cores). A host now holds that read with the database snapshot it was taken in, and reuses it while
// no transaction it could not see has written a contact, a consent or a restriction of the tenant since: so a consent
// withdrawn a moment ago still counts at the next call.
//
// Statement-level triggers record the writing transaction's id once per tenant, in the writer's own transaction, so a
// change is recorded when it commits and a rolled back one never is. Append-only rows take no lock another writer
// waits for (a per-tenant counter row would serialise every contact write of a tenant until commit). A reader asks
// whether any recorded id is not visible in its held snapshot (people-changes.ts); the rows are pruned after an hour,
// far longer than anything is held.
const changed = (table: string) => /* sql */ `
CREATE TRIGGER people_changed_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_new();
CREATE TRIGGER people_changed_upd AFTER UPDATE ON ${table} REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_new();
CREATE TRIGGER people_changed_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION people_changed_old();
`;

const recordFrom = (rel: string) => /* sql */ `
  INSERT INTO people_changes (tenant_id, xid) SELECT DISTINCT tenant_id, pg_current_xact_id() FROM ${rel}
  ON CONFLICT (tenant_id, xid) DO NOTHING;`;

export const sql = /* sql */ `
CREATE TABLE people_changes (
  tenant_id uuid NOT NULL,
  xid xid8 NOT NULL,
  -- When the statement ran (not when its transaction began): what the pruning goes by.
  written_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, xid)
);
CREATE INDEX people_changes_by_time ON people_changes (written_at);

CREATE FUNCTION people_changed_new() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${recordFrom('new_rows')}
  RETURN NULL;
END $$;
CREATE FUNCTION people_changed_old() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
${recordFrom('old_rows')}
  RETURN NULL;
END $$;
-- The snapshot a holder keeps and the check against it, as functions of the tenant: on a cluster they run on the
-- node that holds the tenant's rows (docs/SCALE.md), whose transaction ids the rows record.
CREATE FUNCTION people_snapshot(tenant uuid) RETURNS text LANGUAGE sql STABLE AS $$ SELECT pg_current_snapshot()::text $$;
CREATE FUNCTION people_written_since(tenant uuid, held text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM people_changes
    WHERE tenant_id = tenant AND xid >= pg_snapshot_xmin(held::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, held::pg_snapshot)
  )
$$;
${changed('contacts')}
${changed('consents')}
${changed('contact_restrictions')}
`;
