/**
 * What a database holds, read straight from it for the reliability tests (a SQLite file or a
 * PostgreSQL URL): each stored log with its entries, and whether the daily totals, the entries and
 * (SQLite) the file itself agree.
 */
import { Store } from '../../src/store/index.js';

export interface StoredLog {
  readonly requestKey: string | null;
  readonly userId: string;
  readonly text: string;
  readonly undone: boolean;
  readonly entries: readonly { metric: string; value: number }[];
}

export interface DbFacts {
  /** Stored logs by request key (Slack's trigger ID); logs without one are left out. */
  readonly logs: ReadonlyMap<string, StoredLog>;
  /** How many log commands carry each request key: never more than one. */
  readonly maxPerRequestKey: number;
  /** Log commands with no entry at all: a half-written log. */
  readonly logsWithoutEntries: number;
  /** Daily totals that disagree with the entries that stand (or entries with no total). */
  readonly totalsOutOfStep: number;
  /** `PRAGMA integrity_check`: 'ok' for a sound file (PostgreSQL checks its own pages: always 'ok' here). */
  readonly integrity: string;
}

/** Opens the database (after any bot using it has stopped), reads the facts and closes it. */
export async function dbFacts(path: string): Promise<DbFacts> {
  const store = await Store.open(path);
  try {
    return await store.write(async (tx) => {
      const rows = await tx.all<{ id: number; request_key: string | null; user_id: string; text: string; undone_at: string | null; metric: string | null; value: number | null }>(
        `SELECT c.id, c.request_key, c.user_id, c.text, c.undone_at, e.metric, e.value
         FROM log_commands c LEFT JOIN entries e ON e.command_id = c.id ORDER BY c.id, e.id`,
      );
      const logs = new Map<string, StoredLog & { entries: { metric: string; value: number }[] }>();
      const perKey = new Map<string, number>();
      const seenIds = new Set<number>();
      let withoutEntries = 0;
      for (const r of rows) {
        if (!seenIds.has(r.id)) {
          seenIds.add(r.id);
          if (r.metric === null) withoutEntries += 1;
          if (r.request_key !== null) {
            perKey.set(r.request_key, (perKey.get(r.request_key) ?? 0) + 1);
            logs.set(r.request_key, { requestKey: r.request_key, userId: r.user_id, text: r.text, undone: r.undone_at !== null, entries: [] });
          }
        }
        if (r.request_key !== null && r.metric !== null) logs.get(r.request_key)!.entries.push({ metric: r.metric, value: r.value! });
      }
      const totals = await tx.get<{ bad: number }>(
        `SELECT count(*) AS bad FROM (
           SELECT team_id, user_id, day, metric, sum(value) AS total, count(*) AS n FROM entries
           WHERE undone_at IS NULL AND metric NOT IN (SELECT key FROM metrics WHERE kind = 'snapshot') GROUP BY team_id, user_id, day, metric
         ) e FULL OUTER JOIN (SELECT * FROM daily_totals WHERE metric NOT IN (SELECT key FROM metrics WHERE kind = 'snapshot')) d USING (team_id, user_id, day, metric)
         WHERE e.total IS DISTINCT FROM d.total OR e.n IS DISTINCT FROM d.entries`,
      );
      const integrity = tx.dialect === 'sqlite' ? await tx.get<{ integrity_check: string }>('PRAGMA integrity_check') : { integrity_check: 'ok' };
      return {
        logs,
        maxPerRequestKey: Math.max(0, ...perKey.values()),
        logsWithoutEntries: withoutEntries,
        totalsOutOfStep: totals!.bad,
        integrity: integrity!.integrity_check,
      };
    });
  } finally {
    await store.close();
  }
}
