/**
 * The right people get the right messages: personal days off, a team's company closures, the evening
 * reminder (team time, personal opt-out), managers' pace alerts, when each person joined their team
 * (no catch-up for a slot before it), and to whom a 1on1's prep goes.
 */
export const sql = `
-- A team's company closures, as a JSON array of {from, to} days.
ALTER TABLE teams ADD COLUMN closures TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(closures));
-- Minutes after midnight of the evening reminder; NULL when the team has it off (the default).
ALTER TABLE teams ADD COLUMN reminder_time INTEGER CHECK (reminder_time BETWEEN 0 AND 1439);
ALTER TABLE teams ADD COLUMN pace_alerts INTEGER NOT NULL DEFAULT 0 CHECK (pace_alerts IN (0, 1));

-- A person's own choice about the evening reminder (the team's setting applies on top).
ALTER TABLE people ADD COLUMN evening_reminder INTEGER NOT NULL DEFAULT 1 CHECK (evening_reminder IN (0, 1));
-- When they joined their current team; NULL for people who joined before this was kept.
ALTER TABLE people ADD COLUMN joined_at TEXT;

-- 'manager': the prep goes to the manager who scheduled it; 'team': to every manager of the rep's team.
ALTER TABLE oneonones ADD COLUMN recipients TEXT NOT NULL DEFAULT 'manager' CHECK (recipients IN ('manager', 'team'));

-- A person's days off, one row a day: typed with /kpi off, or read from Slack's vacation status.
-- Cancelled days are kept with the time they were cancelled.
CREATE TABLE days_off (
  team_id       TEXT NOT NULL,
  user_id       TEXT NOT NULL,
  day           TEXT NOT NULL,
  source        TEXT NOT NULL CHECK (source IN ('command', 'slack')),
  created_at    TEXT NOT NULL,
  cancelled_at  TEXT,
  PRIMARY KEY (team_id, user_id, day),
  FOREIGN KEY (team_id, user_id) REFERENCES people (team_id, user_id)
) STRICT, WITHOUT ROWID;
`;
