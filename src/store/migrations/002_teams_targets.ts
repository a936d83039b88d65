/** Teams and their settings, membership, effective-dated targets, the KGI → KPI tree. */
export const sql = `
CREATE TABLE teams (
  id                   INTEGER PRIMARY KEY,
  team_id              TEXT NOT NULL REFERENCES workspaces (team_id),
  name                 TEXT NOT NULL COLLATE NOCASE,
  channel_id           TEXT,
  timezone             TEXT NOT NULL,
  locale               TEXT NOT NULL CHECK (locale IN ('en', 'ja')),
  daily_time           INTEGER CHECK (daily_time BETWEEN 0 AND 1439),
  weekly_day           INTEGER NOT NULL DEFAULT 1 CHECK (weekly_day BETWEEN 1 AND 7),
  weekly_time          INTEGER CHECK (weekly_time BETWEEN 0 AND 1439),
  workdays             TEXT NOT NULL DEFAULT '1,2,3,4,5',
  holidays             TEXT NOT NULL DEFAULT 'jp' CHECK (holidays IN ('jp', 'none')),
  catchup_hours        INTEGER NOT NULL DEFAULT 3,
  morning_dm           INTEGER NOT NULL DEFAULT 1,
  oneonone_lead_hours  INTEGER,
  created_by           TEXT NOT NULL,
  created_at           TEXT NOT NULL,
  UNIQUE (team_id, name)
) STRICT;
CREATE INDEX teams_channel ON teams (team_id, channel_id);

-- A person belongs to one team at most; role (rep or manager) is their role in it.
ALTER TABLE people ADD COLUMN kpi_team INTEGER REFERENCES teams (id);
-- The role template applied last (sdr, bdr, field, cs, manager), for reports to fit their advice.
ALTER TABLE people ADD COLUMN sales_role TEXT;
CREATE INDEX people_kpi_team ON people (kpi_team);

-- Effective-dated: the row in force for a subject and metric on a day is the latest one
-- whose effective_from is not after that day; a NULL value means "no target from then on".
CREATE TABLE targets (
  id              INTEGER PRIMARY KEY,
  team_id         TEXT NOT NULL REFERENCES workspaces (team_id),
  scope           TEXT NOT NULL CHECK (scope IN ('person', 'team')),
  subject         TEXT NOT NULL,
  metric          TEXT NOT NULL,
  value           REAL,
  period          TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
  effective_from  TEXT NOT NULL,
  set_by          TEXT NOT NULL,
  set_at          TEXT NOT NULL,
  source          TEXT NOT NULL CHECK (source IN ('command', 'modal', 'template'))
) STRICT;
CREATE INDEX targets_subject ON targets (team_id, scope, subject, metric, effective_from, id);

CREATE TABLE kpi_tree_nodes (
  id             INTEGER PRIMARY KEY,
  kpi_team       INTEGER NOT NULL REFERENCES teams (id),
  metric         TEXT NOT NULL,
  value          REAL NOT NULL,
  period         TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
  parent_metric  TEXT,
  set_by         TEXT NOT NULL,
  set_at         TEXT NOT NULL,
  UNIQUE (kpi_team, metric)
) STRICT;
`;
