// A held segment list learnt only whether its accounts' people had changed, and read all of them again: for a marketing
// list of 10,000 people about 115 ms, most of it their consents. The check now answers which of its accounts changed,
// with the snapshot it looked in, so the host reads again only those accounts' consents and restrictions. Both come from
// one statement: a transaction this snapshot sees has committed, so its recorded rows are in the same scan, and one it
// does not see is found at the next check against this snapshot.
const NIL = '00000000-0000-0000-0000-000000000000';

export const sql = /* sql */ `
DROP FUNCTION people_written_since(uuid, text, uuid[]);
CREATE FUNCTION people_changed_since(tenant uuid, held text, accounts uuid[]) RETURNS TABLE (snapshot text, changed uuid[]) LANGUAGE sql STABLE AS $$
  SELECT pg_current_snapshot()::text, ARRAY(
    SELECT DISTINCT account_id FROM people_changes
    WHERE tenant_id = tenant AND xid >= pg_snapshot_xmin(held::pg_snapshot) AND NOT pg_visible_in_snapshot(xid, held::pg_snapshot)
      AND (account_id = ANY(accounts) OR account_id = '${NIL}')
  )
$$;
`;
