import { readDayTotals } from './activity.js';
import type { Db } from './db.js';
import type { Dialect } from './sql.js';
import type { Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';

/** The current members of a KPI team (its ID twice); every per-team query selects its rows with it. */
const MEMBERS_OF_KPI_TEAM = 'team_id = (SELECT team_id FROM teams WHERE id = ?) AND user_id IN (SELECT user_id FROM people WHERE kpi_team = ?)';

/** Whose period values a read takes: a condition on daily_totals' rows and one on the people table (as `p`), with their parameters. */
interface Whose {
  readonly rows: string;
  readonly rowParams: readonly (string | number)[];
  readonly people: string;
  readonly peopleParams: readonly (string | number)[];
}

const kpiTeamMembers = (kpiTeam: number): Whose => ({ rows: MEMBERS_OF_KPI_TEAM, rowParams: [kpiTeam, kpiTeam], people: 'p.kpi_team = ?', peopleParams: [kpiTeam] });
const onePerson = (teamId: string, userId: string): Whose => ({ rows: 'team_id = ? AND user_id = ?', rowParams: [teamId, userId], people: 'p.team_id = ? AND p.user_id = ?', peopleParams: [teamId, userId] });

/** The length of a day as stored: `2026-11-02`. */
const DAY_LENGTH = 10;

/** A range of days, both ends included. */
export interface DayRange {
  readonly from: Day;
  readonly to: Day;
}

/**
 * The sums of several ranges in one pass over the days they span: one sum column per range. Its
 * snapshots' rows are dropped after the read (the snapshot read names them), which costs less than
 * a condition on every row.
 */
const FLOWS = (who: string, ranges: number) => `
  SELECT user_id, metric, ${Array.from({ length: ranges }, (_, i) => `sum(CASE WHEN day BETWEEN ? AND ? THEN total END) AS r${i}`).join(', ')}
  FROM daily_totals
  WHERE ${who} AND day BETWEEN ? AND ?
  GROUP BY user_id, metric ORDER BY user_id, metric`;

/**
 * Snapshots carried forward, for each range: the latest value on or before its last day (with that
 * day), and as it started, the latest on or before its first day (else the first one inside it). Only
 * the people and snapshots with any value are looked up, each by one index seek.
 */
const SNAPSHOTS = (dialect: Dialect, people: string) => {
  // The range's days from the JSON parameter [[from, to], …]: SQLite's json_each, PostgreSQL's elements with their ordinal.
  const [first, last, ranges, index] =
    dialect === 'postgres'
      ? ["r.value->>0", "r.value->>1", 'json_array_elements(?::json) WITH ORDINALITY AS r(value, n)', 'r.n - 1']
      : ["json_extract(r.value, '$[0]')", "json_extract(r.value, '$[1]')", 'json_each(?) r', 'r.key'];
  const pair = dialect === 'postgres' ? 'json_build_array(d.day, d.total)::text' : 'json_array(d.day, d.total)';
  return `
  WITH held AS (
    SELECT p.team_id, p.user_id, m.key AS metric FROM people p JOIN metrics m ON m.team_id = p.team_id AND m.kind = 'snapshot'
    WHERE ${people}
      AND EXISTS (SELECT 1 FROM daily_totals d WHERE d.team_id = p.team_id AND d.user_id = p.user_id AND d.metric = m.key AND d.day <= ?))
  SELECT held.user_id, held.metric, ${index} AS i,
    (SELECT ${pair} FROM daily_totals d WHERE d.team_id = held.team_id AND d.user_id = held.user_id AND d.metric = held.metric
       AND d.day <= ${last} ORDER BY d.day DESC LIMIT 1) AS at_end,
    coalesce(
      (SELECT d.total FROM daily_totals d WHERE d.team_id = held.team_id AND d.user_id = held.user_id AND d.metric = held.metric
         AND d.day <= ${first} ORDER BY d.day DESC LIMIT 1),
      (SELECT d.total FROM daily_totals d WHERE d.team_id = held.team_id AND d.user_id = held.user_id AND d.metric = held.metric
         AND d.day > ${first} AND d.day <= ${last} ORDER BY d.day LIMIT 1)) AS at_start
  FROM held CROSS JOIN ${ranges}
  ORDER BY held.user_id, held.metric, i`;
};

interface Building {
  values: Record<string, number>;
  atStart: Record<string, number>;
  asOf: Record<string, Day>;
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

  /**
   * Period values per person over several ranges at once, in one pass over the days they span: a
   * morning's messages need the day, the month, four weeks and two stretches of five workdays, and
   * one query instead of six keeps a digest's cost to its people. Flows are summed; snapshots carry
   * their latest value forward. Returns one map per range, in order; people with nothing are absent.
   */
  private async ranges(who: Whose, ranges: readonly DayRange[]): Promise<Map<string, Totals>[]> {
    const out = ranges.map(() => new Map<string, Building>());
    if (ranges.length === 0) return out as Map<string, Totals>[];
    const from = ranges.map((r) => r.from).reduce((a, b) => (a < b ? a : b));
    const to = ranges.map((r) => r.to).reduce((a, b) => (a > b ? a : b));
    const person = (i: number, userId: string): Building => {
      let t = out[i]!.get(userId);
      if (!t) out[i]!.set(userId, (t = { values: {}, atStart: {}, asOf: {} }));
      return t;
    };
    const [flows, snapshots] = await Promise.all([
      this.db.read.all<Record<string, number | string | null>>(FLOWS(who.rows, ranges.length), [...ranges.flatMap((r) => [r.from, r.to]), ...who.rowParams, from, to]),
      this.db.read.all<{ user_id: string; metric: string; i: number; at_end: string | null; at_start: number | null }>(SNAPSHOTS(this.db.read.dialect, who.people), [
        ...who.peopleParams,
        to,
        JSON.stringify(ranges.map((r) => [r.from, r.to])),
      ]),
    ]);
    // Every snapshot a person logged by the last day is in the snapshot read, with or without a value in a range.
    const snapshot = new Set(snapshots.map((r) => `${r.user_id}\u0000${r.metric}`));
    for (const row of flows) {
      if (snapshot.has(`${String(row.user_id)}\u0000${String(row.metric)}`)) continue;
      ranges.forEach((_, i) => {
        const value = row[`r${i}`];
        if (value !== null && value !== undefined) person(i, String(row.user_id)).values[String(row.metric)] = Number(value);
      });
    }
    for (const r of snapshots) {
      if (r.at_end === null && r.at_start === null) continue;
      const t = person(r.i, r.user_id);
      if (r.at_end !== null) {
        const [day, total] = JSON.parse(r.at_end) as [Day, number];
        t.values[r.metric] = total;
        t.asOf[r.metric] = day;
      }
      if (r.at_start !== null) t.atStart[r.metric] = r.at_start;
    }
    return out as Map<string, Totals>[];
  }

  /** A person's period values over days `from`…`to`, both included. */
  async rangeTotals(teamId: string, userId: string, from: Day, to: Day): Promise<Totals> {
    const [byPerson] = await this.ranges(onePerson(teamId, userId), [{ from, to }]);
    return byPerson!.get(userId) ?? { values: {}, atStart: {}, asOf: {} };
  }

  /** Period values of every current member of a KPI team over several ranges at once; one map per range, in order. */
  memberRanges(kpiTeam: number, ranges: readonly DayRange[]): Promise<Map<string, Totals>[]> {
    return this.ranges(kpiTeamMembers(kpiTeam), ranges);
  }

  /** Period values for every current member of a KPI team, by person (members with nothing logged are absent). */
  async memberTotals(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Totals>> {
    return (await this.memberRanges(kpiTeam, [{ from, to }]))[0]!;
  }

  /** The days each current member of a KPI team logged anything, over a range (for streaks). */
  async memberLoggedDays(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Set<Day>>> {
    // One row a person (their days joined by commas), not one a person and day: this range is long.
    const rows = await this.db.read.all<{ user_id: string; days: string }>(
      `SELECT user_id, ${this.db.read.dialect === 'postgres' ? "string_agg(DISTINCT day, ',')" : 'group_concat(DISTINCT day)'} AS days FROM daily_totals
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day BETWEEN ? AND ? GROUP BY user_id ORDER BY user_id`,
      [kpiTeam, kpiTeam, from, to],
    );
    return new Map(rows.map((r) => [r.user_id, new Set(r.days.split(',') as Day[])]));
  }

  /** The days each current member of a KPI team logged each metric over a range, in day order: by person, then metric (for streaks and a recent pace). */
  async memberMetricDays(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Map<string, Day[]>>> {
    // One row a person: each day and metric as `2026-11-02calls`, in the key's own order (no sort by
    // metric to make), joined by a control character no metric key holds.
    const rows = await this.db.read.all<{ user_id: string; logged: string }>(
      `SELECT user_id, ${this.db.read.dialect === 'postgres' ? "string_agg(day || metric, chr(31) ORDER BY day)" : 'group_concat(day || metric, char(31) ORDER BY day)'} AS logged FROM daily_totals
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day BETWEEN ? AND ? GROUP BY user_id ORDER BY user_id`,
      [kpiTeam, kpiTeam, from, to],
    );
    const out = new Map<string, Map<string, Day[]>>();
    for (const r of rows) {
      const byMetric = new Map<string, Day[]>();
      for (const item of r.logged.split('\u001f')) {
        const metric = item.slice(DAY_LENGTH);
        let days = byMetric.get(metric);
        if (!days) byMetric.set(metric, (days = []));
        days.push(item.slice(0, DAY_LENGTH) as Day);
      }
      out.set(r.user_id, byMetric);
    }
    return out;
  }

  /** Notes the members of a KPI team logged for days in a range, each once. */
  memberNotes(kpiTeam: number, from: Day, to: Day): Promise<{ userId: string; day: Day; note: string }[]> {
    return this.db.read.all(
      `SELECT user_id AS "userId", day, note FROM entries
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day BETWEEN ? AND ? AND note IS NOT NULL AND undone_at IS NULL
       GROUP BY user_id, day, note ORDER BY min(id)`,
      [kpiTeam, kpiTeam, from, to],
    );
  }

  /** The last day each metric was logged by anyone in a KPI team, looking back to `since`. */
  async teamLastLogged(kpiTeam: number, since: Day): Promise<Map<string, Day>> {
    const rows = await this.db.read.all<{ metric: string; day: Day }>(
      `SELECT metric, max(day) AS day FROM daily_totals
       WHERE ${MEMBERS_OF_KPI_TEAM}
         AND day >= ? GROUP BY metric ORDER BY metric`,
      [kpiTeam, kpiTeam, since],
    );
    return new Map(rows.map((r) => [r.metric, r.day]));
  }

  /** Personal bests set on a day by members of a KPI team that beat an earlier best. */
  bestsSetOn(kpiTeam: number, d: Day): Promise<{ userId: string; metric: string; best: number; previous: number }[]> {
    return this.db.read.all(
      `SELECT user_id AS "userId", metric, best, previous_best AS previous FROM personal_bests
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
  bestsOf(teamId: string, userId: string): Promise<{ metric: string; best: number; day: Day }[]> {
    return this.db.read.all('SELECT metric, best, day FROM personal_bests WHERE team_id = ? AND user_id = ? AND previous_best > 0 ORDER BY metric', [teamId, userId]);
  }

  /** A person's day-by-day totals over a range, in day order. */
  async personDays(teamId: string, userId: string, from: Day, to: Day): Promise<{ day: Day; metric: string; total: number }[]> {
    return this.db.read.all(
      'SELECT day, metric, total FROM daily_totals WHERE team_id = ? AND user_id = ? AND day BETWEEN ? AND ? ORDER BY day',
      [teamId, userId, from, to],
    );
  }
}
