// When an endpoint last took a delivery (issue 18). A round sends deliveries side by side; on PostgreSQL a failure's
// update read "was anything delivered a moment ago?" from a snapshot taken before a concurrent success committed, and
// marked the endpoint failing although it had just answered 2xx. Kept on the endpoint's own row, the question is asked
// again of the row's newest version once the success's lock is released (READ COMMITTED re-checks the updated row).
export const sql = /* sql */ `
ALTER TABLE webhook_endpoints ADD COLUMN last_delivered_at timestamptz;
`;
