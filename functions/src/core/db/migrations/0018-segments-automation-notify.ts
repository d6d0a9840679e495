// Teams activity feed notifications of the automation rules (issue 15): one row per follow-up and recipient, sent by a
// timer with bounded retries, and each user's switch to turn them off. The third file of the 0018 slot, named to sort
// after 0018-segments-automation.
export const sql = /* sql */ `
CREATE TABLE activity_notifications (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  task_id uuid NOT NULL,
  user_id uuid NOT NULL,
  activity_type text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, task_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX activity_notifications_due ON activity_notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX activity_notifications_by_status ON activity_notifications (tenant_id, status, updated_at DESC);

CREATE TABLE user_notification_settings (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  user_id uuid NOT NULL,
  activity_feed boolean NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
`;
