// Activity feed notifications of overdue follow-ups (issue 15): a task may now get one notification per kind and
// recipient (made by a rule, handed over, overdue) instead of one in all, and the timer finds the open follow-ups that
// fell due without a full scan of the tasks.
export const sql = /* sql */ `
ALTER TABLE activity_notifications DROP CONSTRAINT activity_notifications_tenant_id_task_id_user_id_key;
ALTER TABLE activity_notifications ADD CONSTRAINT activity_notifications_once UNIQUE (tenant_id, task_id, user_id, activity_type);
CREATE INDEX tasks_open_follow_ups_by_due ON tasks (due_date) WHERE status = 'open' AND kind = 'follow_up' AND assignee_id IS NOT NULL;
`;
