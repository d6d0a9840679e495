// How a opportunity row becomes the API's record: pure mapping, shared with the features that read opportunities in their own queries.
import type { Opportunity } from '@crm/common';
import { effectiveProbability, weighted } from './stage-model';
import { isoOrNull, numOf, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';

export const OPPORTUNITY_SELECT = `SELECT o.*, a.name AS account_name FROM opportunities o
  JOIN accounts a ON a.tenant_id = o.tenant_id AND a.id = o.account_id`;

export const toOpportunity = (row: Row): Opportunity => {
  const amount = numOf(row, 'amount');
  const status = str(row, 'status') as Opportunity['status'];
  const probability = effectiveProbability(status, numOf(row, 'probability'));
  return {
    ...versionedFields(row),
    accountId: str(row, 'account_id'),
    accountName: strOrNull(row, 'account_name'),
    name: str(row, 'name'),
    stage: str(row, 'stage'),
    amount,
    currency: str(row, 'currency'),
    probability,
    weightedAmount: weighted(amount, probability),
    expectedCloseDate: strOrNull(row, 'expected_close'),
    ownerId: strOrNull(row, 'owner_id'),
    productLine: strOrNull(row, 'product_line'),
    externalId: strOrNull(row, 'external_id'),
    status,
    closeReason: strOrNull(row, 'close_reason'),
    closedAt: isoOrNull(row.closed_at),
  };
};
