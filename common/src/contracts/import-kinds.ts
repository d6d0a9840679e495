// Which fields a column can feed in a list of each kind, without zod, so that the Data tab's mapping can offer them
// without downloading the contracts: a revenue or opportunity list names its account only by its keys (it never
// creates or changes one), a customer list has no periods or opportunities.
// Kinds and fields are the names of ImportKind and ImportField (imports.ts, which builds IMPORT_KIND_FIELDS from this):
// plain strings here, so that the two modules do not import each other.
const ACCOUNT_KEYS = new Set<string>(['account.name', 'account.legalForm', 'account.customerNumber']);

export function kindTakes(kind: string, field: string): boolean {
  const part = field.slice(0, field.indexOf('.'));
  switch (kind) {
    case 'accounts':
      return part === 'account' || field === 'notes';
    case 'contacts':
      return part === 'contact' || part === 'consent' || field === 'notes';
    case 'combined':
      return part === 'account' || part === 'contact' || part === 'consent' || field === 'notes';
    case 'revenue':
      return ACCOUNT_KEYS.has(field) || part === 'revenue';
    case 'opportunities':
      return ACCOUNT_KEYS.has(field) || part === 'opportunity';
    default:
      return false;
  }
}
