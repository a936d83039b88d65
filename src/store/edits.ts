import { readDayTotals, Rejected, takeOutOfDailyTotal, type Handoff } from './activity.js';
import type { Tx } from './sql.js';
import type { Db } from './db.js';
import type { Day } from '../domain/days.js';
import type { Totals } from '../domain/rates.js';

/** One number to correct: the metric, the right value, and (to pick one of several) the handoff it carries. */
export interface Correction {
  readonly metric: string;
  readonly value: number;
  readonly handoff?: Handoff | null;
}

export interface EditInput {
  readonly teamId: string;
  readonly userId: string;
  /** A request Slack sends twice corrects once. */
  readonly requestKey: string | null;
  readonly corrections: readonly Correction[];
  /** Only a log of this day, or else the latest one on or after `since`. */
  readonly day: Day | null;
  readonly since: Day;
  readonly at: Date;
}

/** A number corrected: in the log of `day` written at `loggedAt`, `metric` went `from` → `to`. */
export interface EditedNumber {
  readonly metric: string;
  readonly from: number;
  readonly to: number;
  readonly day: Day;
  readonly loggedAt: Date;
  readonly handoff: Handoff | null;
}

export interface EditOutcome {
  readonly edited: readonly EditedNumber[];
  /** The person's totals, after the corrections, of each day they touched. */
  readonly dayTotals: ReadonlyMap<Day, Totals>;
  /** True when this request had corrected before and nothing new was written. */
  readonly duplicate: boolean;
}

/** Why nothing was corrected: the person has no log of a metric to correct (in the window, or on the day). */
export interface NothingToEdit {
  readonly kind: 'nothingToEdit';
  readonly metric: string;
}

interface EntryRow {
  id: number;
  command_id: number;
  metric: string;
  value: number;
  day: Day;
  note: string | null;
  logged_at: string;
  counterpart: string | null;
  direction: 'to' | 'from' | null;
  engagement: number | null;
}

const handoffOf = (r: EntryRow): Handoff | null => (r.counterpart && r.direction ? { userId: r.counterpart, direction: r.direction } : null);

/** The entry a correction is for: the person's latest standing one of that metric from a log (not an import). */
function latestEntry(tx: Tx, input: EditInput, c: Correction): Promise<EntryRow | undefined> {
  const days = input.day === null ? 'day >= ?' : 'day = ?';
  const handoff = c.handoff ? 'AND counterpart = ? AND direction = ?' : '';
  return tx.get<EntryRow>(
    `SELECT id, command_id, metric, value, day, note, logged_at, counterpart, direction, engagement FROM entries
     WHERE team_id = ? AND user_id = ? AND metric = ? AND command_id IS NOT NULL AND undone_at IS NULL AND ${days} ${handoff}
     ORDER BY logged_at DESC, id DESC LIMIT 1${tx.dialect === 'postgres' ? ' FOR UPDATE' : ''}`,
    [input.teamId, input.userId, c.metric, input.day ?? input.since, ...(c.handoff ? [c.handoff.userId, c.handoff.direction] : [])],
  );
}

/**
 * Corrections of a person's recent logs (`/kpi edit`), the counterpart of undo for one number: each
 * corrected entry is marked undone and replaced by an entry of the same log with the right value, so
 * the totals, bests and history read as if it had been typed right, and the audit keeps both.
 */
export class Edits {
  constructor(private readonly db: Db) {}

  /**
   * Corrects every number or none. Throws `Rejected<NothingToEdit>` for a metric the person has no
   * log of; `check` sees each touched day's totals after the corrections, and a non-null answer
   * rolls them back and is thrown as `Rejected`.
   */
  correct<R>(input: EditInput, check?: (totals: ReadonlyMap<Day, Totals>) => R | null): Promise<EditOutcome> {
    return this.db.write(async (tx) => {
      if (input.requestKey !== null) {
        const earlier = await this.earlier(tx, input);
        if (earlier) return earlier;
      }
      const when = input.at.toISOString();
      const edited: EditedNumber[] = [];
      for (const c of input.corrections) {
        const entry = await latestEntry(tx, input, c);
        if (!entry) throw new Rejected<NothingToEdit>({ kind: 'nothingToEdit', metric: c.metric });
        const numbers = { metric: entry.metric, from: entry.value, to: c.value, day: entry.day, loggedAt: new Date(entry.logged_at), handoff: handoffOf(entry) };
        edited.push(numbers);
        if (entry.value === c.value) continue;
        await tx.run('UPDATE entries SET undone_at = ? WHERE id = ?', [when, entry.id]);
        await takeOutOfDailyTotal(tx, { teamId: input.teamId, userId: input.userId, day: entry.day, metric: entry.metric }, entry.value);
        // The replacement keeps the log's time, so the day's order (and a snapshot's latest value) is as it was.
        const replacement = await tx.insert(
          `INSERT INTO entries (team_id, user_id, command_id, metric, value, day, note, logged_at, counterpart, direction, engagement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [input.teamId, input.userId, entry.command_id, entry.metric, c.value, entry.day, entry.note, entry.logged_at, entry.counterpart, entry.direction, entry.engagement],
        );
        await tx.run('INSERT INTO edit_audit (team_id, user_id, request_key, replaced_entry, replacement, edited_at) VALUES (?, ?, ?, ?, ?, ?)', [
          input.teamId,
          input.userId,
          input.requestKey,
          entry.id,
          replacement,
          when,
        ]);
      }
      const dayTotals = await this.totalsOf(tx, input, edited);
      const reason = check?.(dayTotals) ?? null;
      if (reason !== null) throw new Rejected(reason);
      return { edited, dayTotals, duplicate: false };
    });
  }

  /** A correction this request made before, described again. */
  private async earlier(tx: Tx, input: EditInput): Promise<EditOutcome | null> {
    const rows = await tx.all<{ metric: string; from_value: number; to_value: number; day: Day; logged_at: string; counterpart: string | null; direction: 'to' | 'from' | null }>(
      `SELECT old.metric, old.value AS from_value, new.value AS to_value, old.day, old.logged_at, old.counterpart, old.direction
       FROM edit_audit a JOIN entries old ON old.id = a.replaced_entry JOIN entries new ON new.id = a.replacement
       WHERE a.team_id = ? AND a.request_key = ? ORDER BY a.id`,
      [input.teamId, input.requestKey],
    );
    if (rows.length === 0) return null;
    const edited = rows.map((r) => ({
      metric: r.metric,
      from: r.from_value,
      to: r.to_value,
      day: r.day,
      loggedAt: new Date(r.logged_at),
      handoff: r.counterpart && r.direction ? { userId: r.counterpart, direction: r.direction } : null,
    }));
    return { edited, dayTotals: await this.totalsOf(tx, input, edited), duplicate: true };
  }

  private async totalsOf(tx: Tx, input: EditInput, edited: readonly EditedNumber[]): Promise<Map<Day, Totals>> {
    const totals = new Map<Day, Totals>();
    for (const d of new Set(edited.map((e) => e.day))) totals.set(d, await readDayTotals(tx, input.teamId, input.userId, d));
    return totals;
  }

  /** The corrections a person made, newest first: for the audit and tests. */
  history(teamId: string, userId: string): Promise<{ metric: string; from: number; to: number; day: Day; editedAt: string }[]> {
    return this.db.read.all(
      `SELECT old.metric, old.value AS "from", new.value AS "to", old.day, a.edited_at AS "editedAt"
       FROM edit_audit a JOIN entries old ON old.id = a.replaced_entry JOIN entries new ON new.id = a.replacement
       WHERE a.team_id = ? AND a.user_id = ? ORDER BY a.id DESC`,
      [teamId, userId],
    );
  }
}
