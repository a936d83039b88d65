/** An action plan remembers the request that saved it, so a request Slack sends twice saves one plan. */
export const sql = `
ALTER TABLE action_plans ADD COLUMN request_key TEXT;
CREATE UNIQUE INDEX action_plans_request ON action_plans (team_id, request_key) WHERE request_key IS NOT NULL;
`;
