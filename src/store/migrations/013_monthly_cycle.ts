/**
 * The monthly cycle and plans people act on (issue 15, seed 004): whether a team gets its month-end
 * review and its kickoff post, and the reverse plans a manager asked to apply, each waiting for the
 * click that sets them (once).
 */
export const sql = `
-- The month-end review (of the month just ended) and the kickoff (of the month starting) in the
-- team's channel, on the month's first workday; on unless the team's manager turns them off.
ALTER TABLE teams ADD COLUMN month_review INTEGER NOT NULL DEFAULT 1 CHECK (month_review IN (0, 1));
ALTER TABLE teams ADD COLUMN kickoff INTEGER NOT NULL DEFAULT 1 CHECK (kickoff IN (0, 1));

-- A reverse plan shown by /kpi plan … apply: the team targets and the tree it would set, kept until
-- a manager's click applies it. The button carries only the id; applied_at makes a second click
-- (or a replayed request) change nothing. request_key: the command's trigger ID, so a command Slack
-- sends twice proposes once.
CREATE TABLE plan_proposals (
  id           TEXT PRIMARY KEY,
  team_id      TEXT NOT NULL,
  kpi_team     INTEGER NOT NULL REFERENCES teams (id),
  period       TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  targets      TEXT NOT NULL CHECK (json_valid(targets)),
  tree         TEXT NOT NULL CHECK (json_valid(tree)),
  proposed_by  TEXT NOT NULL,
  proposed_at  TEXT NOT NULL,
  request_key  TEXT,
  applied_by   TEXT,
  applied_at   TEXT,
  applied_from TEXT
) STRICT;
CREATE UNIQUE INDEX plan_proposals_request ON plan_proposals (team_id, request_key) WHERE request_key IS NOT NULL;
`;
