// An opportunity's number in another system (the ERP's offer number, a former CRM's id), so that a list of deals
// imported again updates the deals it names instead of creating them twice. Optional; unique per tenant where set.
export const sql = /* sql */ `
ALTER TABLE opportunities ADD COLUMN external_id text;
CREATE UNIQUE INDEX opportunities_external_id ON opportunities (tenant_id, external_id) WHERE external_id IS NOT NULL;
`;
