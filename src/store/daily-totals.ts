import { readDayTotals } from './activity.js';
import type { Db } from './db.js';
import type { Day } from '../domain/days.js';
import { LOGGED, LOGGED_METRICS, type LoggedMetric } from '../domain/metrics.js';
import type { Totals } from '../domain/rates.js';

/** Metrics whose period value is their last day's (a pipeline snapshot). */
const LATEST_METRICS: ReadonlySet<string> = new Set(LOGGED_METRICS.filter((m) => LOGGED[m].aggregation === 'latest'));
const SNAPSHOT_LIST = JSON.stringify([...LATEST_METRICS]);

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
/** The current members of a KPI team (its ID twice); every per-team query selects its rows with it. */
const MEMBERS_OF_KPI_TEAM = 'team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)';
const MEMBER_TOTALS = PERIOD_TOTALS(MEMBERS_OF_KPI_TEAM);

function groupTotals(rows: readonly { user_id: string; metric: LoggedMetric; total: number; last_total: number }[]): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const r of rows) {
    const totals = out.get(r.user_id) ?? {};
    totals[r.metric] = LATEST_METRICS.has(r.metric) ? r.last_total : r.total;
    out.set(r.user_id, totals);
  }
  return out;
}

/**
 * Reads of the daily totals (and the notes and bests kept beside them): what reports are built
 * from, never the raw entries.
 */
export class DailyTotals {
  constructor(private readonly db: Db) {}

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

  /**
   * Period values of every current member of a KPI team over several ranges at once, in one pass
   * over the days they span: a morning's messages need the day, the month, four weeks and two
   * stretches of five workdays, and one query instead of six keeps a digest's cost to its people.
   * Returns one map per range, in order.
   */
  async memberRanges(kpiTeam: number, ranges: readonly { from: Day; to: Day }[]): Promise<Map<string, Totals>[]> {
    const out = ranges.map(() => new Map<string, Totals>());
    if (ranges.length === 0) return out;
    const from = ranges.map((r) => r.from).reduce((a, b) => (a < b ? a : b));
    const to = ranges.map((r) => r.to).reduce((a, b) => (a > b ? a : b));
    const sums = ranges.map((_, i) => `sum(CASE WHEN day BETWEEN ? AND ? THEN total END) AS r${i}`).join(', ');
    const rows = await this.db.read.all<Record<string, number | string | null>>(
      `SELECT user_id, metric, ${sums} FROM daily_totals WHERE ${MEMBERS_OF_KPI_TEAM} AND day BETWEEN ? AND ? AND metric NOT IN (SELECT value FROM json_each(?))
       GROUP BY user_id, metric`,
      [...ranges.flatMap((r) => [r.from, r.to]), kpiTeam, kpiTeam, from, to, SNAPSHOT_LIST],
    );
    for (const row of rows) {
      ranges.forEach((_, i) => {
        const value = row[`r${i}`];
        if (value === null || value === undefined) return;
        const totals = out[i]!.get(String(row.user_id)) ?? {};
        totals[row.metric as LoggedMetric] = Number(value);
        out[i]!.set(String(row.user_id), totals);
      });
    }
    // Snapshot metrics (pipeline) are few rows: each range takes the last day it holds. Ordering by
    // person then day keeps the primary key's order; `ORDER BY day` alone made SQLite walk the
    // whole workspace's (team_id, day) index instead (70 ms rather than 0.2 ms on 1,000 people).
    const snapshots = await this.db.read.all<{ user_id: string; metric: LoggedMetric; day: Day; total: number }>(
      `SELECT user_id, metric, day, total FROM daily_totals WHERE ${MEMBERS_OF_KPI_TEAM} AND day BETWEEN ? AND ? AND metric IN (SELECT value FROM json_each(?))
       ORDER BY user_id, day`,
      [kpiTeam, kpiTeam, from, to, SNAPSHOT_LIST],
    );
    for (const r of snapshots) {
      ranges.forEach((range, i) => {
        if (r.day < range.from || r.day > range.to) return;
        const totals = out[i]!.get(r.user_id) ?? {};
        totals[r.metric] = r.total;
        out[i]!.set(r.user_id, totals);
      });
    }
    return out;
  }

  /** Period values for every current member of a KPI team, by person (members with nothing logged are absent). */
  async memberTotals(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Totals>> {
    const rows = await this.db.read.all<{ user_id: string; metric: LoggedMetric; total: number; last_total: number }>(
      MEMBER_TOTALS,
      [kpiTeam, kpiTeam, from, to],
    );
    return groupTotals(rows);
  }

  /** The days each current member of a KPI team logged anything, over a range (for streaks). */
  async memberLoggedDays(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Set<Day>>> {
    // One row a person (their days joined by commas), not one a person and day: this range is long.
    const rows = await this.db.read.all<{ user_id: string; days: string }>(
      `SELECT user_id, group_concat(DISTINCT day) AS days FROM daily_totals
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day BETWEEN ? AND ? GROUP BY user_id`,
      [kpiTeam, kpiTeam, from, to],
    );
    return new Map(rows.map((r) => [r.user_id, new Set(r.days.split(',') as Day[])]));
  }

  /** Notes the members of a KPI team logged for days in a range, each once. */
  memberNotes(kpiTeam: number, from: Day, to: Day): Promise<{ userId: string; day: Day; note: string }[]> {
    return this.db.read.all(
      `SELECT user_id AS userId, day, note FROM entries
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day BETWEEN ? AND ? AND note IS NOT NULL AND undone_at IS NULL
       GROUP BY user_id, day, note ORDER BY min(id)`,
      [kpiTeam, kpiTeam, from, to],
    );
  }

  /** The last day each metric was logged by anyone in a KPI team, looking back to `since`. */
  async teamLastLogged(kpiTeam: number, since: Day): Promise<Map<LoggedMetric, Day>> {
    const rows = await this.db.read.all<{ metric: LoggedMetric; day: Day }>(
      `SELECT metric, max(day) AS day FROM daily_totals
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day >= ? GROUP BY metric`,
      [kpiTeam, kpiTeam, since],
    );
    return new Map(rows.map((r) => [r.metric, r.day]));
  }

  /** Personal bests set on a day by members of a KPI team that beat an earlier best. */
  bestsSetOn(kpiTeam: number, d: Day): Promise<{ userId: string; metric: LoggedMetric; best: number; previous: number }[]> {
    return this.db.read.all(
      `SELECT user_id AS userId, metric, best, previous_best AS previous FROM personal_bests
       WHERE ${MEMBERS_OF_KPI_TEAM}
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
}
