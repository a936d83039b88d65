import type { Dialect, Tx } from './sql.js';
import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';

/** Another person a pair names: the field rep a meeting was handed to, or the inside rep a win came from. */
export interface Handoff {
  readonly userId: string;
  readonly direction: 'to' | 'from';
}

export interface Pair {
  readonly metric: string;
  readonly value: number;
  readonly handoff?: Handoff | null;
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
  /** The client engagement (a team's ID) the log counts for; none for work outside any engagement. */
  readonly engagement?: number | null;
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

/** A day's totals as rows read them: flows and the snapshots logged that day (dated that day). */
export function dayRowsToTotals(rows: readonly { metric: string; total: number; snapshot: number }[], d: Day): Totals {
  return {
    values: Object.fromEntries(rows.map((r) => [r.metric, r.total])),
    atStart: {},
    asOf: Object.fromEntries(rows.filter((r) => r.snapshot === 1).map((r) => [r.metric, d])),
  };
}

export async function readDayTotals(q: Pick<Tx, 'all'>, teamId: string, userId: string, d: Day): Promise<Totals> {
  const rows = await q.all<{ metric: string; total: number; snapshot: number }>(
    `SELECT d.metric, d.total, CASE WHEN m.kind = 'snapshot' THEN 1 ELSE 0 END AS snapshot FROM daily_totals d LEFT JOIN metrics m ON m.team_id = d.team_id AND m.key = d.metric
     WHERE d.team_id = ? AND d.user_id = ? AND d.day = ? ORDER BY d.metric`,
    [teamId, userId, d],
  );
  return dayRowsToTotals(rows, d);
}

/** The pairs of a log command as stored. */
async function commandPairs(tx: Pick<Tx, 'all'>, commandId: number): Promise<Pair[]> {
  return (await tx.all<EntryRow>('SELECT metric, value, counterpart, direction FROM entries WHERE command_id = ? ORDER BY id', [commandId])).map(toPair);
}

interface EntryRow {
  metric: string;
  value: number;
  counterpart: string | null;
  direction: 'to' | 'from' | null;
}

const toPair = (r: EntryRow): Pair => (r.counterpart && r.direction ? { metric: r.metric, value: r.value, handoff: { userId: r.counterpart, direction: r.direction } } : { metric: r.metric, value: r.value });

/**
 * Takes an undone entry out of its daily total (adding is the `entries_into_totals` trigger's job):
 * a flow loses the value; a snapshot takes the value of the day's latest entry still standing. The
 * row goes when no entry is left in it; the best is worked out again.
 */
export async function takeOutOfDailyTotal(tx: Tx, key: { teamId: string; userId: string; day: Day; metric: string }, value: number): Promise<void> {
  const params = [key.teamId, key.userId, key.day, key.metric];
  await tx.run(
    `UPDATE daily_totals SET entries = entries - 1, total = CASE
       WHEN (SELECT kind FROM metrics m WHERE m.team_id = daily_totals.team_id AND m.key = daily_totals.metric) = 'snapshot' THEN coalesce((
         SELECT e.value FROM entries e WHERE e.team_id = daily_totals.team_id AND e.user_id = daily_totals.user_id AND e.day = daily_totals.day
           AND e.metric = daily_totals.metric AND e.undone_at IS NULL ORDER BY e.logged_at DESC, e.id DESC LIMIT 1), 0)
       ELSE total - ? END
     WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?`,
    [value, ...params],
  );
  await tx.run('DELETE FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ? AND entries <= 0', params);
  await recomputeBestsOf(tx, key.teamId, key.userId, key.metric);
}

/** A day's totals after a log's pairs are added to them: flows add up, a snapshot takes the latest value. */
function withPairs(before: Totals, pairs: readonly Pair[], snapshots: ReadonlySet<string>, d: Day): Totals {
  const values: Record<string, number> = { ...before.values };
  const asOf: Record<string, Day> = { ...before.asOf };
  for (const p of pairs) {
    const snapshot = snapshots.has(p.metric);
    values[p.metric] = snapshot ? p.value : (values[p.metric] ?? 0) + p.value;
    if (snapshot) asOf[p.metric] = d;
  }
  return { values, atStart: {}, asOf };
}

/**
 * Rebuilds a person's best day for a metric from the daily totals (after an undo or an import), when
 * the metric keeps records (flows where more is better): the earliest day with the highest total,
 * and the highest total before that day. One pass over the person's days (a running maximum), so an
 * undo costs the same with a month of history or years.
 */
export async function recomputeBestsOf(tx: Tx, teamId: string, userId: string, metric: string): Promise<void> {
  const keeps = await tx.get('SELECT 1 FROM metrics WHERE team_id = ? AND key = ? AND kind = ? AND better = ?', [teamId, metric, 'flow', 'higher']);
  if (!keeps) return;
  await tx.run('DELETE FROM personal_bests WHERE team_id = ? AND user_id = ? AND metric = ?', [teamId, userId, metric]);
  await tx.run(
    `INSERT INTO personal_bests (team_id, user_id, metric, best, day, previous_best)
     SELECT team_id, user_id, metric, total, day, coalesce(best_before, 0) FROM (
       SELECT team_id, user_id, metric, total, day,
              max(total) OVER (ORDER BY day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS best_before
       FROM daily_totals WHERE team_id = ? AND user_id = ? AND metric = ?) AS running
     WHERE true ORDER BY total DESC, day ASC LIMIT 1
     ON CONFLICT (team_id, user_id, metric) DO UPDATE SET best = excluded.best, day = excluded.day, previous_best = excluded.previous_best`,
    [teamId, userId, metric],
  );
}

/**
 * One read says whether the request was stored before, whether the person is known, the day's
 * totals so far and the id the command will take: every statement is a round trip on the hot path of
 * /kpi log. SQLite holds the write lock, so max + 1 is free; PostgreSQL takes the next value of the
 * sequence, which no other instance will take.
 */
const LOG_LOOKUP: Record<Dialect, string> = {
  sqlite: `SELECT c.id, c.day, c.logged_at, EXISTS (SELECT 1 FROM people WHERE team_id = ? AND user_id = ?) AS known,
                (SELECT json_group_array(key) FROM metrics WHERE team_id = ? AND kind = 'snapshot') AS snapshots,
                (SELECT json_group_array(json_array(d.metric, d.total, coalesce(m.kind = 'snapshot', 0))) FROM daily_totals d
                 LEFT JOIN metrics m ON m.team_id = d.team_id AND m.key = d.metric WHERE d.team_id = ? AND d.user_id = ? AND d.day = ?) AS totals,
                (SELECT coalesce(max(id), 0) + 1 FROM log_commands) AS next_id
         FROM (SELECT 1) LEFT JOIN log_commands c ON c.team_id = ? AND c.request_key = ?`,
  postgres: `SELECT c.id, c.day, c.logged_at, EXISTS (SELECT 1 FROM people WHERE team_id = ? AND user_id = ?) AS known,
                (SELECT json_agg(key ORDER BY key)::text FROM metrics WHERE team_id = ? AND kind = 'snapshot') AS snapshots,
                (SELECT json_agg(json_build_array(d.metric, d.total, CASE WHEN m.kind = 'snapshot' THEN 1 ELSE 0 END) ORDER BY d.metric)::text FROM daily_totals d
                 LEFT JOIN metrics m ON m.team_id = d.team_id AND m.key = d.metric WHERE d.team_id = ? AND d.user_id = ? AND d.day = ?) AS totals,
                nextval(pg_get_serial_sequence('log_commands', 'id')) AS next_id
         FROM (SELECT 1) AS one LEFT JOIN log_commands c ON c.team_id = ? AND c.request_key = ?`,
};

/** A log this request stored before (Slack sent it twice), described again; every entry carries the command's note. */
async function storedBefore(tx: Tx, input: LogInput, command: { id: number; day: Day; logged_at: string }): Promise<StoredLog> {
  const rows = await tx.all<EntryRow & { note: string | null }>('SELECT metric, value, counterpart, direction, note FROM entries WHERE command_id = ? ORDER BY id', [command.id]);
  return {
    commandId: command.id,
    day: command.day,
    loggedAt: new Date(command.logged_at),
    pairs: rows.map(toPair),
    note: rows[0]?.note ?? null,
    duplicate: true,
    dayTotals: await readDayTotals(tx, input.teamId, input.userId, command.day),
  };
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
      const found = (await tx.get<{ id: number | null; day: Day; logged_at: string; known: number | boolean; totals: string | null; snapshots: string | null; next_id: number }>(
        LOG_LOOKUP[tx.dialect],
        [input.teamId, input.userId, input.teamId, input.teamId, input.userId, input.day, input.teamId, input.requestKey],
      ))!;
      if (found.id !== null) return storedBefore(tx, input, { id: found.id, day: found.day, logged_at: found.logged_at });
      if (!found.known) await ensurePerson(tx, input.teamId, input.userId, input.loggedAt);
      const commandId = found.next_id;
      // The log_intake view's trigger stores the command and its entries; the entries' trigger keeps
      // the daily totals and personal bests — all in this one statement.
      const { changes } = await tx.run(
        `INSERT INTO log_intake (command_id, team_id, user_id, request_key, source, text, day, logged_at, note, pairs, engagement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          commandId,
          input.teamId,
          input.userId,
          input.requestKey,
          input.source,
          input.text,
          input.day,
          input.loggedAt.toISOString(),
          input.note,
          JSON.stringify(input.pairs.map((p) => [p.metric, p.value, p.handoff?.userId ?? null, p.handoff?.direction ?? null])),
          input.engagement ?? null,
        ],
      );
      // PostgreSQL: the trigger stored nothing because another instance stored this request a moment ago.
      if (tx.dialect === 'postgres' && changes === 0) {
        const other = await tx.get<{ id: number; day: Day; logged_at: string }>('SELECT id, day, logged_at FROM log_commands WHERE team_id = ? AND request_key = ?', [input.teamId, input.requestKey]);
        if (other) return storedBefore(tx, input, other);
      }
      const before = dayRowsToTotals(
        (JSON.parse(found.totals ?? '[]') as [string, number, number][]).map(([metric, total, snapshot]) => ({ metric, total, snapshot })),
        input.day,
      );
      const dayTotals = withPairs(before, input.pairs, new Set(JSON.parse(found.snapshots ?? '[]') as string[]), input.day);
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
      const last = await tx.get<{ id: number; day: Day; logged_at: string }>(
        'SELECT id, day, logged_at FROM log_commands WHERE team_id = ? AND user_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1',
        [teamId, userId],
      );
      if (!last) return null;
      const when = at.toISOString();
      // A command is undone whole, so its standing entries are all of its entries. The totals lose
      // exactly the entries this statement marked, also when another instance undid at the same time.
      const entries = (
        await tx.all<EntryRow & { id: number; day: Day }>(
          'UPDATE entries SET undone_at = ? WHERE command_id = ? AND undone_at IS NULL RETURNING id, metric, value, counterpart, direction, day',
          [when, last.id],
        )
      ).sort((a, b) => a.id - b.id);
      if (entries.length === 0) return null;
      await tx.run('UPDATE log_commands SET undone_at = ? WHERE id = ?', [when, last.id]);
      for (const e of entries) await takeOutOfDailyTotal(tx, { teamId, userId, day: e.day, metric: e.metric }, e.value);
      await tx.run('INSERT INTO undo_audit (team_id, user_id, command_id, request_key, undone_at) VALUES (?, ?, ?, ?, ?)', [
        teamId,
        userId,
        last.id,
        requestKey,
        when,
      ]);
      return {
        commandId: last.id,
        day: last.day,
        loggedAt: new Date(last.logged_at),
        pairs: entries.map(toPair),
        dayTotals: await readDayTotals(tx, teamId, userId, last.day),
      };
    });
  }

  /** An undo already done, described again for a repeated request. */
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

  /**
   * Meetings a person handed to someone else over a span, and the wins others credited back to them
   * (logged with `→ @person` and `← @person`): an inside rep's downstream win rate.
   */
  async handoffs(teamId: string, userId: string, from: Day, to: Day): Promise<{ handed: number; won: number }> {
    const row = await this.db.read.get<{ handed: number; won: number }>(
      `SELECT
         (SELECT coalesce(sum(value), 0) FROM entries WHERE team_id = ? AND user_id = ? AND day BETWEEN ? AND ? AND direction = 'to' AND metric = 'meetings' AND undone_at IS NULL) AS handed,
         (SELECT coalesce(sum(value), 0) FROM entries WHERE team_id = ? AND counterpart = ? AND day BETWEEN ? AND ? AND direction = 'from' AND metric = 'wins' AND undone_at IS NULL) AS won`,
      [teamId, userId, from, to, teamId, userId, from, to],
    );
    return { handed: row?.handed ?? 0, won: row?.won ?? 0 };
  }

  /** Active (not undone) entries of a person, newest first: for tests and audits. */
  entriesOf(teamId: string, userId: string): Promise<{ metric: string; value: number; day: Day; note: string | null }[]> {
    return this.db.read.all(
      'SELECT metric, value, day, note FROM entries WHERE team_id = ? AND user_id = ? AND undone_at IS NULL ORDER BY id DESC',
      [teamId, userId],
    );
  }
}
