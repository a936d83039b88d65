/** Workspaces, people, activity entries with the log command they came in, daily totals, undo audit. */
export const sql = `
CREATE TABLE workspaces (
  team_id     TEXT PRIMARY KEY,
  created_at  TEXT NOT NULL
) STRICT;

CREATE TABLE people (
  team_id             TEXT NOT NULL REFERENCES workspaces (team_id),
  user_id             TEXT NOT NULL,
  name                TEXT,
  locale              TEXT CHECK (locale IN ('en', 'ja')),
  time_zone           TEXT,
  role                TEXT NOT NULL DEFAULT 'rep' CHECK (role IN ('rep', 'manager')),
  is_slack_admin      INTEGER NOT NULL DEFAULT 0,
  is_active           INTEGER NOT NULL DEFAULT 1,
  profile_checked_at  TEXT,
  created_at          TEXT NOT NULL,
  PRIMARY KEY (team_id, user_id)
) STRICT;

-- One row per /kpi log (or log modal): what undo takes back as a whole.
CREATE TABLE log_commands (
  id           INTEGER PRIMARY KEY,
  team_id      TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  request_key  TEXT,
  source       TEXT NOT NULL CHECK (source IN ('slash', 'modal')),
  text         TEXT NOT NULL,
  day          TEXT NOT NULL,
  logged_at    TEXT NOT NULL,
  undone_at    TEXT,
  FOREIGN KEY (team_id, user_id) REFERENCES people (team_id, user_id)
) STRICT;
-- A request Slack (or a client) sends twice is stored once.
CREATE UNIQUE INDEX log_commands_request ON log_commands (team_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX log_commands_open ON log_commands (team_id, user_id, id) WHERE undone_at IS NULL;

CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  team_id      TEXT NOT NULL REFERENCES workspaces (team_id),
  file_name    TEXT NOT NULL,
  row_count    INTEGER NOT NULL,
  imported_at  TEXT NOT NULL
) STRICT;

CREATE TABLE entries (
  id          INTEGER PRIMARY KEY,
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  command_id  INTEGER REFERENCES log_commands (id),
  import_id   INTEGER REFERENCES imports (id),
  metric      TEXT NOT NULL,
  value       INTEGER NOT NULL CHECK (value >= 0),
  day         TEXT NOT NULL,
  note        TEXT,
  logged_at   TEXT NOT NULL,
  undone_at   TEXT,
  FOREIGN KEY (team_id, user_id) REFERENCES people (team_id, user_id),
  CHECK ((command_id IS NULL) <> (import_id IS NULL))
) STRICT;
CREATE INDEX entries_person_day ON entries (team_id, user_id, day);
CREATE INDEX entries_command ON entries (command_id) WHERE command_id IS NOT NULL;
CREATE INDEX entries_import ON entries (import_id) WHERE import_id IS NOT NULL;

-- Kept in the same transaction as the entries, so reports never scan raw history.
CREATE TABLE daily_totals (
  team_id  TEXT NOT NULL,
  user_id  TEXT NOT NULL,
  day      TEXT NOT NULL,
  metric   TEXT NOT NULL,
  total    INTEGER NOT NULL,
  entries  INTEGER NOT NULL,
  PRIMARY KEY (team_id, user_id, day, metric)
) STRICT, WITHOUT ROWID;
CREATE INDEX daily_totals_team_day ON daily_totals (team_id, day);

CREATE TABLE undo_audit (
  id           INTEGER PRIMARY KEY,
  team_id      TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  command_id   INTEGER NOT NULL REFERENCES log_commands (id),
  request_key  TEXT,
  undone_at    TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX undo_audit_request ON undo_audit (team_id, request_key) WHERE request_key IS NOT NULL;

-- Written by the health check to prove the database still takes writes.
CREATE TABLE heartbeat (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  checked_at  TEXT NOT NULL
) STRICT;
`;
