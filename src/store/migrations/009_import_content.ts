/**
 * An import remembers a digest of its rows, so the same history loaded into a workspace a second
 * time is refused instead of counted twice.
 */
export const sql = `
ALTER TABLE imports ADD COLUMN content_hash TEXT;
CREATE UNIQUE INDEX imports_content ON imports (team_id, content_hash) WHERE content_hash IS NOT NULL;
`;
