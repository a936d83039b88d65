import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';

/** Where a day off came from: typed with `/kpi off`, or read from Slack's vacation status. */
export type DayOffSource = 'command' | 'slack';

/**
 * People's days off, a row a day. Cancelling keeps the row with the time it was cancelled; a day
 * typed with `/kpi off` is never taken back by a Slack status read.
 */
export class DaysOff {
  constructor(private readonly db: Db) {}

  /** Marks days off; returns the days that were not off before. */
  add(workspace: string, userId: string, days: readonly Day[], source: DayOffSource, at: Date): Promise<Day[]> {
    return this.db.write(async (tx) => {
      await ensurePerson(tx, workspace, userId, at);
      const added: Day[] = [];
      for (const d of days) {
        const before = await tx.get<{ cancelled_at: string | null }>('SELECT cancelled_at FROM days_off WHERE team_id = ? AND user_id = ? AND day = ?', [workspace, userId, d]);
        if (before && before.cancelled_at === null) continue;
        await tx.run(
          `INSERT INTO days_off (team_id, user_id, day, source, created_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT (team_id, user_id, day) DO UPDATE SET source = excluded.source, created_at = excluded.created_at, cancelled_at = NULL`,
          [workspace, userId, d, source, at.toISOString()],
        );
        added.push(d);
      }
      return added;
    });
  }

  /** Cancels days off from `from` to `to` (of one source, when given); returns the days cancelled. */
  async cancel(workspace: string, userId: string, from: Day, to: Day, at: Date, source?: DayOffSource): Promise<Day[]> {
    const query = `SELECT day FROM days_off WHERE team_id = ? AND user_id = ? AND day BETWEEN ? AND ? AND cancelled_at IS NULL ${source ? 'AND source = ?' : ''} ORDER BY day`;
    const params = source ? [workspace, userId, from, to, source] : [workspace, userId, from, to];
    // Every profile read asks this of Slack-marked days; most people have none, and need no write.
    if ((await this.db.read.all(query, params)).length === 0) return [];
    return this.db.write(async (tx) => {
      const rows = await tx.all<{ day: Day }>(query, params);
      for (const r of rows) {
        await tx.run('UPDATE days_off SET cancelled_at = ? WHERE team_id = ? AND user_id = ? AND day = ?', [at.toISOString(), workspace, userId, r.day]);
      }
      return rows.map((r) => r.day);
    });
  }

  /** A person's days off, in order (between two days, when given). */
  async of(workspace: string, userId: string, from?: Day, to?: Day): Promise<Day[]> {
    const rows = await this.db.read.all<{ day: Day }>(
      `SELECT day FROM days_off WHERE team_id = ? AND user_id = ? AND cancelled_at IS NULL AND day BETWEEN ? AND ? ORDER BY day`,
      [workspace, userId, from ?? '0000-01-01', to ?? '9999-12-31'],
    );
    return rows.map((r) => r.day);
  }

  /** A person's days off between two days with where each came from, in order. */
  async list(workspace: string, userId: string, from: Day, to: Day): Promise<{ day: Day; source: DayOffSource }[]> {
    return this.db.read.all<{ day: Day; source: DayOffSource }>(
      'SELECT day, source FROM days_off WHERE team_id = ? AND user_id = ? AND cancelled_at IS NULL AND day BETWEEN ? AND ? ORDER BY day',
      [workspace, userId, from, to],
    );
  }

  /** The days off of a team's members between two days, by member. */
  async ofTeam(kpiTeam: number, from: Day, to: Day): Promise<Map<string, Day[]>> {
    const rows = await this.db.read.all<{ user_id: string; day: Day }>(
      `SELECT d.user_id, d.day FROM days_off d JOIN people p ON p.team_id = d.team_id AND p.user_id = d.user_id
       WHERE p.kpi_team = ? AND d.cancelled_at IS NULL AND d.day BETWEEN ? AND ? ORDER BY d.user_id, d.day`,
      [kpiTeam, from, to],
    );
    const out = new Map<string, Day[]>();
    for (const r of rows) out.set(r.user_id, [...(out.get(r.user_id) ?? []), r.day]);
    return out;
  }
}
