// "Log when sent" (issue 13): the add-in puts a key of its own into the email's internet headers while composing
// (x-crm-log-key), because the internet message id does not exist before the email is sent. The record logged at
// send time carries only the key; a copy logged later (the sent item, a colleague's inbox) finds it by the key and
// adds its internet message id, so every copy is the same interaction.
export const sql = /* sql */ `
ALTER TABLE interactions ADD COLUMN log_key text;
CREATE UNIQUE INDEX interactions_by_log_key ON interactions (tenant_id, log_key) WHERE log_key IS NOT NULL;
`;
