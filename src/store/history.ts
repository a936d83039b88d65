import type { Tx } from './sql.js';
import type { Db } from './db.js';
import type { Day } from '../domain/days.js';
import { recomputeBestsOf, Rejected, type Handoff } from './activity.js';
import { ensureWorkspace } from './metrics.js';

/** One entry as CSV carries it: `date,user_id,metric,value,note,logged_at,handoff`. */
export interface HistoryRow {
  readonly day: Day;
  readonly userId: string;
  readonly metric: string;
  readonly value: number;
  readonly note: string | null;
  readonly loggedAt: Date;
  /** Handed to or received from a colleague (`meetings 2 → @aoi`); none when absent. */
  readonly handoff?: Handoff | null;
  /** The client engagement it counts for (a team's ID); none when absent. */
  readonly engagement?: number | null;
}

/** An entry as an export gives it: the row, the person's name as Slack last told it (null when never), and its client's name. */
export interface ExportedRow extends HistoryRow {
  readonly name: string | null;
  readonly client: string | null;
}

export interface HistoryFilter {
  readonly teamId: string;
  readonly userId?: string | undefined;
  /** Only the current members of this KPI team. */
  readonly kpiTeam?: number | undefined;
  readonly from?: Day | undefined;
  readonly to?: Day | undefined;
}

/** An earlier import of the same rows into the workspace. */
export interface EarlierImport {
  readonly id: number;
  readonly fileName: string;
  readonly rows: number;
  readonly importedAt: Date;
}

/** Why an import stored nothing: the same rows were imported before. */
export interface AlreadyImported {
  readonly kind: 'alreadyImported';
  readonly earlier: EarlierImport;
}

/** Rows per multi-row INSERT: few round trips, well under SQLite's bound-variable limit. */
const CHUNK = 200;

async function earlierImport(q: Pick<Tx, 'get'>, teamId: string, contentHash: string): Promise<EarlierImport | null> {
  const row = await q.get<{ id: number; file_name: string; row_count: number; imported_at: string }>(
    'SELECT id, file_name, row_count, imported_at FROM imports WHERE team_id = ? AND content_hash = ?',
    [teamId, contentHash],
  );
  return row ? { id: row.id, fileName: row.file_name, rows: row.row_count, importedAt: new Date(row.imported_at) } : null;
}

/** Moving history in and out in bulk: export to CSV, import from a spreadsheet. */
export class History {
  constructor(private readonly db: Db) {}

  /**
   * Streams the entries that stand (undone ones are left out) in day order, each with the person's
   * name; returns how many. A read that fails part way rejects: what was streamed is then incomplete.
   */
  export(filter: HistoryFilter, onRow: (row: ExportedRow) => void): Promise<number> {
    const where = ['e.team_id = ?', 'e.undone_at IS NULL'];
    const params: string[] = [filter.teamId];
    if (filter.userId) {
      where.push('e.user_id = ?');
      params.push(filter.userId);
    }
    if (filter.kpiTeam !== undefined) {
      where.push('e.user_id IN (SELECT user_id FROM people WHERE team_id = e.team_id AND kpi_team = ?)');
      params.push(String(filter.kpiTeam));
    }
    if (filter.from) {
      where.push('e.day >= ?');
      params.push(filter.from);
    }
    if (filter.to) {
      where.push('e.day <= ?');
      params.push(filter.to);
    }
    return this.db.read.each<{ day: Day; user_id: string; name: string | null; metric: string; value: number; note: string | null; logged_at: string; counterpart: string | null; direction: 'to' | 'from' | null; engagement: number | null; client: string | null }>(
      `SELECT e.day, e.user_id, p.name, e.metric, e.value, e.note, e.logged_at, e.counterpart, e.direction, e.engagement, c.client FROM entries e
       LEFT JOIN people p ON p.team_id = e.team_id AND p.user_id = e.user_id
       LEFT JOIN teams c ON c.id = e.engagement
       WHERE ${where.join(' AND ')} ORDER BY e.day, e.user_id, e.logged_at, e.id`,
      params,
      (r) =>
        onRow({
          day: r.day,
          userId: r.user_id,
          name: r.name,
          metric: r.metric,
          value: r.value,
          note: r.note,
          loggedAt: new Date(r.logged_at),
          handoff: r.counterpart && r.direction ? { userId: r.counterpart, direction: r.direction } : null,
          engagement: r.engagement,
          client: r.client,
        }),
    );
  }

  /** The earlier import of rows with this digest into the workspace, if there was one. */
  importedBefore(teamId: string, contentHash: string): Promise<EarlierImport | null> {
    return earlierImport(this.db.read, teamId, contentHash);
  }

  /**
   * Loads rows into a workspace in one transaction: every row or none. The rows may come as they
   * are read (an async iterable): they are written in chunks and never all held in memory; one
   * that throws rolls the whole import back. People the rows name are created; daily totals gain
   * the imported sums. With `contentHash`, the same rows imported before are refused with
   * `Rejected<AlreadyImported>`. Returns the import's ID and how many rows it stored.
   */
  import(
    teamId: string,
    fileName: string,
    rows: Iterable<HistoryRow> | AsyncIterable<HistoryRow>,
    at: Date,
    options: { readonly contentHash?: string } = {},
  ): Promise<{ importId: number; rows: number }> {
    return this.db.write(async (tx) => {
      const when = at.toISOString();
      const hash = options.contentHash ?? null;
      if (hash !== null) {
        const earlier = await earlierImport(tx, teamId, hash);
        if (earlier) throw new Rejected<AlreadyImported>({ kind: 'alreadyImported', earlier });
      }
      await ensureWorkspace(tx, teamId, at);
      const importId = (await tx.insert('INSERT INTO imports (team_id, file_name, row_count, imported_at, content_hash) VALUES (?, ?, 0, ?, ?)', [
        teamId,
        fileName,
        when,
        hash,
      ]))!;
      const people = new Set<string>();
      let count = 0;
      const write = async (chunk: readonly HistoryRow[]) => {
        for (const userId of new Set(chunk.map((r) => r.userId))) {
          if (people.has(userId)) continue;
          people.add(userId);
          await tx.run('INSERT INTO people (team_id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [teamId, userId, when]);
        }
        await tx.run(
          `INSERT INTO entries (team_id, user_id, import_id, metric, value, day, note, logged_at, counterpart, direction, engagement) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
          chunk.flatMap((r) => [teamId, r.userId, importId, r.metric, r.value, r.day, r.note, r.loggedAt.toISOString(), r.handoff?.userId ?? null, r.handoff?.direction ?? null, r.engagement ?? null]),
        );
        count += chunk.length;
      };
      // One chunk is written (on SQLite's thread) while the next is read: at most two in memory.
      let writing: Promise<void> = Promise.resolve();
      let chunk: HistoryRow[] = [];
      try {
        for await (const row of rows) {
          chunk.push(row);
          if (chunk.length < CHUNK) continue;
          await writing;
          writing = write(chunk);
          // Seen at once, so a failed write is not an unhandled rejection while the next chunk is read.
          writing.catch(() => undefined);
          chunk = [];
        }
      } finally {
        // A read that failed still waits for the write under way before the transaction rolls back.
        await writing.catch(() => undefined);
      }
      await writing;
      if (chunk.length > 0) await write(chunk);
      await tx.run('UPDATE imports SET row_count = ? WHERE id = ?', [count, importId]);
      // The entries_into_totals trigger added every row to its daily total; the bests, filled in
      // the file's row order, are worked out again in day order.
      const touched = await tx.all<{ user_id: string; metric: string }>('SELECT DISTINCT user_id, metric FROM entries WHERE import_id = ?', [importId]);
      for (const t of touched) await recomputeBestsOf(tx, teamId, t.user_id, t.metric);
      return { importId, rows: count };
    });
  }
}
