// What a segment list filters on, as plain columns beside the stored analysis (issue 15): a list reads every account of
// the period, and taking five values out of each account's facts and answer documents cost 126 ms for the large
// benchmark tenant's 10,000 accounts at one client and over a second at 16 (the documents are detoasted and parsed row
// by row). Generated from the documents on every write, so the refresh that writes them stays as it is.
export const sql = /* sql */ `
ALTER TABLE insight_account_analyses
  ADD COLUMN revenue_cents bigint GENERATED ALWAYS AS ((facts #>> '{facts,revenueCents}')::bigint) STORED,
  ADD COLUMN previous_revenue_cents bigint GENERATED ALWAYS AS ((facts #>> '{facts,previousRevenueCents}')::bigint) STORED,
  ADD COLUMN last_contact_at text GENERATED ALWAYS AS (facts #>> '{facts,lastContactAt}') STORED,
  -- Answers stored before migration 0029 hold their ranked parts themselves.
  ADD COLUMN answer_abc_class text GENERATED ALWAYS AS (answer #>> '{abc,class}') STORED,
  ADD COLUMN answer_segment text GENERATED ALWAYS AS (answer #>> '{segment,segment}') STORED;

ALTER TABLE insight_account_ranks
  ADD COLUMN abc_class text GENERATED ALWAYS AS (ranked #>> '{abc,class}') STORED,
  ADD COLUMN segment text GENERATED ALWAYS AS (ranked #>> '{segment,segment}') STORED;
`;
