/**
 * `/kpi edit`: a corrected number replaces its entry, and the correction is kept like an undo. The
 * replaced entry stays (marked undone) and this table says which entry replaced it, who asked and
 * when; a request Slack sends twice corrects once.
 */
export const sql = `
CREATE TABLE edit_audit (
  id              INTEGER PRIMARY KEY,
  team_id         TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  request_key     TEXT,
  replaced_entry  INTEGER NOT NULL REFERENCES entries (id),
  replacement     INTEGER NOT NULL REFERENCES entries (id),
  edited_at       TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX edit_audit_request ON edit_audit (team_id, request_key, replaced_entry) WHERE request_key IS NOT NULL;
CREATE INDEX edit_audit_person ON edit_audit (team_id, user_id, edited_at);
`;
