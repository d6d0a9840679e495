// How a task row becomes the API's record: pure mapping, shared with the features that read tasks in their own queries.
import type { Task, TaskOrigin } from '@crm/common';
import { isoOrNull, str, strOrNull, versionedFields, type Row } from '../../core/db/rows';

export const toTask = (row: Row): Task => ({
  ...versionedFields(row),
  kind: str(row, 'kind') as Task['kind'],
  title: str(row, 'title'),
  description: strOrNull(row, 'description'),
  dueDate: str(row, 'due_date'),
  assigneeId: strOrNull(row, 'assignee_id'),
  status: str(row, 'status') as Task['status'],
  accountId: strOrNull(row, 'account_id'),
  contactId: strOrNull(row, 'contact_id'),
  opportunityId: strOrNull(row, 'opportunity_id'),
  interactionId: strOrNull(row, 'interaction_id'),
  completedAt: isoOrNull(row.completed_at),
  createdBy: strOrNull(row, 'created_by'),
  origin: (row.origin as TaskOrigin | null | undefined) ?? null,
});
