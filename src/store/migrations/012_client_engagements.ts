/**
 * Agencies and their clients (seed 003): a team may be a client engagement, reported to the client's
 * channel, with reps of the agency working in several; a log names its engagement; the decisions of
 * each review meeting are kept for the next report; a metric carries the definition agreed for it.
 */
export const sql = `
-- A client engagement is a team whose numbers come from the logs that name it. parent_team is the
-- agency team whose managers run it; report is how often the client gets its report.
ALTER TABLE teams ADD COLUMN client TEXT;
ALTER TABLE teams ADD COLUMN parent_team INTEGER REFERENCES teams (id);
ALTER TABLE teams ADD COLUMN report TEXT NOT NULL DEFAULT 'weekly' CHECK (report IN ('weekly', 'monthly'));

-- Who works in an engagement, besides their own team; is_default marks the one a log goes to when it names none.
CREATE TABLE engagement_members (
  engagement  INTEGER NOT NULL REFERENCES teams (id),
  team_id     TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  joined_at   TEXT NOT NULL,
  left_at     TEXT,
  PRIMARY KEY (engagement, user_id),
  FOREIGN KEY (team_id, user_id) REFERENCES people (team_id, user_id)
) STRICT;
CREATE INDEX engagement_members_person ON engagement_members (team_id, user_id) WHERE left_at IS NULL;

-- The engagement a log (and each of its entries) counts for; NULL for work outside any engagement.
ALTER TABLE log_commands ADD COLUMN engagement INTEGER REFERENCES teams (id);
ALTER TABLE entries ADD COLUMN engagement INTEGER REFERENCES teams (id);
CREATE INDEX entries_engagement ON entries (engagement, day) WHERE engagement IS NOT NULL;

DROP VIEW log_intake;
CREATE VIEW log_intake AS
  SELECT id AS command_id, team_id, user_id, request_key, source, text, day, logged_at, NULL AS note, NULL AS pairs, engagement
  FROM log_commands WHERE 0;
CREATE TRIGGER log_intake_insert INSTEAD OF INSERT ON log_intake
BEGIN
  INSERT INTO log_commands (id, team_id, user_id, request_key, source, text, day, logged_at, engagement)
  VALUES (new.command_id, new.team_id, new.user_id, new.request_key, new.source, new.text, new.day, new.logged_at, new.engagement);
  INSERT INTO entries (team_id, user_id, command_id, metric, value, day, note, logged_at, counterpart, direction, engagement)
  SELECT new.team_id, new.user_id, new.command_id, json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]'), new.day, new.note, new.logged_at,
         json_extract(p.value, '$[2]'), json_extract(p.value, '$[3]'), new.engagement
  FROM json_each(new.pairs) AS p ORDER BY p.key;
END;

-- What a review meeting decided, shown in the engagement's next report.
CREATE TABLE decisions (
  id          INTEGER PRIMARY KEY,
  kpi_team    INTEGER NOT NULL REFERENCES teams (id),
  text        TEXT NOT NULL,
  decided_by  TEXT NOT NULL,
  decided_at  TEXT NOT NULL,
  request_key TEXT
) STRICT;
CREATE INDEX decisions_team ON decisions (kpi_team, decided_at);
CREATE UNIQUE INDEX decisions_request ON decisions (kpi_team, request_key) WHERE request_key IS NOT NULL;

-- What counts, in the words a manager and a client agreed ("a meeting with the decision maker present").
ALTER TABLE metrics ADD COLUMN definition TEXT;
`;
