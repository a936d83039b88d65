import type { Db } from './db.js';
import type { Day } from '../domain/days.js';
import { recomputeBestsOf } from './activity.js';
import { ensureWorkspace } from './metrics.js';


/** One entry as CSV carries it: `date,user_id,metric,value,note,logged_at`. */
export interface HistoryRow {
  readonly day: Day;
  readonly userId: string;
  readonly metric: string;
  readonly value: number;
  readonly note: string | null;
  readonly loggedAt: Date;
}

export interface HistoryFilter {
  readonly teamId: string;
  readonly userId?: string | undefined;
  /** Only the current members of this KPI team. */
  readonly kpiTeam?: number | undefined;
  readonly from?: Day | undefined;
  readonly to?: Day | undefined;
}

/** Rows per multi-row INSERT: few round trips, well under SQLite's bound-variable limit. */
const CHUNK = 200;

/** Moving history in and out in bulk: export to CSV, import from a spreadsheet. */
export class History {
  constructor(private readonly db: Db) {}

  /** Streams the entries that stand (undone ones are left out) in day order; returns how many. */
  export(filter: HistoryFilter, onRow: (row: HistoryRow) => void): Promise<number> {
    const where = ['team_id = ?', 'undone_at IS NULL'];
    const params: string[] = [filter.teamId];
    if (filter.userId) {
      where.push('user_id = ?');
      params.push(filter.userId);
    }
    if (filter.kpiTeam !== undefined) {
      where.push('user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)');
      params.push(String(filter.kpiTeam));
    }
    if (filter.from) {
      where.push('day >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('day <= ?');
      params.push(filter.to);
    }
    return this.db.read.each<{ day: Day; user_id: string; metric: string; value: number; note: string | null; logged_at: string }>(
      `SELECT day, user_id, metric, value, note, logged_at FROM entries WHERE ${where.join(' AND ')} ORDER BY day, user_id, logged_at, id`,
      params,
      (r) => onRow({ day: r.day, userId: r.user_id, metric: r.metric, value: r.value, note: r.note, loggedAt: new Date(r.logged_at) }),
    );
  }

  /**
   * Loads rows into a workspace in one transaction: every row or none. People the rows name are
   * created; daily totals gain the imported sums. Returns the import's ID.
   */
  import(teamId: string, fileName: string, rows: readonly HistoryRow[], at: Date): Promise<number> {
    return this.db.write(async (tx) => {
      const when = at.toISOString();
      await ensureWorkspace(tx, teamId, at);
      const { lastId: importId } = await tx.run('INSERT INTO imports (team_id, file_name, row_count, imported_at) VALUES (?, ?, ?, ?)', [
        teamId,
        fileName,
        rows.length,
        when,
      ]);
      for (const userId of new Set(rows.map((r) => r.userId))) {
        await tx.run('INSERT INTO people (team_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [teamId, userId, when]);
      }
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        await tx.run(
          `INSERT INTO entries (team_id, user_id, import_id, metric, value, day, note, logged_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((r) => [teamId, r.userId, importId, r.metric, r.value, r.day, r.note, r.loggedAt.toISOString()]),
        );
      }
      // The entries_into_totals trigger added every row to its daily total; the bests, filled in
      // the file's row order, are worked out again in day order.
      const touched = await tx.all<{ user_id: string; metric: string }>('SELECT DISTINCT user_id, metric FROM entries WHERE import_id = ?', [importId]);
      for (const t of touched) await recomputeBestsOf(tx, teamId, t.user_id, t.metric);
      return importId;
    });
  }
}
