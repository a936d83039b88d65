import type { Db } from './db.js';
import { ensurePerson } from './people.js';
import type { Day } from '../domain/days.js';
import type { OneOnOneSchedule } from '../domain/oneonone.js';

/** To whom a 1on1's prep goes: the manager who scheduled it, or every manager of the rep's team (scheduled by an admin). */
export type PrepRecipients = 'manager' | 'team';

export interface ScheduledOneOnOne extends OneOnOneSchedule {
  readonly workspace: string;
  readonly rep: string;
  /** The manager who scheduled it (for `team` recipients, the admin who did). */
  readonly manager: string;
  /** `manager` when absent. */
  readonly recipients?: PrepRecipients;
}

/** A schedule as stored: with its recipients and when it was made (no prep before that is sent late). */
export interface StoredOneOnOne extends ScheduledOneOnOne {
  readonly recipients: PrepRecipients;
  readonly createdAt: Date;
}

export interface ActionPlan {
  readonly text: string;
  readonly savedBy: string;
  readonly savedAt: Date;
  /** The business day it was saved, for "how the numbers moved since". */
  readonly day: Day;
}

export interface CheckIn {
  readonly wentWell: string | null;
  readonly wantHelp: string | null;
  readonly answeredAt: Date;
}

interface ScheduleRow {
  team_id: string;
  rep: string;
  manager: string;
  weekday: number;
  minutes: number;
  every_weeks: 1 | 2;
  anchor: Day;
  recipients: PrepRecipients;
  created_at: string;
}

const toSchedule = (r: ScheduleRow): StoredOneOnOne => ({
  workspace: r.team_id,
  rep: r.rep,
  manager: r.manager,
  weekday: r.weekday,
  minutes: r.minutes,
  everyWeeks: r.every_weeks,
  anchor: r.anchor,
  recipients: r.recipients,
  createdAt: new Date(r.created_at),
});

/** 1on1 schedules, the plans agreed in them and reps' check-ins. */
export class OneOnOnes {
  constructor(private readonly db: Db) {}

  /** Schedules (or reschedules) a rep's recurring 1on1 with a manager. */
  schedule(s: ScheduledOneOnOne, by: string, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await ensurePerson(tx, s.workspace, s.rep, at);
      await ensurePerson(tx, s.workspace, s.manager, at);
      await tx.run(
        `INSERT INTO oneonones (team_id, rep, manager, weekday, minutes, every_weeks, anchor, recipients, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (team_id, rep) DO UPDATE SET manager = excluded.manager, weekday = excluded.weekday, minutes = excluded.minutes,
           every_weeks = excluded.every_weeks, anchor = excluded.anchor, recipients = excluded.recipients, created_by = excluded.created_by,
           created_at = excluded.created_at`,
        [s.workspace, s.rep, s.manager, s.weekday, s.minutes, s.everyWeeks, s.anchor, s.recipients ?? 'manager', by, at.toISOString()],
      );
    });
  }

  /** Removes a rep's schedule; false when there was none. */
  unschedule(workspace: string, rep: string): Promise<boolean> {
    return this.db.write(async (tx) => (await tx.run('DELETE FROM oneonones WHERE team_id = ? AND rep = ?', [workspace, rep])).changes > 0);
  }

  async of(workspace: string, rep: string): Promise<StoredOneOnOne | null> {
    const row = await this.db.read.get<ScheduleRow>('SELECT * FROM oneonones WHERE team_id = ? AND rep = ?', [workspace, rep]);
    return row ? toSchedule(row) : null;
  }

  /** Every schedule of a workspace, or of every workspace (the scheduler's round). */
  async all(workspace?: string): Promise<StoredOneOnOne[]> {
    const rows = workspace
      ? await this.db.read.all<ScheduleRow>('SELECT * FROM oneonones WHERE team_id = ? ORDER BY weekday, minutes, rep', [workspace])
      : await this.db.read.all<ScheduleRow>('SELECT * FROM oneonones ORDER BY team_id, weekday, minutes, rep');
    return rows.map(toSchedule);
  }

  /**
   * Keeps a plan agreed with a rep. `requestKey` (Slack's trigger ID, or the form's view ID) makes a
   * request sent twice save once; returns false when this request had saved it already.
   */
  savePlan(workspace: string, rep: string, text: string, by: string, at: Date, d: Day, requestKey: string | null): Promise<boolean> {
    return this.db.write(async (tx) => {
      const { changes } = await tx.run(
        'INSERT INTO action_plans (team_id, rep, text, saved_by, saved_at, day, request_key) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
        [workspace, rep, text, by, at.toISOString(), d, requestKey],
      );
      return changes > 0;
    });
  }

  /** The latest plan saved for a rep on or before a day. */
  async latestPlan(workspace: string, rep: string, before?: Day): Promise<ActionPlan | null> {
    const row = await this.db.read.get<{ text: string; saved_by: string; saved_at: string; day: Day }>(
      `SELECT text, saved_by, saved_at, day FROM action_plans WHERE team_id = ? AND rep = ? ${before ? 'AND day <= ?' : ''} ORDER BY id DESC LIMIT 1`,
      before ? [workspace, rep, before] : [workspace, rep],
    );
    return row ? { text: row.text, savedBy: row.saved_by, savedAt: new Date(row.saved_at), day: row.day } : null;
  }

  /** The latest plan of each person on a KPI team saved on or before a day, for those who have one: the morning DMs of a team read them at once. */
  async latestPlans(workspace: string, kpiTeam: number, before: Day): Promise<Map<string, ActionPlan>> {
    const rows = await this.db.read.all<{ rep: string; text: string; saved_by: string; saved_at: string; day: Day }>(
      `SELECT rep, text, saved_by, saved_at, day FROM action_plans
       WHERE id IN (SELECT max(id) FROM action_plans WHERE team_id = ? AND day <= ? AND rep IN (SELECT user_id FROM people WHERE team_id = ? AND kpi_team = ?) GROUP BY rep)`,
      [workspace, before, workspace, kpiTeam],
    );
    return new Map(rows.map((r) => [r.rep, { text: r.text, savedBy: r.saved_by, savedAt: new Date(r.saved_at), day: r.day }]));
  }

  saveCheckIn(workspace: string, rep: string, meetingDay: Day, answers: { wentWell: string | null; wantHelp: string | null }, at: Date): Promise<void> {
    return this.db.write(async (tx) => {
      await tx.run(
        `INSERT INTO checkins (team_id, rep, meeting_day, went_well, want_help, answered_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (team_id, rep, meeting_day) DO UPDATE SET went_well = excluded.went_well, want_help = excluded.want_help, answered_at = excluded.answered_at`,
        [workspace, rep, meetingDay, answers.wentWell, answers.wantHelp, at.toISOString()],
      );
    });
  }

  async checkIn(workspace: string, rep: string, meetingDay: Day): Promise<CheckIn | null> {
    const row = await this.db.read.get<{ went_well: string | null; want_help: string | null; answered_at: string }>(
      'SELECT went_well, want_help, answered_at FROM checkins WHERE team_id = ? AND rep = ? AND meeting_day = ?',
      [workspace, rep, meetingDay],
    );
    return row ? { wentWell: row.went_well, wantHelp: row.want_help, answeredAt: new Date(row.answered_at) } : null;
  }
}
