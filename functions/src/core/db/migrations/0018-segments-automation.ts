// Automation rules (issue 15): the tenant's rule document, the runs, and one row per follow-up a rule made, whose key
// (rule, record, period) keeps a rerun from making it twice. A second file of the 0018 slot, named to sort after 0018-segments,
// since migrations apply in the order of their ids.
//
// Opportunities learn when they entered their stage, which the stuck-opportunity rule measures: a trigger keeps it, so
// every writer (the API, imports, merges) keeps it right; existing rows take their last stage change from the audit log.
export const sql = /* sql */ `
ALTER TABLE opportunities ADD COLUMN stage_since timestamptz;
UPDATE opportunities o SET stage_since = COALESCE((
  SELECT max(l.at) FROM audit_log l
  WHERE l.tenant_id = o.tenant_id AND l.entity = 'opportunity' AND l.entity_id = o.id AND l.action = 'update' AND 'stage' = ANY(l.changed_fields)
), o.created_at);
ALTER TABLE opportunities ALTER COLUMN stage_since SET DEFAULT now(), ALTER COLUMN stage_since SET NOT NULL;

CREATE FUNCTION opportunities_stage_since() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.stage IS DISTINCT FROM OLD.stage THEN NEW.stage_since := now(); END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER opportunities_stage_since BEFORE UPDATE OF stage ON opportunities FOR EACH ROW EXECUTE FUNCTION opportunities_stage_since();

CREATE TABLE automation_rules (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  rules jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (updated_by)
);
CREATE INDEX automation_rules_daily ON automation_rules (tenant_id) WHERE (rules->>'dailyRun')::boolean;

CREATE TABLE automation_runs (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  trigger text NOT NULL CHECK (trigger IN ('manual', 'timer')),
  created_by uuid,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL DEFAULT now(),
  rules jsonb NOT NULL,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (created_by)
);
CREATE INDEX automation_runs_newest ON automation_runs (tenant_id, started_at DESC, id DESC);

CREATE TABLE automation_follow_ups (
  tenant_id uuid NOT NULL REFERENCES tenants (tenant_id),
  rule text NOT NULL,
  record_id uuid NOT NULL,
  period text NOT NULL,
  task_id uuid NOT NULL,
  run_id uuid,
  account_id uuid,
  assignee_id uuid,
  reason jsonb NOT NULL,
  snoozed_until date,
  snooze_reason text,
  snoozed_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, rule, record_id, period),
  UNIQUE (tenant_id, task_id),
  FOREIGN KEY (tenant_id, snoozed_by) REFERENCES users (tenant_id, id) ON DELETE SET NULL (snoozed_by)
);
`;
