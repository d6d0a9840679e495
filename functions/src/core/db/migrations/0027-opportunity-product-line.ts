// An opportunity's product line (issue 15's cross-selling rate: accounts buying in more than one line). Optional free
// text, as the tenant names its lines; existing opportunities have none. The precomputed analyses are marked for a full
// refresh, so the team figures gain the key figures added with this migration on their next read.
export const sql = /* sql */ `
ALTER TABLE opportunities ADD COLUMN product_line text;
UPDATE insight_analyses SET dirty_all = true;
`;
