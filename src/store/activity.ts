import type { Tx } from './connection.js';
import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';
import { LOGGED_METRICS, LOGGED, type LoggedMetric } from '../domain/metrics.js';
import { addValue } from '../domain/progress.js';
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

export async function readDayTotals(q: Pick<Tx, 'all'>, teamId: string, userId: string, d: Day): Promise<Totals> {
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
 * Takes an undone entry out of its daily total (adding is the `entries_into_totals` trigger's job):
 * a summed metric loses the value; a snapshot metric (pipeline) takes the value of the day's latest
 * entry still standing. The row goes when no entry is left in it; the best is worked out again.
 */
async function takeOutOfDailyTotal(tx: Tx, key: { teamId: string; userId: string; day: Day; metric: LoggedMetric }, value: number): Promise<void> {
  const params = [key.teamId, key.userId, key.day, key.metric];
  if (LOGGED[key.metric].aggregation === 'latest') {
    await tx.run(
      `UPDATE daily_totals SET entries = entries - 1, total = coalesce((
         SELECT e.value FROM entries e WHERE e.team_id = daily_totals.team_id AND e.user_id = daily_totals.user_id AND e.day = daily_totals.day
           AND e.metric = daily_totals.metric AND e.undone_at IS NULL ORDER BY e.logged_at DESC, e.id DESC LIMIT 1), 0)
       WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?`,
      params,
    );
  } else {
    await tx.run(
      'UPDATE daily_totals SET total = total - ?, entries = entries - 1 WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ?',
      [value, ...params],
    );
  }
  await tx.run('DELETE FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ? AND metric = ? AND entries <= 0', params);
  if (keepsRecords(key.metric)) await recomputeBest(tx, key.teamId, key.userId, key.metric);
}

/**
 * Writes how each logged metric adds up, for the triggers that keep the daily totals, when the
 * database does not say it already (so a read-only file that is up to date still opens).
 */
export async function writeMetricRules(tx: Tx): Promise<void> {
  const rules = LOGGED_METRICS.map((metric) => ({ metric, latest: LOGGED[metric].aggregation === 'latest' ? 1 : 0, records: keepsRecords(metric) ? 1 : 0 }));
  const stored = await tx.all<{ metric: string; latest: number; records: number }>('SELECT metric, latest, records FROM metric_rules');
  const same = (r: (typeof rules)[number]) => stored.some((s) => s.metric === r.metric && s.latest === r.latest && s.records === r.records);
  if (rules.every(same)) return;
  for (const r of rules) {
    await tx.run(
      `INSERT INTO metric_rules (metric, latest, records) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET latest = excluded.latest, records = excluded.records`,
      [r.metric, r.latest, r.records],
    );
  }
}

/** A day's totals after a log's pairs are added to them: sums add up, a snapshot takes the latest value. */
function withPairs(before: Totals, pairs: readonly Pair[]): Totals {
  const after: Totals = { ...before };
  for (const p of pairs) addValue(after, p.metric, p.value);
  return after;
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
      // One read says whether the request was stored before, whether the person is known, the day's
      // totals so far and the id the command will take (the write lock is held, so max + 1 is free):
      // every statement here is a round trip on the hot path of /kpi log.
      const found = (await tx.get<{ id: number | null; day: Day; logged_at: string; known: number; totals: string | null; next_id: number }>(
        `SELECT c.id, c.day, c.logged_at, EXISTS (SELECT 1 FROM people WHERE team_id = ? AND user_id = ?) AS known,
                (SELECT json_group_object(metric, total) FROM daily_totals WHERE team_id = ? AND user_id = ? AND day = ?) AS totals,
                (SELECT coalesce(max(id), 0) + 1 FROM log_commands) AS next_id
         FROM (SELECT 1) LEFT JOIN log_commands c ON c.team_id = ? AND c.request_key = ?`,
        [input.teamId, input.userId, input.teamId, input.userId, input.day, input.teamId, input.requestKey],
      ))!;
      if (found.id !== null) {
        // Every entry of a command carries the command's note.
        const rows = await tx.all<Pair & { note: string | null }>('SELECT metric, value, note FROM entries WHERE command_id = ? ORDER BY id', [found.id]);
        return {
          commandId: found.id,
          day: found.day,
          loggedAt: new Date(found.logged_at),
          pairs: rows.map(({ metric, value }) => ({ metric, value })),
          note: rows[0]?.note ?? null,
          duplicate: true,
          dayTotals: await readDayTotals(tx, input.teamId, input.userId, found.day),
        };
      }
      if (!found.known) await ensurePerson(tx, input.teamId, input.userId, input.loggedAt);
      const commandId = found.next_id;
      // The log_intake view's trigger stores the command and its entries; the entries' trigger keeps
      // the daily totals and personal bests — all in this one statement.
      await tx.run(
        `INSERT INTO log_intake (command_id, team_id, user_id, request_key, source, text, day, logged_at, note, pairs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
          JSON.stringify(input.pairs.map((p) => [p.metric, p.value])),
        ],
      );
      const dayTotals = withPairs(found.totals ? (JSON.parse(found.totals) as Totals) : {}, input.pairs);
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
      // A command is undone whole, so its standing entries are all of its entries.
      const entries = await tx.all<{ metric: LoggedMetric; value: number; day: Day }>(
        'SELECT metric, value, day FROM entries WHERE command_id = ? AND undone_at IS NULL ORDER BY id',
        [last.id],
      );
      await tx.run('UPDATE entries SET undone_at = ? WHERE command_id = ? AND undone_at IS NULL', [when, last.id]);
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
        pairs: entries.map(({ metric, value }) => ({ metric, value })),
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

  /** Active (not undone) entries of a person, newest first: for tests and audits. */
  entriesOf(teamId: string, userId: string): Promise<{ metric: LoggedMetric; value: number; day: Day; note: string | null }[]> {
    return this.db.read.all(
      'SELECT metric, value, day, note FROM entries WHERE team_id = ? AND user_id = ? AND undone_at IS NULL ORDER BY id DESC',
      [teamId, userId],
    );
  }
}
