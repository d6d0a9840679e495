// Each account's ranked figures in a table of their own (issue 15's incremental refresh). An account's ABC class and
// rank, and its segment (champions are a rank among the lifetime values), rest on every other account's figures: one
// account's revenue moves the ranks of most others. With them inside insight_account_analyses' answer, an incremental
// refresh after 1 % of the large benchmark tenant changed rewrote about 9,600 of 10,000 rows of facts and answer
// (3.3 s of 7.9 s); now it rewrites the changed accounts' rows there and the small rows here whose ranks moved.
// answer_digest lets a refresh see whether an account's own figures changed without reading every answer back.
// Answers stored before keep their ranked parts inside and read as before (the served statement lays the ranked row
// over the answer); the next refresh gathers everything, as new settings would, and writes both tables anew.
export const sql = /* sql */ `
CREATE TABLE insight_account_ranks (
  tenant_id uuid NOT NULL,
  period text NOT NULL,
  account_id uuid NOT NULL,
  -- The parts of GET /api/accounts/{id}/insights that rank the account among the others: abc and segment.
  ranked jsonb NOT NULL,
  PRIMARY KEY (tenant_id, period, account_id),
  FOREIGN KEY (tenant_id, period) REFERENCES insight_analyses (tenant_id, period) ON DELETE CASCADE
);

-- A digest of the answer without its ranked parts, as the refresh serialised it; NULL for answers stored before.
ALTER TABLE insight_account_analyses ADD COLUMN answer_digest text;

UPDATE insight_analyses SET dirty_all = true;
`;
