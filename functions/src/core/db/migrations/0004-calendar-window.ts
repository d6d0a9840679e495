// Calendar sync: the window a full pass reads, so only meetings inside it can be found deleted, and the events a mailbox
// showed that could not be read, so the status names them instead of the sync skipping them unnoticed.
export const sql = /* sql */ `
ALTER TABLE mailbox_sync ADD COLUMN window_from timestamptz;
ALTER TABLE mailbox_sync ADD COLUMN window_to timestamptz;
-- Provider id -> reason (no personal data), for events the last pass and the rounds after it could not read.
ALTER TABLE mailbox_sync ADD COLUMN unreadable jsonb NOT NULL DEFAULT '{}';
`;
