/**
 * The KPI model as data: each workspace's metric definitions (flows, snapshots, rates with their
 * formula), the triggers reading how a metric adds up from them, an index for carrying snapshots
 * forward, a team's own funnel, and who a meeting was handed to (or a win credited from).
 */
export const sql = `
CREATE TABLE metrics (
  team_id         TEXT NOT NULL REFERENCES workspaces (team_id),
  key             TEXT NOT NULL,
  kind            TEXT NOT NULL CHECK (kind IN ('flow', 'snapshot', 'rate')),
  unit            TEXT NOT NULL CHECK (unit IN ('count', 'currency', 'percent', 'score')),
  name_en         TEXT NOT NULL,
  name_ja         TEXT NOT NULL,
  singular_en     TEXT NOT NULL,
  counter_ja      TEXT NOT NULL DEFAULT '',
  aliases         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases)),
  daily_max       REAL,
  better          TEXT NOT NULL CHECK (better IN ('higher', 'lower')),
  numerator       TEXT CHECK (numerator IS NULL OR json_valid(numerator)),
  denominator     TEXT,
  denominator_at  TEXT CHECK (denominator_at IN ('start', 'end')),
  out_of          REAL,
  position        INTEGER NOT NULL,
  built_in        INTEGER NOT NULL CHECK (built_in IN (0, 1)),
  retired_at      TEXT,
  created_by      TEXT,
  created_at      TEXT NOT NULL,
  updated_by      TEXT,
  updated_at      TEXT,
  PRIMARY KEY (team_id, key),
  CHECK ((kind = 'rate') = (denominator IS NOT NULL AND numerator IS NOT NULL))
) STRICT;

-- How a metric adds up now comes from the workspace's definitions, not from one global table.
DROP TRIGGER entries_into_totals;
DROP TABLE metric_rules;

CREATE TRIGGER entries_into_totals AFTER INSERT ON entries WHEN new.undone_at IS NULL
BEGIN
  -- Flows add the value; a snapshot keeps its total for the UPDATE below.
  INSERT INTO daily_totals (team_id, user_id, day, metric, total, entries)
  VALUES (new.team_id, new.user_id, new.day, new.metric, new.value, 1)
  ON CONFLICT DO UPDATE SET
    total = CASE WHEN (SELECT kind FROM metrics WHERE team_id = excluded.team_id AND key = excluded.metric) = 'snapshot' THEN total ELSE total + excluded.total END,
    entries = entries + 1;
  -- A snapshot's day total is the day's latest entry that stands.
  UPDATE daily_totals SET total = (
      SELECT e.value FROM entries e
      WHERE e.team_id = new.team_id AND e.user_id = new.user_id AND e.day = new.day AND e.metric = new.metric AND e.undone_at IS NULL
      ORDER BY e.logged_at DESC, e.id DESC LIMIT 1)
  WHERE team_id = new.team_id AND user_id = new.user_id AND day = new.day AND metric = new.metric
    AND (SELECT kind FROM metrics WHERE team_id = new.team_id AND key = new.metric) = 'snapshot';
  -- A day that beats the best becomes it (flows where more is better); the best of another day becomes the one beaten.
  INSERT INTO personal_bests (team_id, user_id, metric, best, day, previous_best)
  SELECT team_id, user_id, metric, total, day, 0 FROM daily_totals
  WHERE team_id = new.team_id AND user_id = new.user_id AND day = new.day AND metric = new.metric
    AND EXISTS (SELECT 1 FROM metrics WHERE team_id = new.team_id AND key = new.metric AND kind = 'flow' AND better = 'higher')
  ON CONFLICT DO UPDATE SET
    previous_best = CASE WHEN day <> excluded.day THEN best ELSE previous_best END,
    day = excluded.day,
    best = excluded.best
  WHERE excluded.best > best;
END;

-- A snapshot's latest value on or before a day, per person: one index seek instead of a scan of their history.
CREATE INDEX daily_totals_person_metric ON daily_totals (team_id, user_id, metric, day);

-- A pair may name another person: the field rep a meeting was handed to, or the inside rep a win came from.
ALTER TABLE entries ADD COLUMN counterpart TEXT;
ALTER TABLE entries ADD COLUMN direction TEXT CHECK (direction IN ('to', 'from'));
CREATE INDEX entries_counterpart ON entries (team_id, counterpart, day) WHERE counterpart IS NOT NULL;

DROP TRIGGER log_intake_insert;
CREATE TRIGGER log_intake_insert INSTEAD OF INSERT ON log_intake
BEGIN
  INSERT INTO log_commands (id, team_id, user_id, request_key, source, text, day, logged_at)
  VALUES (new.command_id, new.team_id, new.user_id, new.request_key, new.source, new.text, new.day, new.logged_at);
  INSERT INTO entries (team_id, user_id, command_id, metric, value, day, note, logged_at, counterpart, direction)
  SELECT new.team_id, new.user_id, new.command_id, json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]'), new.day, new.note, new.logged_at,
         json_extract(p.value, '$[2]'), json_extract(p.value, '$[3]')
  FROM json_each(new.pairs) AS p ORDER BY p.key;
END;

-- The team's funnel, in order: each metric converts into the next (seed 000's by default).
ALTER TABLE teams ADD COLUMN funnel TEXT NOT NULL DEFAULT '["calls","connects","meetings","wins"]' CHECK (json_valid(funnel));
`;
