/**
 * What only a person with the right may change, read straight from the database: teams and their
 * settings, targets, KPI trees, 1on1 schedules, plans and check-ins, who is in which team with
 * which role, the workspaces, and everyone's activity. A test sends requests as people without the
 * right and checks this stays as it was, leaving out the rows that are the senders' own.
 */
import type { Store } from '../../src/store/index.js';

export interface GuardedState {
  readonly [table: string]: readonly unknown[];
}

/** The guarded rows of one workspace, those of `ownUsers` left out (their own activity, their own profile). */
export async function guardedState(store: Store, workspace: string, ownUsers: readonly string[] = []): Promise<GuardedState> {
  const own = JSON.stringify(ownUsers);
  const others = 'user_id NOT IN (SELECT value FROM json_each(?))';
  return store.write(async (tx) => ({
    teams: await tx.all('SELECT * FROM teams WHERE team_id = ? ORDER BY id', [workspace]),
    targets: await tx.all('SELECT * FROM targets WHERE team_id = ? ORDER BY rowid', [workspace]),
    trees: await tx.all('SELECT n.* FROM kpi_tree_nodes n JOIN teams t ON t.id = n.kpi_team WHERE t.team_id = ? ORDER BY n.rowid', [workspace]),
    oneonones: await tx.all('SELECT * FROM oneonones WHERE team_id = ? ORDER BY rep', [workspace]),
    plans: await tx.all('SELECT rep, text, saved_by, day FROM action_plans WHERE team_id = ? ORDER BY id', [workspace]),
    checkins: await tx.all('SELECT rep, meeting_day, went_well, want_help FROM checkins WHERE team_id = ? ORDER BY rep, meeting_day', [workspace]),
    membership: await tx.all(`SELECT user_id, kpi_team, role FROM people WHERE team_id = ? AND ${others} ORDER BY user_id`, [workspace, own]),
    entries: await tx.all(`SELECT user_id, metric, value, day, undone_at FROM entries WHERE team_id = ? AND ${others} ORDER BY id`, [workspace, own]),
  }));
}

/** The workspaces the database holds. */
export async function workspaces(store: Store): Promise<string[]> {
  return (await store.write((tx) => tx.all<{ team_id: string }>('SELECT team_id FROM workspaces ORDER BY team_id'))).map((r) => r.team_id);
}
