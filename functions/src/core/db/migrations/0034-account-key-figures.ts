// Each account's key figures (issue 15: win rate, complaints, response time, product lines, purchases, data quality and
// adoption per account) are gathered with its other facts. Analyses stored before hold none, so each is marked wholly
// dirty: its next read answers the stored figures marked stale and refreshes it in full in the background.
export const sql = /* sql */ `
UPDATE insight_analyses SET dirty_all = true, folds = folds + 1 WHERE computed_at IS NOT NULL;
`;
