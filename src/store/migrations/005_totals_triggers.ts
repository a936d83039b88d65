/**
 * A log stored by one statement: the `log_intake` view takes the log command with its pairs, and
 * triggers insert the command, its entries, and keep the daily totals and personal bests — where the
 * application used to send several statements per number, each a round trip through node-sqlite3's
 * thread pool on the hot path of `/kpi log`.
 */
export const sql = `
-- How each logged metric adds up, written from the metric registry every time the store opens.
CREATE TABLE metric_rules (
  metric   TEXT PRIMARY KEY,
  latest   INTEGER NOT NULL CHECK (latest IN (0, 1)),
  records  INTEGER NOT NULL CHECK (records IN (0, 1))
) STRICT, WITHOUT ROWID;

-- Inserting into the view stores a log: its command (under the id the caller chose) and its pairs,
-- a JSON array of [metric, value].
CREATE VIEW log_intake AS
  SELECT id AS command_id, team_id, user_id, request_key, source, text, day, logged_at, NULL AS note, NULL AS pairs
  FROM log_commands WHERE 0;

CREATE TRIGGER log_intake_insert INSTEAD OF INSERT ON log_intake
BEGIN
  INSERT INTO log_commands (id, team_id, user_id, request_key, source, text, day, logged_at)
  VALUES (new.command_id, new.team_id, new.user_id, new.request_key, new.source, new.text, new.day, new.logged_at);
  INSERT INTO entries (team_id, user_id, command_id, metric, value, day, note, logged_at)
  SELECT new.team_id, new.user_id, new.command_id, json_extract(p.value, '$[0]'), json_extract(p.value, '$[1]'), new.day, new.note, new.logged_at
  FROM json_each(new.pairs) AS p ORDER BY p.key;
END;

CREATE TRIGGER entries_into_totals AFTER INSERT ON entries WHEN new.undone_at IS NULL
BEGIN
  -- Summed metrics add the value; a snapshot (latest = 1) keeps its total for the UPDATE below.
  INSERT INTO daily_totals (team_id, user_id, day, metric, total, entries)
  VALUES (new.team_id, new.user_id, new.day, new.metric, new.value, 1)
  ON CONFLICT DO UPDATE SET
    total = CASE WHEN coalesce((SELECT latest FROM metric_rules WHERE metric = excluded.metric), 0) = 1 THEN total ELSE total + excluded.total END,
    entries = entries + 1;
  -- A snapshot's day total is the day's latest entry that stands.
  UPDATE daily_totals SET total = (
      SELECT e.value FROM entries e
      WHERE e.team_id = new.team_id AND e.user_id = new.user_id AND e.day = new.day AND e.metric = new.metric AND e.undone_at IS NULL
      ORDER BY e.logged_at DESC, e.id DESC LIMIT 1)
  WHERE team_id = new.team_id AND user_id = new.user_id AND day = new.day AND metric = new.metric
    AND coalesce((SELECT latest FROM metric_rules WHERE metric = new.metric), 0) = 1;
  -- A day that beats the best becomes it; the best of another day becomes the one beaten.
  INSERT INTO personal_bests (team_id, user_id, metric, best, day, previous_best)
  SELECT team_id, user_id, metric, total, day, 0 FROM daily_totals
  WHERE team_id = new.team_id AND user_id = new.user_id AND day = new.day AND metric = new.metric
    AND coalesce((SELECT records FROM metric_rules WHERE metric = new.metric), 0) = 1
  ON CONFLICT DO UPDATE SET
    previous_best = CASE WHEN day <> excluded.day THEN best ELSE previous_best END,
    day = excluded.day,
    best = excluded.best
  WHERE excluded.best > best;
END;
`;
