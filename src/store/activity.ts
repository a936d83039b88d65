import type { Tx } from './connection.js';
import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';
import { LOGGED_METRICS, LOGGED, type LoggedMetric } from '../domain/metrics.js';
import type { Totals } from '../domain/rates.js';

export interface Pair {
  readonly metric: LoggedMetric;
  readonly value: number;
}

export interface LogInput {
  readonly teamId: string;
  readonly userId: string;
  /** Slack's trigger ID or another key unique to the request: a repeated request is stored once. */
  readonly requestKey: string | null;
  readonly source: 'slash' | 'modal';
  readonly text: string;
  readonly day: Day;
  readonly loggedAt: Date;
  readonly pairs: readonly Pair[];
  readonly note: string | null;
}

export interface StoredLog {
  readonly commandId: number;
  readonly day: Day;
  readonly loggedAt: Date;
  readonly pairs: readonly Pair[];
  readonly note: string | null;
  /** True when this request had been stored before and nothing new was written. */
  readonly duplicate: boolean;
  /** The person's totals for the day after the log. */
  readonly dayTotals: Totals;
}

export interface UndoneLog {
  readonly commandId: number;
  readonly day: Day;
  readonly loggedAt: Date;
  readonly pairs: readonly Pair[];
  readonly dayTotals: Totals;
}

/** Thrown inside a write to roll it back for a reason the caller chose (a day total over its ceiling). */
export class Rejected<R> extends Error {
  constructor(readonly reason: R) {
    super('write rejected');
  }
}

/** Metrics whose period value is their last day's (a pipeline snapshot). */
const LATEST_METRICS: ReadonlySet<string> = new Set(LOGGED_METRICS.filter((m) => LOGGED[m].aggregation === 'latest'));

/**
 * Period values per person from the daily totals, in one pass over the range: the sum, and the
 * total of the last day in the range (with exactly one max() in a query, SQLite takes the bare
 * column `total` from the row holding it). Summed metrics take the first, snapshot metrics the
 * second. `who` selects the people.
 */
const PERIOD_TOTALS = (who: string) => `
  SELECT user_id, metric, sum(total) AS total, max(day) AS last_day, total AS last_total FROM daily_totals
  WHERE ${who} AND day BETWEEN ? AND ?
  GROUP BY user_id, metric`;
const PERSON_TOTALS = PERIOD_TOTALS('team_id = ? AND user_id = ?');
const MEMBER_TOTALS = PERIOD_TOTALS('team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)');

function groupTotals(rows: readonly { user_id: string; metric: LoggedMetric; total: number; last_total: number }[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const totals = out.get(r.user_id) ?? {};
    totals[r.metric] = LATEST_METRICS.has(r.metric) ? r.last_total : r.total;
    out.set(r.user_id, totals);
  }
  return out;
}

async function readDayTotals(q: Pick<Tx, 'all'>, teamId: string, userId: string, d: Day): Promise<Totals> {
  const rows = await q.all<{ metric: LoggedMetric; total: number }>(
    'SELECT metric, total FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ?',
    [teamId, userId, d],
  );
  return Object.fromEntries(rows.map((r) => [r.metric, r.total])) as Totals;
}

async function commandPairs(tx: Pick<Tx, 'all'>, commandId: number): Promise<Pair[]> {
  return tx.all<Pair>('SELECT metric, value FROM entries WHERE command_id = ? ORDER BY id', [commandId]);
}

/**
 * Brings a daily total up to date after an entry was added (`sign` 1) or undone (−1). Summed
 * metrics add or subtract the value; a snapshot metric (pipeline) takes the value of the day's
 * latest entry that still stands. The row goes when no entry is left in it.
 */
export async function applyToDailyTotal(
  tx: Tx,
  key: { teamId: string; userId: string; day: Day; metric: LoggedMetric },
  value: number,
  sign: 1 | -1,
): Promise<void> {
  const params = [key.teamId, key.userId, key.day, key.metric];
  if (LOGGED[key.metric].aggregation === 'latest') {
    await tx.run('DELETE FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?', params);
    await tx.run(
      `INSERT INTO daily_totals (team_id, user_id, day, metric, total, entries)
       SELECT team_id, user_id, day, metric,
              (SELECT e2.value FROM entries e2 WHERE e2.team_id = e.team_id AND e2.user_id = e.user_id AND e2.day = e.day
                 AND e2.metric = e.metric AND e2.undone_at IS NULL ORDER BY e2.logged_at DESC, e2.id DESC LIMIT 1),
              count(*)
       FROM entries e WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ? AND undone_at IS NULL
       GROUP BY team_id, user_id, day, metric`,
      params,
    );
    return;
  }
  if (sign === 1) {
    await tx.run(
      `INSERT INTO daily_totals (team_id, user_id, day, metric, total, entries) VALUES (?, ?, ?, ?, ?, 1)
       ON CONFLICT DO UPDATE SET total = total + excluded.total, entries = entries + 1`,
      [...params, value],
    );
    if (keepsRecords(key.metric)) {
      // Every right-hand side reads the row as it was, so the old best becomes the one beaten.
      await tx.run(
        `INSERT INTO personal_bests (team_id, user_id, metric, best, day, previous_best)
         SELECT team_id, user_id, metric, total, day, 0 FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?
         ON CONFLICT DO UPDATE SET
           previous_best = CASE WHEN excluded.best > best AND day <> excluded.day THEN best ELSE previous_best END,
           day = CASE WHEN excluded.best > best THEN excluded.day ELSE day END,
           best = max(best, excluded.best)`,
        params,
      );
    }
    return;
  }
  await tx.run(
    'UPDATE daily_totals SET total = total - ?, entries = entries - 1 WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?',
    [value, ...params],
  );
  await tx.run('DELETE FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ? AND entries <= 0', params);
  if (keepsRecords(key.metric)) await recomputeBest(tx, key.teamId, key.userId, key.metric);
}

/** Personal bests are kept for counts and amounts that add up and where more is better. */
export function keepsRecords(metric: LoggedMetric): boolean {
  return LOGGED[metric].aggregation === 'sum' && LOGGED[metric].better === 'higher';
}

/**
 * Rebuilds a person's best day for a metric from the daily totals (after an undo or an import): the
 * earliest day with the highest total, and the highest total before that day. One pass over the
 * person's days (a running maximum), so an undo costs the same with a month of history or years.
 */
export async function recomputeBest(tx: Tx, teamId: string, userId: string, metric: LoggedMetric): Promise<void> {
  await tx.run('DELETE FROM personal_bests WHERE team_id = ? AND user_id = ? AND metric = ?', [teamId, userId, metric]);
  await tx.run(
    `INSERT INTO personal_bests (team_id, user_id, metric, best, day, previous_best)
     SELECT team_id, user_id, metric, total, day, coalesce(before, 0) FROM (
       SELECT team_id, user_id, metric, total, day,
              max(total) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before
       FROM daily_totals WHERE team_id = ? AND user_id = ? AND metric = ?)
     ORDER BY total DESC, day ASC LIMIT 1`,
    [teamId, userId, metric],
  );
}

/** Activity as people log it: log commands, their entries, the daily totals kept beside them, undo. */
export class Activity {
  constructor(private readonly db: Db) {}

  /**
   * Stores one log, all of its pairs or none, with the daily totals in the same transaction.
   * `check` sees the day's totals after the log; a non-null answer rolls the log back and is thrown
   * as `Rejected`.
   */
  log<R>(input: LogInput, check?: (dayTotals: Totals) => R | null): Promise<StoredLog> {
    return this.db.write(async (tx) => {
      // One read says whether the request was stored before and whether the person is known: every
      // statement here is a round trip on the hot path of /kpi log.
      const found = (await tx.get<{ id: number | null; day: Day; logged_at: string; known: number }>(
        `SELECT c.id, c.day, c.logged_at, EXISTS (SELECT 1 FROM people WHERE team_id = ? AND user_id = ?) AS known
         FROM (SELECT 1) LEFT JOIN log_commands c ON c.team_id = ? AND c.request_key = ?`,
        [input.teamId, input.userId, input.teamId, input.requestKey],
      ))!;
      if (found.id !== null) {
        const pairs = await commandPairs(tx, found.id);
        const note = (await tx.get<{ note: string | null }>('SELECT note FROM entries WHERE command_id = ? LIMIT 1', [found.id]))?.note ?? null;
        return {
          commandId: found.id,
          day: found.day,
          loggedAt: new Date(found.logged_at),
          pairs,
          note,
          duplicate: true,
          dayTotals: await readDayTotals(tx, input.teamId, input.userId, found.day),
        };
      }
      const at = input.loggedAt.toISOString();
      if (!found.known) await ensurePerson(tx, input.teamId, input.userId, input.loggedAt);
      const { lastId: commandId } = await tx.run(
        `INSERT INTO log_commands (team_id, user_id, request_key, source, text, day, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [input.teamId, input.userId, input.requestKey, input.source, input.text, input.day, at],
      );
      for (const pair of input.pairs) {
        await tx.run(
          `INSERT INTO entries (team_id, user_id, command_id, metric, value, day, note, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [input.teamId, input.userId, commandId, pair.metric, pair.value, input.day, input.note, at],
        );
        await applyToDailyTotal(tx, { ...input, metric: pair.metric }, pair.value, 1);
      }
      const dayTotals = await readDayTotals(tx, input.teamId, input.userId, input.day);
      const reason = check?.(dayTotals) ?? null;
      if (reason !== null) throw new Rejected(reason);
      return { commandId, day: input.day, loggedAt: input.loggedAt, pairs: input.pairs, note: input.note, duplicate: false, dayTotals };
    });
  }

  /**
   * Takes back a person's latest log that still stands: its entries are marked undone (kept for the
   * audit), the daily totals lose them, and the undo is recorded. Null when there is nothing to undo.
   */
  undoLast(teamId: string, userId: string, at: Date, requestKey: string | null): Promise<UndoneLog | null> {
    return this.db.write(async (tx) => {
      if (requestKey !== null) {
        const seen = await tx.get<{ command_id: number }>('SELECT command_id FROM undo_audit WHERE team_id = ? AND request_key = ?', [
          teamId,
          requestKey,
        ]);
        if (seen) return this.describeUndone(tx, teamId, userId, seen.command_id);
      }
      const last = await tx.get<{ id: number }>(
        'SELECT id FROM log_commands WHERE team_id = ? AND user_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
        [teamId, userId],
      );
      if (!last) return null;
      const when = at.toISOString();
      const entries = await tx.all<{ metric: LoggedMetric; value: number; day: Day }>(
        'SELECT metric, value, day FROM entries WHERE command_id = ? AND undone_at IS NULL',
        [last.id],
      );
      await tx.run('UPDATE entries SET undone_at = ? WHERE command_id = ? AND undone_at IS NULL', [when, last.id]);
      await tx.run('UPDATE log_commands SET undone_at = ? WHERE id = ?', [when, last.id]);
      for (const e of entries) await applyToDailyTotal(tx, { teamId, userId, day: e.day, metric: e.metric }, e.value, -1);
      await tx.run('INSERT INTO undo_audit (team_id, user_id, command_id, request_key, undone_at) VALUES (?, ?, ?, ?, ?)', [
        teamId,
        userId,
        last.id,
        requestKey,
        when,
      ]);
      return this.describeUndone(tx, teamId, userId, last.id);
    });
  }

  private async describeUndone(tx: Tx, teamId: string, userId: string, commandId: number): Promise<UndoneLog> {
    const command = await tx.get<{ day: Day; logged_at: string }>('SELECT day, logged_at FROM log_commands WHERE id = ?', [commandId]);
    if (!command) throw new Error(`undo audit refers to missing log command ${commandId}`);
    return {
      commandId,
      day: command.day,
      loggedAt: new Date(command.logged_at),
      pairs: await commandPairs(tx, commandId),
      dayTotals: await readDayTotals(tx, teamId, userId, command.day),
    };
  }

  /** A person's totals for one day. */
  dayTotals(teamId: string, userId: string, d: Day): Promise<Totals> {
    return readDayTotals(this.db.read, teamId, userId, d);
  }

  /** A person's period values over days `from`…`to`, both included (sums; snapshots take their last value). */
  async rangeTotals(teamId: string, userId: string, from: Day, to: Day): Promise<Totals> {
    const rows = await this.db.read.all<{ user_id: string; metric: LoggedMetric; total: number; last_total: number }>(
      PERSON_TOTALS,
      [teamId, userId, from, to],
    );
    return groupTotals(rows).get(userId) ?? {};
  }

  /** Period values for every current member of a KPI team, by person (members with nothing logged are absent). */
  async memberTotals(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Totals>> {
    const rows = await this.db.read.all<{ user_id: string; metric: LoggedMetric; total: number; last_total: number }>(
      MEMBER_TOTALS,
      [kpiTeam, kpiTeam, from, to],
    );
    return groupTotals(rows);
  }

  /** Day-by-day totals of the current members of a KPI team, for trends, streaks and records. */
  async memberDays(kpiTeam: number, from: Day, to: Day): Promise<{ userId: string; day: Day; metric: LoggedMetric; total: number }[]> {
    return this.db.read.all(
      `SELECT user_id AS userId, day, metric, total FROM daily_totals
       WHERE team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)
         AND day BETWEEN ? AND ? ORDER BY day`,
      [kpiTeam, kpiTeam, from, to],
    );
  }

  /** The days each current member of a KPI team logged anything, over a range (for streaks). */
  async memberLoggedDays(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Set<Day>>> {
    // One row a person (their days joined by commas), not one a person and day: this range is long.
    const rows = await this.db.read.all<{ user_id: string; days: string }>(
      `SELECT user_id, group_concat(DISTINCT day) AS days FROM daily_totals
       WHERE team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)
         AND day BETWEEN ? AND ? GROUP BY user_id`,
      [kpiTeam, kpiTeam, from, to],
    );
    return new Map(rows.map((r) => [r.user_id, new Set(r.days.split(',') as Day[])]));
  }

  /** Notes the members of a KPI team logged for days in a range, each once. */
  memberNotes(kpiTeam: number, from: Day, to: Day): Promise<{ userId: string; day: Day; note: string }[]> {
    return this.db.read.all(
      `SELECT user_id AS userId, day, note FROM entries
       WHERE team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)
         AND day BETWEEN ? AND ? AND note IS NOT NULL AND undone_at IS NULL
       GROUP BY user_id, day, note ORDER BY min(id)`,
      [kpiTeam, kpiTeam, from, to],
    );
  }

  /** The last day each metric was logged by anyone in a KPI team, looking back to `since`. */
  async teamLastLogged(kpiTeam: number, since: Day): Promise<Map<LoggedMetric, Day>> {
    const rows = await this.db.read.all<{ metric: LoggedMetric; day: Day }>(
      `SELECT metric, max(day) AS day FROM daily_totals
       WHERE team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)
         AND day >= ? GROUP BY metric`,
      [kpiTeam, kpiTeam, since],
    );
    return new Map(rows.map((r) => [r.metric, r.day]));
  }

  /** Personal bests set on a day by members of a KPI team that beat an earlier best. */
  bestsSetOn(kpiTeam: number, d: Day): Promise<{ userId: string; metric: LoggedMetric; best: number; previous: number }[]> {
    return this.db.read.all(
      `SELECT user_id AS userId, metric, best, previous_best AS previous FROM personal_bests
       WHERE team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)
         AND day = ? AND previous_best > 0 ORDER BY user_id, metric`,
      [kpiTeam, kpiTeam, d],
    );
  }

  /** A person's notes over a range, each once. */
  personNotes(teamId: string, userId: string, from: Day, to: Day): Promise<{ day: Day; note: string }[]> {
    return this.db.read.all(
      `SELECT day, note FROM entries WHERE team_id = ? AND user_id = ? AND day BETWEEN ? AND ? AND note IS NOT NULL AND undone_at IS NULL
       GROUP BY day, note ORDER BY min(id)`,
      [teamId, userId, from, to],
    );
  }

  /** A person's best days, one per metric. */
  bestsOf(teamId: string, userId: string): Promise<{ metric: LoggedMetric; best: number; day: Day }[]> {
    return this.db.read.all('SELECT metric, best, day FROM personal_bests WHERE team_id = ? AND user_id = ? AND previous_best > 0 ORDER BY metric', [teamId, userId]);
  }

  /** A person's day-by-day totals over a range, in day order. */
  async personDays(teamId: string, userId: string, from: Day, to: Day): Promise<{ day: Day; metric: LoggedMetric; total: number }[]> {
    return this.db.read.all(
      'SELECT day, metric, total FROM daily_totals WHERE team_id = ? AND user_id = ? AND day BETWEEN ? AND ? ORDER BY day',
      [teamId, userId, from, to],
    );
  }

  /** Active (not undone) entries of a person, newest first: for tests and audits. */
  entriesOf(teamId: string, userId: string): Promise<{ metric: LoggedMetric; value: number; day: Day; note: string | null }[]> {
    return this.db.read.all(
      'SELECT metric, value, day, note FROM entries WHERE team_id = ? AND user_id = ? AND undone_at IS NULL ORDER BY id DESC',
      [teamId, userId],
    );
  }
}
