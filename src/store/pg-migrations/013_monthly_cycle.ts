/**
 * PostgreSQL's twin of SQLite's migration 13 (the monthly cycle, issue 15b): whether a team gets
 * its month-end review and its kickoff post, and the reverse plans waiting for a manager's click.
 */
const T = 'text COLLATE "C"';

export const sql = `
-- The month-end review (of the month just ended) and the kickoff (of the month starting) in the
-- team's channel, on the month's first workday; on unless the team's manager turns them off.
ALTER TABLE teams ADD COLUMN month_review bigint NOT NULL DEFAULT 1 CHECK (month_review IN (0, 1));
ALTER TABLE teams ADD COLUMN kickoff bigint NOT NULL DEFAULT 1 CHECK (kickoff IN (0, 1));

-- A reverse plan shown by /kpi plan … apply, kept until a manager's click applies it (once);
-- request_key: the command's trigger ID, so a command Slack sends twice proposes once.
CREATE TABLE plan_proposals (
  id            ${T} PRIMARY KEY,
  team_id       ${T} NOT NULL,
  kpi_team      bigint NOT NULL REFERENCES teams (id),
  period        ${T} NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
  period_start  ${T} NOT NULL,
  period_end    ${T} NOT NULL,
  targets       ${T} NOT NULL CHECK (targets::json IS NOT NULL),
  tree          ${T} NOT NULL CHECK (tree::json IS NOT NULL),
  proposed_by   ${T} NOT NULL,
  proposed_at   ${T} NOT NULL,
  request_key   ${T},
  applied_by    ${T},
  applied_at    ${T},
  applied_from  ${T}
);
CREATE UNIQUE INDEX plan_proposals_request ON plan_proposals (team_id, request_key) WHERE request_key IS NOT NULL;
`;
