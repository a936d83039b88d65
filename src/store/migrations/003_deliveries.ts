/** Scheduled deliveries claimed before sending, personal records, the per-person morning DM choice. */
export const sql = `
-- Each scheduled message is claimed here under a unique key before it is sent and marked sent
-- with Slack's ts after, so a restart or a second process never posts it twice.
CREATE TABLE deliveries (
  id           INTEGER PRIMARY KEY,
  team_id      TEXT NOT NULL,
  kpi_team     INTEGER REFERENCES teams (id),
  subject      TEXT NOT NULL,
  kind         TEXT NOT NULL,
  period_key   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('claimed', 'retry', 'sent', 'skipped', 'failed')),
  slot_at      TEXT NOT NULL,
  claimed_at   TEXT NOT NULL,
  claimed_by   TEXT NOT NULL,
  attempts     INTEGER NOT NULL DEFAULT 0,
  next_try_at  TEXT,
  sent_at      TEXT,
  channel      TEXT,
  ts           TEXT,
  reason       TEXT,
  UNIQUE (team_id, subject, kind, period_key)
) STRICT;
CREATE INDEX deliveries_open ON deliveries (status, next_try_at) WHERE status IN ('claimed', 'retry');

-- A person's best day per metric, kept with the daily totals, so a digest can celebrate a
-- personal best without reading a person's whole history.
CREATE TABLE personal_bests (
  team_id        TEXT NOT NULL,
  user_id        TEXT NOT NULL,
  metric         TEXT NOT NULL,
  best           INTEGER NOT NULL,
  day            TEXT NOT NULL,
  previous_best  INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (team_id, user_id, metric)
) STRICT, WITHOUT ROWID;

ALTER TABLE people ADD COLUMN morning_dm INTEGER NOT NULL DEFAULT 1;
`;
