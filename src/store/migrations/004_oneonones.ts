/** 1on1 schedules, the action plans agreed in them, and reps' check-in answers. */
export const sql = `
-- One schedule per rep: the weekday and time are in the manager's zone.
CREATE TABLE oneonones (
  team_id       TEXT NOT NULL,
  rep           TEXT NOT NULL,
  manager       TEXT NOT NULL,
  weekday       INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  minutes       INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1439),
  every_weeks   INTEGER NOT NULL CHECK (every_weeks IN (1, 2)),
  anchor        TEXT NOT NULL,
  created_by    TEXT NOT NULL,
  created_at    TEXT NOT NULL,
  PRIMARY KEY (team_id, rep),
  FOREIGN KEY (team_id, rep) REFERENCES people (team_id, user_id),
  FOREIGN KEY (team_id, manager) REFERENCES people (team_id, user_id)
) STRICT;

-- Kept, not overwritten: the next prep shows the last plan and how the numbers moved since.
CREATE TABLE action_plans (
  id          INTEGER PRIMARY KEY,
  team_id     TEXT NOT NULL,
  rep         TEXT NOT NULL,
  text        TEXT NOT NULL,
  saved_by    TEXT NOT NULL,
  saved_at    TEXT NOT NULL,
  day         TEXT NOT NULL
) STRICT;
CREATE INDEX action_plans_rep ON action_plans (team_id, rep, id);

-- A rep's answers before a 1on1, visible to the rep, their manager and admins.
CREATE TABLE checkins (
  team_id      TEXT NOT NULL,
  rep          TEXT NOT NULL,
  meeting_day  TEXT NOT NULL,
  went_well    TEXT,
  want_help    TEXT,
  answered_at  TEXT NOT NULL,
  PRIMARY KEY (team_id, rep, meeting_day)
) STRICT;

ALTER TABLE teams ADD COLUMN oneonone_checkin INTEGER NOT NULL DEFAULT 1;
`;
